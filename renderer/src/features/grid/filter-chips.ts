import type { MessageFilter } from '../../../../shared/api/messages';
import { annotatorText, caseTypeText, demographicText, sourceText } from '../../../../shared/domain/grid-text';
import { TEMPERATURE_LABELS, type Temperature } from '../../../../shared/domain/temperature';
import type { MessageKey, Translator } from '../../../../shared/i18n';

export interface FilterChip {
  /** The filter's keys this chip stands for: removing it removes them. */
  keys: (keyof MessageFilter)[];
  text: string;
}

/** Entity and topic names by id, as the lists read them. */
export interface Names {
  entities: ReadonlyMap<number, string>;
  topics: ReadonlyMap<number, string>;
}

const CASE_STATES: Record<NonNullable<MessageFilter['cases']>['state'] & string, MessageKey> = {
  requested: 'care.requested',
  attended: 'care.attended',
  resolved: 'care.resolved',
  waiting: 'chips.waiting',
};

/**
 * The whole filter in words, one chip per thing it narrows (the dates as one): what the grid shows, whether the
 * analyst set it, a view did, or a chart's drill-down.
 */
export function filterChips(filter: MessageFilter, names: Names, i18n: Translator): FilterChip[] {
  const { t, day } = i18n;
  const list = (values: string[]): string => values.join(', ');
  const named = (ids: number[], map: ReadonlyMap<number, string>): string =>
    list(ids.map((id) => map.get(id) ?? `#${id}`));
  const chips: FilterChip[] = [];
  const add = (keys: FilterChip['keys'], text: string): void => void chips.push({ keys, text });
  if (filter.from && filter.to)
    add(['from', 'to'], filter.from === filter.to ? day(filter.from) : `${day(filter.from)} – ${day(filter.to)}`);
  else if (filter.from) add(['from'], t('chips.from', { day: day(filter.from) }));
  else if (filter.to) add(['to'], t('chips.to', { day: day(filter.to) }));
  if (filter.search) add(['search'], `“${filter.search}”`);
  if (filter.sources?.length)
    add(['sources'], t('chips.source', { values: list(filter.sources.map((s) => sourceText(s, i18n))) }));
  if (filter.entities?.length) add(['entities'], t('chips.entity', { values: named(filter.entities, names.entities) }));
  if (filter.topics?.length) add(['topics'], t('chips.topic', { values: named(filter.topics, names.topics) }));
  if (filter.temperatures?.length) {
    const words = filter.temperatures.map((value) =>
      value === 'unlabeled'
        ? t('temperature.unlabeled')
        : `${value > 0 ? '+' : ''}${value} ${t(TEMPERATURE_LABELS[`${value as Temperature}`])}`,
    );
    add(['temperatures'], t('chips.temperature', { values: list(words) }));
  }
  if (filter.kinds?.length) {
    const words = filter.kinds.map((kind) => (kind === 'none' ? t('filter.noKind') : t(`kind.${kind}` as MessageKey)));
    add(['kinds'], t('chips.kind', { values: list(words) }));
  }
  if (filter.annotators?.length)
    add(['annotators'], t('chips.annotator', { values: list(filter.annotators.map((a) => annotatorText(a, i18n))) }));
  if (filter.hasCase !== undefined) add(['hasCase'], t(filter.hasCase ? 'filter.hasCase' : 'chips.noCase'));
  if (filter.batch !== undefined) add(['batch'], t('grid.batchFilter', { batch: filter.batch }));
  if (filter.authors?.length) add(['authors'], t('chips.authors', { count: filter.authors.length }));
  if (filter.userFlow) add(['userFlow'], t('chips.users', { flow: t(`users.${filter.userFlow}`) }));
  if (filter.advocates) {
    const entity = names.entities.get(filter.advocates.entity) ?? `#${filter.advocates.entity}`;
    add(['advocates'], t(`chips.${filter.advocates.group}`, { entity }));
  }
  if (filter.demographic) {
    const { dimension, value } = filter.demographic;
    add(['demographic'], `${t(`field.${dimension}`)}: ${demographicText(dimension, value, i18n)}`);
  }
  if (filter.cases) {
    const { openedFrom, openedTo, type, state } = filter.cases;
    const parts = [t('chips.cases', { from: day(openedFrom), to: day(openedTo) })];
    if (type) parts.push(caseTypeText(type, i18n));
    if (state) parts.push(t(CASE_STATES[state]));
    add(['cases'], parts.join(' · '));
  }
  return chips;
}

/** The filter without a chip's keys. */
export function withoutChip(filter: MessageFilter, chip: FilterChip): MessageFilter {
  const next = { ...filter };
  for (const key of chip.keys) delete next[key];
  return next;
}

/** Two filters that narrow the same way (keys in any order; an unset key is no key). */
export function sameFilter(a: MessageFilter, b: MessageFilter): boolean {
  const canonical = (filter: MessageFilter): string =>
    JSON.stringify(
      Object.entries(filter)
        .filter(([, value]) => value !== undefined)
        .sort(([x], [y]) => x.localeCompare(y)),
    );
  return canonical(a) === canonical(b);
}
