import { useEffect, useState } from 'react';
import type { GridPrefs } from '../../../../shared/api/grid';
import type { MessageFilter } from '../../../../shared/api/messages';
import { localDate } from '../../../../shared/domain/time';
import { BUILTIN_VIEWS, builtinView, type BuiltinView } from '../../../../shared/domain/views';
import { TEMPERATURES } from '../../../../shared/domain/temperature';
import { KINDS } from '../../../../shared/domain/vocabulary';
import type { MessageKey } from '../../../../shared/i18n';
import { useApi } from '../../api/useApi';
import { useI18n } from '../../app/i18n';
import { annotatorText } from '../../../../shared/domain/grid-text';
import { manyOption, ScopeSelects, selectValue } from '../../components/ScopeSelects';
import { DayField } from '../../components/DayField';
import { sameFilter } from './filter-chips';

interface Props {
  filter: MessageFilter;
  onChange(filter: MessageFilter): void;
  /** Filters saved under a name in this workspace. */
  views: GridPrefs['views'];
  onSaveViews(views: GridPrefs['views']): void;
}

const SEARCH_DELAY_MS = 250;
const signed = (value: number): string => (value > 0 ? `+${value}` : String(value));

/** The grid's filters; each select narrows to one value, or all (several, as a view or a chart set them, shown). */
export function FilterBar({ filter, onChange, views, onSaveViews }: Props) {
  const i18n = useI18n();
  const { t, settings } = i18n;
  const annotatorList = useApi('labels.annotators', {}, { idle: true });
  const annotators = annotatorList.data ?? [];
  const [naming, setNaming] = useState<string | null>(null);
  const [search, setSearch] = useState(filter.search ?? '');

  useEffect(() => setSearch(filter.search ?? ''), [filter.search]);
  useEffect(() => {
    if ((filter.search ?? '') === search) return;
    const timer = setTimeout(() => onChange({ ...filter, search: search || undefined }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [search, filter, onChange]);

  const set = <K extends keyof MessageFilter>(key: K, value: MessageFilter[K] | undefined): void =>
    onChange({ ...filter, [key]: value });

  /** The view last applied: the selector keeps its name for as long as the filter is still that view's. */
  const [chosen, setChosen] = useState<{ value: string; filter: MessageFilter } | null>(null);
  const applyView = (value: string): void => {
    const next = value.startsWith('builtin:')
      ? builtinView(value.slice(8) as BuiltinView, localDate(Date.now(), settings.timeZone))
      : (views.find((view) => view.name === value.slice(6))?.filter ?? {});
    setChosen(value ? { value, filter: next } : null);
    onChange(next);
  };
  const saveView = (event: React.FormEvent): void => {
    event.preventDefault();
    const name = naming?.trim();
    if (!name) return;
    onSaveViews([...views.filter((view) => view.name !== name), { name, filter }]);
    setChosen({ value: `saved:${name}`, filter });
    setNaming(null);
  };

  return (
    <div className="filters" role="search">
      <select
        aria-label={t('views.label')}
        value={chosen && sameFilter(chosen.filter, filter) ? chosen.value : ''}
        onChange={(e) => applyView(e.target.value)}
      >
        <option value="">{t('views.label')}…</option>
        <optgroup label={t('views.builtin')}>
          {BUILTIN_VIEWS.map((view) => (
            <option key={view} value={`builtin:${view}`}>
              {t(`views.${view}`)}
            </option>
          ))}
        </optgroup>
        {views.length > 0 && (
          <optgroup label={t('views.saved')}>
            {views.map((view) => (
              <option key={view.name} value={`saved:${view.name}`}>
                {view.name}
              </option>
            ))}
          </optgroup>
        )}
      </select>
      {naming === null ? (
        <button type="button" onClick={() => setNaming('')}>
          {t('views.save')}
        </button>
      ) : (
        <form className="inline-form" onSubmit={saveView}>
          <input
            autoFocus
            aria-label={t('views.name')}
            placeholder={t('views.name')}
            value={naming}
            maxLength={80}
            onChange={(e) => setNaming(e.target.value)}
            onKeyDown={(e) => e.key === 'Escape' && setNaming(null)}
          />
          <button type="submit" disabled={naming.trim() === ''}>
            {t('views.saveConfirm')}
          </button>
        </form>
      )}
      <input
        type="search"
        aria-label={t('filter.search')}
        placeholder={t('filter.search')}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
      />
      <DayField
        label={t('filter.from')}
        value={filter.from}
        optional
        max={filter.to}
        onChange={(day) => set('from', day)}
      />
      <DayField
        label={t('filter.to')}
        value={filter.to}
        optional
        min={filter.from}
        onChange={(day) => set('to', day)}
      />
      <ScopeSelects scope={filter} onChange={(patch) => onChange({ ...filter, ...patch })} />
      <select
        aria-label={t('grid.col.temperature')}
        value={selectValue(filter.temperatures)}
        onChange={(e) =>
          set(
            'temperatures',
            e.target.value === '' ? undefined : [e.target.value === 'unlabeled' ? 'unlabeled' : Number(e.target.value)],
          )
        }
      >
        <option value="">{t('filter.allTemperatures')}</option>
        {manyOption(
          (filter.temperatures ?? []).map((v) => (v === 'unlabeled' ? t('temperature.unlabeled') : signed(v))),
        )}
        <option value="unlabeled">{t('temperature.unlabeled')}</option>
        {TEMPERATURES.map((value) => (
          <option key={value} value={value}>
            {signed(value)}
          </option>
        ))}
      </select>
      <select
        aria-label={t('grid.col.kind')}
        value={selectValue(filter.kinds)}
        onChange={(e) => set('kinds', e.target.value ? [e.target.value as 'none'] : undefined)}
      >
        <option value="">{t('filter.allKinds')}</option>
        {manyOption(
          (filter.kinds ?? []).map((k) => (k === 'none' ? t('filter.noKind') : t(`kind.${k}` as MessageKey))),
        )}
        <option value="none">{t('filter.noKind')}</option>
        {KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {t(`kind.${kind}` as MessageKey)}
          </option>
        ))}
      </select>
      <select
        aria-label={t('grid.col.annotator')}
        value={selectValue(filter.annotators)}
        onChange={(e) => set('annotators', e.target.value ? [e.target.value] : undefined)}
        onFocus={annotatorList.reload}
      >
        <option value="">{t('filter.allAnnotators')}</option>
        {manyOption((filter.annotators ?? []).map((name) => annotatorText(name, i18n)))}
        {[...new Set([settings.annotator, ...annotators])].map((name) => (
          <option key={name} value={name}>
            {annotatorText(name, i18n)}
          </option>
        ))}
      </select>
      <label>
        <input
          type="checkbox"
          checked={filter.hasCase === true}
          onChange={(e) => set('hasCase', e.target.checked || undefined)}
        />{' '}
        {t('filter.hasCase')}
      </label>
    </div>
  );
}
