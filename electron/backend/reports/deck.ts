import type { KpiReport, KpiSummary, Ratio } from '../../../shared/api/kpis';
import type { DeckSectionKey } from '../../../shared/api/reports';
import { ATTRIBUTION_MODELS } from '../../../shared/domain/attribution';
import { ratio } from '../../../shared/domain/kpis';
import type { RoiReport } from '../../../shared/domain/roi';
import { TEMPERATURE_LABELS, TEMPERATURES } from '../../../shared/domain/temperature';
import type { MessageKey, Translator } from '../../../shared/i18n';
import type { ChartGrouping, ChartKind } from './xlsx-charts';

// The deck as data, the same for the workbook and the slides: each section's tables (the numbers, as the KPIs give
// them) and the charts drawn from their columns. Pure: the KPI and ROI reports in, the deck out.

/** How a cell shows its number; `change` and `points` are the ▲▼ of a comparison. */
export type CellFormat = 'text' | 'int' | 'dec1' | 'dec2' | 'pct' | 'money' | 'change' | 'points' | 'delta';
export type CellValue = string | number | null;
export interface DeckCell {
  value: CellValue;
  /** Where the row's figure is of another kind than the column's (a ratio among counts). */
  format?: CellFormat;
}

export interface DeckTable {
  key: string;
  title: string;
  columns: { header: string; format: CellFormat }[];
  rows: DeckCell[][];
  note?: string;
}

export interface DeckChart {
  title: string;
  kind: ChartKind;
  grouping?: ChartGrouping;
  /** The table whose first column gives the categories and whose `series` columns give the values. */
  table: string;
  series: number[];
  /** A combo's line columns, on the second axis. */
  secondary?: number[];
  /** One colour per series (RRGGBB); a pie's per category when `pointColors`. */
  colors?: string[];
  pointColors?: string[];
}

/** A dashboard chart with no native counterpart, placed as a picture drawn from the dashboard's own option. */
export interface DeckPicture {
  title: string;
  /** The dashboard chart's id (shared/charts). */
  chart: string;
}

export interface DeckSection {
  key: 'summary' | DeckSectionKey;
  /** The sheet's name: short, in the deck's language. */
  name: string;
  title: string;
  /** The section's figure and its change, in words: each of its slides' caption. */
  caption: string;
  tables: DeckTable[];
  charts: DeckChart[];
  pictures: DeckPicture[];
  /** Said instead of tables and charts when the period has nothing for the section. */
  empty: string | null;
}

export interface Deck {
  title: string;
  workspace: string;
  /** The workspace's logo as a data URL (PNG or JPEG), on the cover and the title slide. */
  logo: string | null;
  period: { from: string; to: string; label: string };
  generatedAt: number;
  sections: DeckSection[];
}

export interface DeckInput {
  kpis: KpiReport;
  roi: RoiReport | null;
  previousRoi: RoiReport | null;
  workspace: string;
  logo: string | null;
  sections: readonly DeckSectionKey[];
  /** True when the user named the sections: leads and ROI then appear even with no data, saying so. */
  sectionsChosen: boolean;
  generatedAt: number;
}

/** The temperature ramp of the grid's chips and the dashboard (DESIGN.md), without the '#'. */
const TEMPERATURE_COLORS = ['B2182B', 'EF8A62', '8C8C8C', '67A9CF', '1A9850'];
const UNLABELED_COLOR = 'D5D8DC';
const PALETTE = ['2F6FDE', 'F28E2B', '59A14F', 'B07AA1', 'EDC948', '76B7B2', 'FF9DA7', '9C755F', 'BAB0AC', 'E15759'];

const cell = (value: CellValue, format?: CellFormat): DeckCell => (format ? { value, format } : { value });
const row = (...values: CellValue[]): DeckCell[] => values.map((value) => cell(value));

/** Relative change (0.1 = +10 %), null without a base. */
const change = (now: number, before: number): Ratio => ratio(now - before, before);
const difference = (now: Ratio, before: Ratio): number | null =>
  now === null || before === null ? null : now - before;
