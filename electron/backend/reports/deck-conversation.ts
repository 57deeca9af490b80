import { demographicText } from '../../../shared/domain/grid-text';
import { row, TEMPERATURE_COLORS, UNLABELED_COLOR, PALETTE, type DeckContext } from './deck-context';
import type { DeckSection } from './deck';
import { TEMPERATURES } from '../../../shared/domain/temperature';

// The deck's sections on what people say: volume and temperature, share of voice, demographics.

export function volume(c: DeckContext): DeckSection {
  const { kpis, tr, temperatureColumns, day, messagesCaption, section } = c;

  const labels = { day: 'deck.column.day', week: 'deck.column.week', month: 'deck.column.month' } as const;
  return section(
    'volume',
    messagesCaption,
    [
      {
        key: 'buckets',
        title: tr('deck.table.buckets'),
        columns: [
          { header: tr(labels[kpis.volume.granularity]), format: 'text' },
          { header: tr('deck.column.messages'), format: 'int' },
          ...temperatureColumns,
          { header: tr('temperature.unlabeled'), format: 'int' },
        ],
        rows: kpis.volume.buckets.map((bucket) =>
          row(
            day(bucket.start),
            bucket.messages,
            ...TEMPERATURES.map((value) => bucket.byTemperature[String(value) as '0']),
            bucket.byTemperature.unlabeled,
          ),
        ),
      },
    ],
    [
      { title: tr('deck.chart.messages'), kind: 'line', table: 'buckets', series: [1], colors: ['2F6FDE'] },
      {
        title: tr('deck.chart.temperatureShare'),
        kind: 'column',
        grouping: 'percentStacked',
        table: 'buckets',
        series: [2, 3, 4, 5, 6, 7],
        colors: [...TEMPERATURE_COLORS, UNLABELED_COLOR],
      },
    ],
  );
}

export function voice(c: DeckContext): DeckSection {
  const { kpis, tr, temperatureName, temperatureColumns, noData, own, percentText, messagesCaption, section } = c;

  const entities = kpis.entities;
  return section(
    'voice',
    own ? tr('deck.caption.voice', { entity: own.name, share: percentText(own.shareOfVoice) }) : messagesCaption,
    [
      {
        key: 'entities',
        title: tr('deck.table.entities'),
        columns: [
          { header: tr('deck.column.entity'), format: 'text' },
          { header: tr('deck.column.mentions'), format: 'int' },
          { header: tr('deck.column.shareOfVoice'), format: 'pct' },
          { header: tr('deck.column.netTemperature'), format: 'pct' },
          ...temperatureColumns,
        ],
        rows: entities.map((e) =>
          row(
            e.name,
            e.mentions,
            e.shareOfVoice,
            e.netTemperature,
            ...TEMPERATURES.map((v) => e.byTemperature[String(v) as '0']),
          ),
        ),
      },
      {
        key: 'sovByTemperature',
        title: tr('deck.table.sovByTemperature'),
        columns: [
          { header: tr('deck.column.entity'), format: 'text' },
          ...TEMPERATURES.map((value) => ({ header: temperatureName(value), format: 'pct' as const })),
        ],
        rows: entities.map((e) =>
          row(e.name, ...TEMPERATURES.map((v) => e.shareOfVoiceByTemperature[String(v) as '0'])),
        ),
      },
      {
        key: 'topics',
        title: tr('deck.table.topics'),
        columns: [
          { header: tr('deck.column.topic'), format: 'text' },
          { header: tr('deck.column.mentions'), format: 'int' },
          ...entities.map((e) => ({ header: tr('deck.column.socOf', { entity: e.name }), format: 'pct' as const })),
        ],
        rows: kpis.topics.map((topic) =>
          row(topic.name, topic.mentions, ...entities.map((e) => topic.shareOfConversation[e.name] ?? null)),
        ),
      },
    ],
    entities.length === 0
      ? []
      : [
          {
            title: tr('deck.chart.shareOfVoice'),
            kind: 'doughnut',
            table: 'entities',
            series: [1],
            pointColors: entities.map((_, i) => PALETTE[i % PALETTE.length] as string),
          },
          {
            title: tr('deck.chart.mentionsByTemperature'),
            kind: 'bar',
            grouping: 'stacked',
            table: 'entities',
            series: [4, 5, 6, 7, 8],
            colors: TEMPERATURE_COLORS,
          },
          {
            title: tr('deck.chart.sovByTemperature'),
            kind: 'column',
            grouping: 'clustered',
            table: 'sovByTemperature',
            series: [1, 2, 3, 4, 5],
            colors: TEMPERATURE_COLORS,
          },
        ],
    noData ?? (entities.length === 0 ? tr('deck.noEntities') : null),
  );
}

export function demographics(c: DeckContext): DeckSection {
  const { kpis, tr, temperatureColumns, noData, messagesCaption, section } = c;

  const dimensions = ['ageBand', 'sex', 'region'] as const;
  const tables = dimensions.map((dimension) => ({
    key: dimension,
    title: tr(`deck.table.${dimension}`),
    columns: [
      { header: tr(`deck.column.${dimension}`), format: 'text' as const },
      { header: tr('deck.column.messages'), format: 'int' as const },
      { header: tr('deck.column.meanTemperature'), format: 'dec2' as const },
      ...temperatureColumns,
    ],
    rows: Object.entries(kpis.demographics[dimension]).map(([value, figures]) =>
      row(
        demographicText(dimension, value, c.t),
        figures.messages,
        figures.meanTemperature,
        ...TEMPERATURES.map((v) => figures.byTemperature[String(v) as '0']),
      ),
    ),
  }));
  return section(
    'demographics',
    messagesCaption,
    tables,
    tables
      .filter((table) => table.rows.length > 0)
      .map((table) => ({
        title: tr(`deck.chart.${table.key}`),
        kind: 'column' as const,
        grouping: 'stacked' as const,
        table: table.key,
        series: [3, 4, 5, 6, 7],
        colors: TEMPERATURE_COLORS,
      })),
    noData ?? (tables.every((table) => table.rows.length === 0) ? tr('deck.noDemographics') : null),
  );
}
