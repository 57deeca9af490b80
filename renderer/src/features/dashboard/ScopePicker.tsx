import { useEffect, useState } from 'react';
import type { Topic, TrackedEntity } from '../../../../shared/api/contract';
import type { KpiScope } from '../../../../shared/api/kpis';
import { SOURCES, type Source } from '../../../../shared/domain/vocabulary';
import { api } from '../../api/client';
import { useI18n } from '../../app/i18n';

/** Narrows every figure and chart to one source, entity or topic. */
export function ScopePicker({ scope, onChange }: { scope: KpiScope; onChange(scope: KpiScope): void }) {
  const { t } = useI18n();
  const [entities, setEntities] = useState<TrackedEntity[]>([]);
  const [topics, setTopics] = useState<Topic[]>([]);
  useEffect(() => {
    void api.call('entities.list', { mentions: false }).then(setEntities);
    void api.call('topics.list', { mentions: false }).then(setTopics);
  }, []);
  const set = <K extends keyof KpiScope>(key: K, value: KpiScope[K] | undefined): void => {
    const next = { ...scope };
    if (value === undefined) delete next[key];
    else next[key] = value;
    onChange(next);
  };
  return (
    <div className="scope-picker">
      <select aria-label={t('grid.col.source')} value={scope.sources?.[0] ?? ''} onChange={(e) => set('sources', e.target.value ? [e.target.value as Source] : undefined)}>
        <option value="">{t('filter.allSources')}</option>
        {SOURCES.map((source) => <option key={source} value={source}>{source}</option>)}
      </select>
      <select aria-label={t('filter.entity')} value={scope.entities?.[0] ?? ''} onChange={(e) => set('entities', e.target.value ? [Number(e.target.value)] : undefined)}>
        <option value="">{t('filter.allEntities')}</option>
        {entities.map((entity) => <option key={entity.id} value={entity.id}>{entity.name}</option>)}
      </select>
      <select aria-label={t('filter.topic')} value={scope.topics?.[0] ?? ''} onChange={(e) => set('topics', e.target.value ? [Number(e.target.value)] : undefined)}>
        <option value="">{t('filter.allTopics')}</option>
        {topics.map((topic) => <option key={topic.id} value={topic.id}>{topic.name}</option>)}
      </select>
    </div>
  );
}