/** A ratio's change in percentage points. */
const points = (now: Ratio, before: Ratio): number | null =>
  now === null || before === null ? null : Math.round((now - before) * 1000) / 10;

export function buildDeck(input: DeckInput, t: Translator): Deck {
  const { kpis } = input;
  const tr = (key: string, values?: Record<string, string | number>): string => t.t(key as MessageKey, values);
  const temperatureName = (value: number): string =>
    `${value > 0 ? '+' : ''}${value} ${tr(TEMPERATURE_LABELS[String(value) as keyof typeof TEMPERATURE_LABELS])}`;
  const temperatureColumns = TEMPERATURES.map((value) => ({ header: temperatureName(value), format: 'int' as const }));
  const noData = kpis.totals.messages === 0 ? tr('deck.noData') : null;
  // A day as the deck's language writes it (29/06/2026, 06/29/2026); noon UTC is that day but beyond ±12 h.
  const day = (iso: string): string => t.date(Date.parse(`${iso}T12:00:00Z`));
  const periodLabel = `${day(kpis.period.from)} – ${day(kpis.period.to)}`;
  const own = kpis.entities.find((entity) => entity.role === 'own') ?? null;
  const ownIn = (summary: KpiSummary) => summary.entities.find((entity) => entity.name === own?.name) ?? null;
  const percentText = (value: Ratio): string => (value === null ? '—' : `${t.number(value * 100, 1)} %`);
  const changeText = (value: Ratio): string =>
    value === null ? '' : `${value >= 0 ? '▲' : '▼'} ${t.number(Math.abs(value) * 100, 1)} %`;
  const messagesCaption = tr('deck.caption.messages', {
    messages: kpis.totals.messages,
    change: changeText(change(kpis.totals.messages, kpis.previousPeriod.totals.messages)),
  });

  const section = (
    key: DeckSection['key'],
    caption: string,
    tables: DeckTable[],
    charts: DeckChart[],
    empty: string | null = noData,
    pictures: DeckPicture[] = [],
  ): DeckSection => ({
    key,
    name: tr(`deck.sheet.${key}`),
    title: tr(`deck.title.${key}`),
    caption,
    tables: empty ? [] : tables,
    charts: empty ? [] : charts,
    pictures: empty ? [] : pictures,
    empty,
  });

  const summary = (): DeckSection => {
    const previous = kpis.previousPeriod;
    const lastYear = kpis.yearBefore;
    const count = (label: string, now: number, before: number, yearAgo: number): DeckCell[] => [
      cell(label),
      cell(now, 'int'),
      cell(before, 'int'),
      cell(change(now, before), 'change'),
      cell(yearAgo, 'int'),
      cell(change(now, yearAgo), 'change'),
    ];
    const share = (
      label: string,
      now: Ratio,
      before: Ratio,
      yearAgo: Ratio,
      format: CellFormat = 'pct',
    ): DeckCell[] => [
      cell(label),
      cell(now, format),
      cell(before, format),
      cell(points(now, before), 'points'),
      cell(yearAgo, format),
      cell(points(now, yearAgo), 'points'),
    ];
    const headline: DeckCell[][] = [
      count(tr('deck.figure.messages'), kpis.totals.messages, previous.totals.messages, lastYear.totals.messages),
      count(tr('deck.figure.labeled'), kpis.totals.labeled, previous.totals.labeled, lastYear.totals.labeled),
      share(tr('deck.figure.netTemperature'), kpis.netTemperature, previous.netTemperature, lastYear.netTemperature),
      [
        cell(tr('deck.figure.meanTemperature')),
        cell(kpis.meanTemperature, 'dec2'),
        cell(previous.meanTemperature, 'dec2'),
        cell(difference(kpis.meanTemperature, previous.meanTemperature), 'delta'),
        cell(lastYear.meanTemperature, 'dec2'),
        cell(difference(kpis.meanTemperature, lastYear.meanTemperature), 'delta'),
      ],
    ];
    if (own)
      headline.push(
        share(
          tr('deck.figure.shareOfVoice', { entity: own.name }),
          own.shareOfVoice,
          ownIn(previous)?.shareOfVoice ?? null,
          ownIn(lastYear)?.shareOfVoice ?? null,
        ),
      );
    const roi = input.roi;
    const legs: DeckCell[][] = [
      [cell(tr('deck.leg.financial')), cell(tr('deck.figure.roiLinear')), cell(roi?.roi.linear ?? null, 'pct')],
      [
        cell(''),
        cell(tr('deck.figure.revenueLinear', { currency: roi?.currency ?? '' })),
        cell(roi?.attributedRevenue.linear ?? null, 'money'),
      ],
      [cell(''), cell(tr('deck.figure.cost', { currency: roi?.currency ?? '' })), cell(roi?.cost ?? null, 'money')],
      [cell(tr('deck.leg.kpis')), cell(tr('deck.figure.netTemperature')), cell(kpis.netTemperature, 'pct')],
      [cell(''), cell(tr('deck.figure.casesResolved')), cell(kpis.care.resolved, 'int')],
      [cell(''), cell(tr('deck.figure.slaBreaches')), cell(kpis.care.slaBreaches, 'int')],
      [cell(''), cell(tr('deck.figure.happyUsers')), cell(kpis.users.happy, 'int')],
      [cell(tr('deck.leg.other')), cell(tr('deck.figure.authors')), cell(kpis.users.authors, 'int')],
      [
        cell(''),
        cell(tr('deck.figure.followers')),
        cell(
          kpis.community.reduce((sum, channel) => sum + (channel.followersEnd ?? 0), 0),
          'int',
        ),
      ],
    ];
    if (own)
      legs.splice(4, 0, [
        cell(''),
        cell(tr('deck.figure.shareOfVoice', { entity: own.name })),
        cell(own.shareOfVoice, 'pct'),
      ]);
    return section(
      'summary',
      messagesCaption,
      [
        {
          key: 'headline',
          title: tr('deck.table.headline'),
          columns: [
            { header: tr('deck.column.figure'), format: 'text' },
            { header: tr('deck.column.thisPeriod'), format: 'int' },
            { header: tr('deck.column.previousPeriod'), format: 'int' },
            { header: tr('deck.column.change'), format: 'change' },
            { header: tr('deck.column.yearBefore'), format: 'int' },
            { header: tr('deck.column.change'), format: 'change' },
          ],
          rows: headline,
        },
        {
          key: 'legs',
          title: tr('deck.table.legs'),
          columns: [
            { header: tr('deck.column.leg'), format: 'text' },
            { header: tr('deck.column.figure'), format: 'text' },
            { header: tr('deck.column.value'), format: 'int' },
          ],
          rows: legs,
        },
      ],
      [],
      null,
    );
  };

  const volume = (): DeckSection => {
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
  };

  const voice = (): DeckSection => {
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
  };

  const care = (): DeckSection => {
    const { care } = kpis;
    const types = Object.entries(care.resolutionHoursByType);
    return section(
      'care',
      tr('deck.caption.care', { requested: care.requested, resolved: care.resolved, breaches: care.slaBreaches }),
      [
        {
          key: 'funnel',
          title: tr('deck.table.funnel'),
          columns: [
            { header: tr('deck.column.stage'), format: 'text' },
            { header: tr('deck.column.cases'), format: 'int' },
          ],
          rows: [
            row(tr('deck.care.requested'), care.requested),
            row(tr('deck.care.attended'), care.attended),
            row(tr('deck.care.resolved'), care.resolved),
          ],
        },
        {
          key: 'service',
          title: tr('deck.table.service'),
          columns: [
            { header: tr('deck.column.figure'), format: 'text' },
            { header: tr('deck.column.value'), format: 'dec1' },
          ],
          rows: [
            row(tr('deck.care.firstResponseMedian'), care.firstResponseMinutes.median),
            row(tr('deck.care.firstResponseP90'), care.firstResponseMinutes.p90),
            [cell(tr('deck.care.slaTarget')), cell(care.slaMinutes, 'int')],
            [cell(tr('deck.care.slaBreaches')), cell(care.slaBreaches, 'int')],
            [cell(tr('deck.care.waiting')), cell(care.waiting, 'int')],
            row(tr('deck.care.waitingMedian'), care.waitingHours.median),
          ],
        },
        {
          key: 'resolution',
          title: tr('deck.table.resolution'),
          columns: [
            { header: tr('deck.column.caseType'), format: 'text' },
            { header: tr('deck.column.cases'), format: 'int' },
            { header: tr('deck.column.medianHours'), format: 'dec1' },
            { header: tr('deck.column.p90Hours'), format: 'dec1' },
          ],
          rows: types.map(([type, figures]) => row(type, figures.count, figures.median, figures.p90)),
        },
      ],
      [
        {
          title: tr('deck.chart.funnel'),
          kind: 'column',
          grouping: 'clustered',
          table: 'funnel',
          series: [1],
          colors: ['2F6FDE'],
        },
        ...(types.length > 0
          ? [
              {
                title: tr('deck.chart.resolution'),
                kind: 'column' as const,
                grouping: 'clustered' as const,
                table: 'resolution',
                series: [2, 3],
                colors: ['67A9CF', 'F28E2B'],
              },
            ]
          : []),
      ],
    );
  };

  const customers = (): DeckSection => {
    const { users, influence } = kpis;
    return section(
      'customers',
      tr('deck.caption.customers', { happy: users.happy, unhappy: users.unhappy, converted: users.unhappyToHappy }),
      [
        {
          key: 'users',
          title: tr('deck.table.users'),
          columns: [
            { header: tr('deck.column.group'), format: 'text' },
            { header: tr('deck.column.authors'), format: 'int' },
            { header: tr('deck.column.share'), format: 'pct' },
          ],
          rows: [
            row(tr('deck.users.happy'), users.happy, users.happyRatio),
            row(tr('deck.users.unhappy'), users.unhappy, users.unhappyRatio),
            row(tr('deck.users.unhappyToHappy'), users.unhappyToHappy, users.unhappyToHappyRatio),
            row(tr('deck.users.happyToUnhappy'), users.happyToUnhappy, users.happyToUnhappyRatio),
          ],
        },
        {
          key: 'advocates',
          title: tr('deck.table.advocates'),
          columns: [
            { header: tr('deck.column.entity'), format: 'text' },
            { header: tr('deck.column.evangelists'), format: 'int' },
            { header: tr('deck.column.detractors'), format: 'int' },
          ],
          rows: kpis.entities.map((e) => row(e.name, e.evangelists, e.detractors)),
        },
        {
          key: 'influencers',
          title: tr('deck.table.influencers'),
          note: tr('deck.influenceFormula', { formula: influence.formula }),
          columns: [
            { header: tr('deck.column.author'), format: 'text' },
            { header: tr('deck.column.network'), format: 'text' },
            { header: tr('deck.column.followers'), format: 'int' },
            { header: tr('deck.column.messages'), format: 'int' },
            { header: tr('deck.column.engagement'), format: 'int' },
            { header: tr('deck.column.repliesReceived'), format: 'int' },
            { header: tr('deck.column.meanTemperature'), format: 'dec2' },
            { header: tr('deck.column.influence'), format: 'dec2' },
          ],
          rows: influence.top.map((a) =>
            row(
              a.handle,
              a.source,
              a.followers,
              a.messages,
              a.engagement,
              a.repliesReceived,
              a.meanTemperature,
              a.parts.score,
            ),
          ),
        },
      ],
      [
        {
          title: tr('deck.chart.users'),
          kind: 'column',
          grouping: 'clustered',
          table: 'users',
          series: [1],
          colors: ['2F6FDE'],
        },
        ...(kpis.entities.length > 0
          ? [
              {
                title: tr('deck.chart.advocates'),
                kind: 'bar' as const,
                grouping: 'clustered' as const,
                table: 'advocates',
                series: [1, 2],
                colors: ['1A9850', 'B2182B'],
              },
            ]
          : []),
      ],
      noData,
      users.authors === 0
        ? []
        : [
            { title: tr('deck.picture.userFlows'), chart: 'user-flows' },
            ...(influence.top.length > 0 ? [{ title: tr('deck.picture.influence'), chart: 'top-influencers' }] : []),
          ],
    );
  };

  const leads = (): DeckSection | null => {
    const roi = input.roi;
    if (!roi && !input.sectionsChosen) return null;
    if (!roi) return section('leads', tr('deck.noLeads'), [], [], tr('deck.noLeads'));
    const currency = roi.currency;
    const previousRevenue = input.previousRoi?.attributedRevenue.linear ?? null;
    return section(
      'leads',
      tr('deck.caption.leads', {
        revenue: `${t.number(roi.attributedRevenue.linear, 0)} ${currency}`,
        roi: percentText(roi.roi.linear),
        change: previousRevenue === null ? '' : changeText(change(roi.attributedRevenue.linear, previousRevenue)),
      }),
      [
        {
          key: 'models',
          title: tr('deck.table.models'),
          columns: [
            { header: tr('deck.column.model'), format: 'text' },
            { header: tr('deck.column.revenue', { currency }), format: 'money' },
            { header: tr('deck.column.roi'), format: 'pct' },
          ],
          rows: ATTRIBUTION_MODELS.map((model) =>
            row(tr(`model.${model}`), roi.attributedRevenue[model], roi.roi[model]),
          ),
        },
        {
          key: 'costs',
          title: tr('deck.table.costs'),
          columns: [
            { header: tr('deck.column.item'), format: 'text' },
            { header: tr('deck.column.amount', { currency: roi.costs?.currency ?? currency }), format: 'money' },
          ],
          rows: [
            row(tr('deck.cost.communityManager'), roi.costs?.communityManager ?? null),
            row(tr('deck.cost.agency'), roi.costs?.agency ?? null),
            row(tr('deck.cost.tools'), roi.costs?.tools ?? null),
            row(tr('deck.cost.ads'), roi.costs?.ads ?? null),
            row(tr('deck.cost.total'), roi.cost),
          ],
        },
        {
          key: 'pipeline',
          title: tr('deck.table.pipeline'),
          columns: [
            { header: tr('deck.column.figure'), format: 'text' },
            { header: tr('deck.column.value'), format: 'int' },
          ],
          rows: [
            row(tr('deck.pipeline.leads'), roi.leads),
            row(tr('deck.pipeline.won'), roi.won),
            row(tr('deck.pipeline.lost'), roi.lost),
            [cell(tr('deck.pipeline.conversion')), cell(roi.conversionRate, 'pct')],
            row(tr('deck.pipeline.medianDays'), roi.daysToSale.median),
            row(tr('deck.pipeline.p90Days'), roi.daysToSale.p90),
          ],
        },
        {
          key: 'daysToSale',
          title: tr('deck.table.daysToSale'),
          columns: [
            { header: tr('deck.column.days'), format: 'text' },
            { header: tr('deck.column.deals'), format: 'int' },
          ],
          rows: roi.daysToSale.histogram.map((bin) =>
            row(bin.to === null ? `${bin.from}+` : `${bin.from}–${bin.to - 1}`, bin.deals),
          ),
        },
        {
          key: 'bySource',
          title: tr('deck.table.bySource'),
          columns: [
            { header: tr('deck.column.network'), format: 'text' },
            { header: tr('deck.column.revenue', { currency }), format: 'money' },
          ],
          rows: Object.entries(roi.attributedBySource.linear).map(([source, amount]) => row(source, amount)),
        },
      ],
      [
        {
          title: tr('deck.chart.models'),
          kind: 'combo',
          table: 'models',
          series: [1],
          secondary: [2],
          colors: ['2F6FDE', 'F28E2B'],
        },
        {
          title: tr('deck.chart.daysToSale'),
          kind: 'column',
          grouping: 'clustered',
          table: 'daysToSale',
          series: [1],
          colors: ['59A14F'],
        },
        ...(Object.keys(roi.attributedBySource.linear).length > 0
          ? [
              {
                title: tr('deck.chart.bySource'),
                kind: 'pie' as const,
                table: 'bySource',
                series: [1],
                pointColors: Object.keys(roi.attributedBySource.linear).map(
                  (_, i) => PALETTE[i % PALETTE.length] as string,
                ),
              },
            ]
          : []),
      ],
      null,
    );
  };

  const community = (): DeckSection => {
    const channels = kpis.community;
    return section(
      'community',
      tr('deck.caption.community', { followers: channels.reduce((sum, c) => sum + (c.followersEnd ?? 0), 0) }),
      [
        {
          key: 'channels',
          title: tr('deck.table.channels'),
          columns: [
            { header: tr('deck.column.channel'), format: 'text' },
            { header: tr('deck.column.followersStart'), format: 'int' },
            { header: tr('deck.column.followersEnd'), format: 'int' },
            { header: tr('deck.column.growth'), format: 'pct' },
            { header: tr('deck.column.posts'), format: 'int' },
            { header: tr('deck.column.interactions'), format: 'int' },
            { header: tr('deck.column.engagementRate'), format: 'pct' },
            { header: tr('deck.column.activeShare'), format: 'pct' },
          ],
          rows: channels.map((c) =>
            row(
              `${c.source} · ${c.channel}`,
              c.followersStart,
              c.followersEnd,
              c.followerGrowth,
              c.posts,
              c.interactions,
              c.engagementRate,
              c.activeMemberShare,
            ),
          ),
        },
      ],
      [
        {
          title: tr('deck.chart.followers'),
          kind: 'column',
          grouping: 'clustered',
          table: 'channels',
          series: [1, 2],
          colors: ['BAB0AC', '2F6FDE'],
        },
      ],
      channels.length === 0 ? tr('deck.noCommunity') : noData,
    );
  };

  const demographics = (): DeckSection => {
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
          value,
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
  };

  const definitions = (): DeckSection =>
    section(
      'definitions',
      '',
      [
        {
          key: 'definitions',
          title: tr('deck.title.definitions'),
          columns: [
            { header: tr('deck.column.kpi'), format: 'text' },
            { header: tr('deck.column.definition'), format: 'text' },
          ],
          rows: DEFINITIONS.map((key) => row(tr(`deck.kpi.${key}`), tr(`deck.definition.${key}`))),
        },
      ],
      [],
      null,
    );

  const builders: Record<DeckSectionKey, () => DeckSection | null> = {
    volume,
    voice,
    care,
    customers,
    leads,
    community,
    demographics,
    definitions,
  };
  const sections = [summary(), ...input.sections.map((key) => builders[key]())].filter(
    (s): s is DeckSection => s !== null,
  );
  return {
    title: tr('deck.title', { workspace: input.workspace }),
    workspace: input.workspace,
    logo: input.logo,
    period: { from: kpis.period.from, to: kpis.period.to, label: periodLabel },
    generatedAt: input.generatedAt,
    sections,
  };
}

/** The KPIs the definitions sheet explains, in its order. */
const DEFINITIONS = [
  'shareOfVoice',
  'shareOfConversation',
  'netTemperature',
  'meanTemperature',
  'users',
  'advocates',
  'care',
  'sla',
  'influence',
  'engagement',
  'attribution',
  'roi',
] as const;

/** Every chart of a deck, with its section. */
export const deckCharts = (deck: Deck): { section: DeckSection; chart: DeckChart }[] =>
  deck.sections.flatMap((section) => section.charts.map((chart) => ({ section, chart })));
