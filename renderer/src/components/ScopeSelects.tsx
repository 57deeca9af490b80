import type { MessageFilter } from '../../../shared/api/messages';
import { SOURCES, type Source } from '../../../shared/domain/vocabulary';
import { useApi } from '../api/useApi';
import { useI18n } from '../app/i18n';

export type Scope = Pick<MessageFilter, 'sources' | 'entities' | 'topics'>;

/** A select's value for a filter of several values: the one, or MANY (shown by manyOption) when a view set more. */
export const MANY = 'many';
export const selectValue = (values: readonly (string | number)[] | undefined): string =>
  !values || values.length === 0 ? '' : values.length === 1 ? String(values[0]) : MANY;

/** The option a select shows when its filter holds several values (a view's, a chart's): all of them, named. */
export function manyOption(names: string[]) {
  return names.length > 1 ? (
    <option value={MANY} hidden>
      {names.join(', ')}
    </option>
  ) : null;
}

/**
 * One source, entity or topic (or all): the grid's filters and the dashboard's scope. The lists
 * load once the browser is idle, after the screen's own first answers.
 */
export function ScopeSelects({ scope, onChange }: { scope: Scope; onChange(patch: Scope): void }) {
  const { t } = useI18n();
  const entities = useApi('entities.list', { mentions: false }, { idle: true }).data ?? [];
  const topics = useApi('topics.list', { mentions: false }, { idle: true }).data ?? [];
  const names = (ids: number[] | undefined, list: { id: number; name: string }[]): string[] =>
    (ids ?? []).map((id) => list.find((item) => item.id === id)?.name ?? `#${id}`);
  return (
    <>
      <select
        aria-label={t('grid.col.source')}
        value={selectValue(scope.sources)}
        onChange={(e) => onChange({ sources: e.target.value ? [e.target.value as Source] : undefined })}
      >
        <option value="">{t('filter.allSources')}</option>
        {manyOption((scope.sources ?? []).map((source) => t(`source.${source}`)))}
        {SOURCES.map((source) => (
          <option key={source} value={source}>
            {t(`source.${source}`)}
          </option>
        ))}
      </select>
      <select
        aria-label={t('filter.entity')}
        value={selectValue(scope.entities)}
        onChange={(e) => onChange({ entities: e.target.value ? [Number(e.target.value)] : undefined })}
      >
        <option value="">{t('filter.allEntities')}</option>
        {manyOption(names(scope.entities, entities))}
        {entities.map((entity) => (
          <option key={entity.id} value={entity.id}>
            {entity.name}
          </option>
        ))}
      </select>
      <select
        aria-label={t('filter.topic')}
        value={selectValue(scope.topics)}
        onChange={(e) => onChange({ topics: e.target.value ? [Number(e.target.value)] : undefined })}
      >
        <option value="">{t('filter.allTopics')}</option>
        {manyOption(names(scope.topics, topics))}
        {topics.map((topic) => (
          <option key={topic.id} value={topic.id}>
            {topic.name}
          </option>
        ))}
      </select>
    </>
  );
}
