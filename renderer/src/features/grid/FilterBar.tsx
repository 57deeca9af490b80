import { useEffect, useState } from 'react';
import type { Topic, TrackedEntity } from '../../../../shared/api/contract';
import type { MessageFilter } from '../../../../shared/api/messages';
import { TEMPERATURES } from '../../../../shared/domain/temperature';
import { KINDS, SOURCES } from '../../../../shared/domain/vocabulary';
import type { MessageKey } from '../../../../shared/i18n';
import { api } from '../../api/client';
import { useI18n } from '../../app/i18n';

interface Props {
  filter: MessageFilter;
  onChange(filter: MessageFilter): void;
}

const SEARCH_DELAY_MS = 250;

/** The grid's filters; each select narrows to one value, or all. */
export function FilterBar({ filter, onChange }: Props) {
  const { t } = useI18n();
  const [entities, setEntities] = useState<TrackedEntity[]>([]);
  const [topics, setTopics] = useState<Topic[]>([]);
  const [search, setSearch] = useState(filter.search ?? '');

  useEffect(() => {
    void api.call('entities.list', {}).then(setEntities);
    void api.call('topics.list', {}).then(setTopics);
  }, []);
  useEffect(() => {
    if ((filter.search ?? '') === search) return;
    const timer = setTimeout(() => onChange({ ...filter, search: search || undefined }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [search, filter, onChange]);

  const set = <K extends keyof MessageFilter>(key: K, value: MessageFilter[K] | undefined): void => onChange({ ...filter, [key]: value });
  const one = <T,>(values: readonly T[] | undefined): string => (values?.length === 1 ? String(values[0]) : '');

  return (
    <div className="filters" role="search">
      <input type="search" aria-label={t('filter.search')} placeholder={t('filter.search')} value={search} onChange={(e) => setSearch(e.target.value)} />
      <label>{t('filter.from')} <input type="date" value={filter.from ?? ''} onChange={(e) => set('from', e.target.value || undefined)} /></label>
      <label>{t('filter.to')} <input type="date" value={filter.to ?? ''} onChange={(e) => set('to', e.target.value || undefined)} /></label>
      <select aria-label={t('grid.col.source')} value={one(filter.sources)} onChange={(e) => set('sources', e.target.value ? [e.target.value as (typeof SOURCES)[number]] : undefined)}>
        <option value="">{t('filter.allSources')}</option>
        {SOURCES.map((source) => <option key={source} value={source}>{source}</option>)}
      </select>
      <select aria-label={t('grid.col.temperature')} value={one(filter.temperatures)} onChange={(e) => set('temperatures', e.target.value === '' ? undefined : [e.target.value === 'unlabeled' ? 'unlabeled' : Number(e.target.value)])}>
        <option value="">{t('filter.allTemperatures')}</option>
        <option value="unlabeled">{t('temperature.unlabeled')}</option>
        {TEMPERATURES.map((value) => <option key={value} value={value}>{value > 0 ? `+${value}` : value}</option>)}
      </select>
      <select aria-label={t('grid.col.kind')} value={one(filter.kinds)} onChange={(e) => set('kinds', e.target.value ? [e.target.value as 'none'] : undefined)}>
        <option value="">{t('filter.allKinds')}</option>
        <option value="none">{t('filter.noKind')}</option>
        {KINDS.map((kind) => <option key={kind} value={kind}>{t(`kind.${kind}` as MessageKey)}</option>)}
      </select>
      <select aria-label={t('filter.entity')} value={one(filter.entities)} onChange={(e) => set('entities', e.target.value ? [Number(e.target.value)] : undefined)}>
        <option value="">{t('filter.allEntities')}</option>
        {entities.map((entity) => <option key={entity.id} value={entity.id}>{entity.name}</option>)}
      </select>
      <select aria-label={t('filter.topic')} value={one(filter.topics)} onChange={(e) => set('topics', e.target.value ? [Number(e.target.value)] : undefined)}>
        <option value="">{t('filter.allTopics')}</option>
        {topics.map((topic) => <option key={topic.id} value={topic.id}>{topic.name}</option>)}
      </select>
      <label><input type="checkbox" checked={filter.hasCase === true} onChange={(e) => set('hasCase', e.target.checked || undefined)} /> {t('filter.hasCase')}</label>
    </div>
  );
}
