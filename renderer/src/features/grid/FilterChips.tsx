import { useMemo } from 'react';
import type { MessageFilter } from '../../../../shared/api/messages';
import { useApi } from '../../api/useApi';
import { useI18n } from '../../app/i18n';
import { filterChips, withoutChip } from './filter-chips';

/** Every active filter as a chip that removes it, and one button that removes them all. */
export function FilterChips({ filter, onChange }: { filter: MessageFilter; onChange(filter: MessageFilter): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  // The names are read only when a chip needs them (the grid's selects read the same lists for their options).
  const needsEntities = Boolean(filter.entities?.length || filter.advocates);
  const entities = useApi('entities.list', needsEntities ? { mentions: false } : null, { idle: true }).data;
  const topics = useApi('topics.list', filter.topics?.length ? { mentions: false } : null, { idle: true }).data;
  const names = useMemo(
    () => ({
      entities: new Map((entities ?? []).map((entity) => [entity.id, entity.name])),
      topics: new Map((topics ?? []).map((topic) => [topic.id, topic.name])),
    }),
    [entities, topics],
  );
  const chips = filterChips(filter, names, i18n);
  if (chips.length === 0) return null;
  return (
    <div className="filter-chips" role="group" aria-label={t('chips.label')} data-testid="filter-chips">
      <span className="muted">{t('chips.label')}:</span>
      {chips.map((chip) => (
        <button
          key={chip.keys.join()}
          type="button"
          className="filter-chip"
          aria-label={t('chips.remove', { filter: chip.text })}
          title={t('chips.remove', { filter: chip.text })}
          onClick={() => onChange(withoutChip(filter, chip))}
        >
          {chip.text} <span aria-hidden="true">×</span>
        </button>
      ))}
      <button type="button" className="link" onClick={() => onChange({})}>
        {t('chips.clearAll')}
      </button>
    </div>
  );
}
