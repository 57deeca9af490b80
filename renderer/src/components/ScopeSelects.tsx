import type { MessageFilter } from '../../../shared/api/messages';
import { SOURCES, type Source } from '../../../shared/domain/vocabulary';
import { useApi } from '../api/useApi';
import { useI18n } from '../app/i18n';

export type Scope = Pick<MessageFilter, 'sources' | 'entities' | 'topics'>;

/**
 * One source, entity or topic (or all): the grid's filters and the dashboard's scope. The lists
 * load once the browser is idle, after the screen's own first answers.
 */
export function ScopeSelects({ scope, onChange }: { scope: Scope; onChange(patch: Scope): void }) {
  const { t } = useI18n();
  const entities = useApi('entities.list', { mentions: false }, { idle: true }).data ?? [];
  const topics = useApi('topics.list', { mentions: false }, { idle: true }).data ?? [];
  const first = (values: readonly (string | number)[] | undefined): string =>
    values?.length === 1 ? String(values[0]) : '';
  return (
    <>
      <select
        aria-label={t('grid.col.source')}
        value={first(scope.sources)}
        onChange={(e) => onChange({ sources: e.target.value ? [e.target.value as Source] : undefined })}
      >
        <option value="">{t('filter.allSources')}</option>
        {SOURCES.map((source) => (
          <option key={source} value={source}>
            {t(`source.${source}`)}
          </option>
        ))}
      </select>
      <select
        aria-label={t('filter.entity')}
        value={first(scope.entities)}
        onChange={(e) => onChange({ entities: e.target.value ? [Number(e.target.value)] : undefined })}
      >
        <option value="">{t('filter.allEntities')}</option>
        {entities.map((entity) => (
          <option key={entity.id} value={entity.id}>
            {entity.name}
          </option>
        ))}
      </select>
      <select
        aria-label={t('filter.topic')}
        value={first(scope.topics)}
        onChange={(e) => onChange({ topics: e.target.value ? [Number(e.target.value)] : undefined })}
      >
        <option value="">{t('filter.allTopics')}</option>
        {topics.map((topic) => (
          <option key={topic.id} value={topic.id}>
            {topic.name}
          </option>
        ))}
      </select>
    </>
  );
}
