import type {
  ByTemperature,
  CareKpis,
  CareTeamKpis,
  CommunityKpis,
  DemographicKpis,
  InfluencerKpis,
  KpiReport,
  KpiScope,
  KpiSummary,
  Ratio,
  VolumeKpis,
} from '../api/kpis';
import { addDays, autoGranularity, bucketStart, type Granularity } from './period';
import type { EntityRole } from './vocabulary';
import {
  emptyCounts,
  growth,
  influenceParts,
  INFLUENCE_FORMULA,
  meanTemperature,
  netTemperature,
  percentiles,
  ratio,
  shares,
  TEMPERATURE_CODES,
  type TemperatureCounts,
  type TemperatureCode,
} from './kpis';

/** What the store aggregates for one period (db/queries/kpis.ts); everything else is math here. */
export interface CountRow {
  id: number;
  temperature: number | null;
  n: number;
}
/** `day`: days since 1970-01-01 on the workspace's wall clock. */
export interface DailyRow {
  day: number;
  temperature: number | null;
  source: string;
  n: number;
  interactions: number;
}
export interface DailyEntityRow {
  day: number;
  id: number;
  temperature: number | null;
  n: number;
}
export interface PairCountRow {
  topicId: number;
  entityId: number;
  temperature: number | null;
  n: number;
}
export interface CaseRow {
  type: string;
  department: string | null;
  assignee: string | null;
  openedAt: number;
  firstResponseAt: number | null;
  resolvedAt: number | null;
  /** The case's SLA state; null when no policy holds it (then the request's first-response target does). */
  slaState: string | null;
  /** Its recorded SLA misses that came due before the period's end. */
  misses: number;
}
/** An agent's replies in the period, and how many were canned. */
export interface ReplyRow {
  agent: string;
  replies: number;
  canned: number;
}
export interface SnapshotRow {
  source: string;
  channel: string;
  date: string;
  followers: number | null;
  members: number | null;
  activeMembers: number | null;
}
export interface DemographicRow {
  ageBand: string | null;
  sex: string | null;
  region: string | null;
  temperature: number | null;
  n: number;
}
export interface InfluenceRow {
  list: 'influencer' | 'detractor';
  authorId: number;
  handle: string;
  name: string | null;
  source: string;
  followers: number | null;
  messages: number;
  engagement: number;
  repliesReceived: number;
  labeled: number;
  negative: number;
  meanTemperature: number | null;
  score: number;
}

/** What a comparison period needs. */
export interface SummaryAggregates {
  entities: { id: number; name: string; role: string }[];
  daily: DailyRow[];
  entityDaily: DailyEntityRow[];
}

export interface TopicAggregates {
  topics: { id: number; name: string }[];
  topicCounts: CountRow[];
  topicEntityCounts: PairCountRow[];
}

export interface PeriodAggregates {
  entityAdvocates: { id: number; evangelists: number; detractors: number }[];
  cases: CaseRow[];
  replies: ReplyRow[];
  /** Messages each annotator labeled in the period. */
  labeledBy: { annotator: string; labeled: number }[];
  snapshots: SnapshotRow[];
  demographics: DemographicRow[];
}

export interface AuthorAggregates {
  users: { authors: number; happy: number; unhappy: number; unhappyToHappy: number; happyToUnhappy: number };
  influence: InfluenceRow[];
}

export type KpiAggregates = SummaryAggregates & TopicAggregates & PeriodAggregates & AuthorAggregates;

export const FORMULAS: Record<string, string> = {
  shareOfVoice:
    'SoV(b) = mentions(b) / Σ mentions(x) over tracked entities; a message naming two entities counts for each',
  shareOfConversation: 'SoC(b, k) = mentions(b ∧ k) / mentions(k); mentions(k) counts every message of topic k',
  netTemperature:
    'net = (share of +1/+2) − (share of −1/−2) among labeled messages; neutral stays in the denominator (Talkwalker: (pos − neg)/(pos + neg))',
  meanTemperature: 'mean of −2..+2 over labeled messages',
  users:
    'happy/unhappy: authors whose latest labeled message is above/below 0; conversion: first below 0 and last above 0, or the reverse (two labeled at the same instant: the lower temperature counts as the earlier)',
  advocates: 'evangelists/detractors: authors with ≥ 2 labeled messages about the entity, all ≥ +1 / all ≤ −1',
  care: 'first response and resolution from the case times; percentiles interpolate between ranks (Excel PERCENTILE.INC)',
  influence: `influence = ${INFLUENCE_FORMULA}`,
  engagement:
    'engagement rate = (likes + shares + replies) of the period’s messages / followers at the end; per post = the same / messages',
};

function byTemperature(rows: readonly { temperature: number | null; n: number }[]): ByTemperature {
  const counts: ByTemperature = { ...emptyCounts(), unlabeled: 0 };
  for (const row of rows) {
    if (row.temperature === null) counts.unlabeled += row.n;
    else counts[String(row.temperature) as TemperatureCode] += row.n;
  }
  return counts;
}

const labeledOnly = (counts: ByTemperature): TemperatureCounts => {
  const { unlabeled: _unlabeled, ...rest } = counts;
  return rest;
};
const total = (counts: ByTemperature): number =>
  TEMPERATURE_CODES.reduce((sum, key) => sum + counts[key], counts.unlabeled);
function group<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const members = groups.get(key(row));
    if (members) members.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

export interface ReportContext {
  from: string;
  to: string;
  timeZone: string;
  periodEnd: number;
  slaMinutes: number;
  granularity?: Granularity | undefined;
  scope?: KpiScope | undefined;
}

const sumBy = <T>(
  rows: readonly T[],
  key: (row: T) => string | number,
  value: (row: T) => number,
): Map<string | number, number> => {
  const sums = new Map<string | number, number>();
  for (const row of rows) sums.set(key(row), (sums.get(key(row)) ?? 0) + value(row));
  return sums;
};

/** The summary compared across periods. */
export function summarize(
  aggregates: SummaryAggregates,
  context: Pick<ReportContext, 'from' | 'to' | 'timeZone'>,
): KpiSummary {
  const counts = byTemperature(aggregates.daily);
  const messages = total(counts);
  const mentions = sumBy(
    aggregates.entityDaily,
    (row) => row.id,
    (row) => row.n,
  );
  const entityTotal = [...mentions.values()].reduce((sum, n) => sum + n, 0);
  return {
    period: { from: context.from, to: context.to, timeZone: context.timeZone },
    totals: { messages, labeled: messages - counts.unlabeled, unlabeled: counts.unlabeled },
    netTemperature: netTemperature(labeledOnly(counts)),
    meanTemperature: meanTemperature(labeledOnly(counts)),
    entities: aggregates.entities.map((entity) => {
      const entityCounts = byTemperature(aggregates.entityDaily.filter((row) => row.id === entity.id));
      return {
        name: entity.name,
        mentions: mentions.get(entity.id) ?? 0,
        shareOfVoice: ratio(mentions.get(entity.id) ?? 0, entityTotal),
        netTemperature: netTemperature(labeledOnly(entityCounts)),
      };
    }),
  };
}

/** Volume over time in buckets of the granularity, in total, by temperature, source and entity. */
function volume(aggregates: KpiAggregates, from: string, to: string, granularity: Granularity): VolumeKpis {
  // SQL gives local days as numbers since 1970-01-01; a quarter's thousands of rows fall on some ninety of them.
  const buckets = new Map<number, string>();
  const bucketOf = (day: number): string => {
    let bucket = buckets.get(day);
    if (bucket === undefined) buckets.set(day, (bucket = bucketStart(addDays('1970-01-01', day), granularity)));
    return bucket;
  };
  const starts: string[] = [];
  for (
    let day = bucketStart(from, granularity);
    day <= to;
    day = bucketStart(addDays(day, granularity === 'day' ? 1 : granularity === 'week' ? 7 : 31), granularity)
  )
    starts.push(day);
  const daily = group(aggregates.daily, (row) => bucketOf(row.day));
  const entityDaily = group(aggregates.entityDaily, (row) => bucketOf(row.day));
  const names = new Map(aggregates.entities.map((e) => [e.id, e.name]));
  return {
    granularity,
    buckets: starts.map((start) => {
      const rows = daily.get(start) ?? [];
      const counts = byTemperature(rows);
      return {
        start,
        messages: total(counts),
        byTemperature: counts,
        bySource: Object.fromEntries(
          sumBy(
            rows,
            (row) => row.source,
            (row) => row.n,
          ),
        ),
        byEntity: Object.fromEntries(
          [
            ...sumBy(
              entityDaily.get(start) ?? [],
              (row) => row.id,
              (row) => row.n,
            ),
          ].map(([id, n]) => [names.get(Number(id)) ?? String(id), n]),
        ),
      };
    }),
  };
}

function influence(rows: readonly InfluenceRow[]): KpiReport['influence'] {
  const author = (row: InfluenceRow): InfluencerKpis => ({
    authorId: row.authorId,
    handle: row.handle,
    name: row.name,
    source: row.source,
    followers: row.followers,
    messages: row.messages,
    engagement: row.engagement,
    repliesReceived: row.repliesReceived,
    meanTemperature: row.meanTemperature,
    parts: influenceParts(row.followers, row.engagement, row.repliesReceived),
  });
  return {
    formula: INFLUENCE_FORMULA,
    top: rows.filter((row) => row.list === 'influencer').map(author),
    detractors: rows.filter((row) => row.list === 'detractor').map(author),
  };
}

function demographics(rows: readonly DemographicRow[]): KpiReport['demographics'] {
  return Object.fromEntries(
    (['ageBand', 'sex', 'region'] as const).map((dimension) => [
      dimension,
      Object.fromEntries(
        [
          ...group(
            rows.filter((row) => row[dimension] !== null),
            (row) => row[dimension] as string,
          ),
        ]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([value, valueRows]) => {
            const valueCounts = byTemperature(valueRows);
            return [
              value,
              {
                messages: total(valueCounts),
                byTemperature: valueCounts,
                meanTemperature: meanTemperature(labeledOnly(valueCounts)),
              } satisfies DemographicKpis,
            ];
          }),
      ),
    ]),
  ) as KpiReport['demographics'];
}

/**
 * Care KPIs for the cases opened in the period; waiting ages and SLA breaches count to the period's end (or now, if
 * sooner). A case an SLA policy holds is breached when a miss is recorded for it; one no policy holds when its first
 * response came later than `slaMinutes`. The hit rate is over the cases a policy holds whose SLA is settled.
 */
export function careKpis(
  cases: readonly CaseRow[],
  periodEnd: number,
  slaMinutes: number,
  replies: readonly ReplyRow[] = [],
  labeledBy: readonly { annotator: string; labeled: number }[] = [],
): CareKpis {
  const figures = careFigures(cases, periodEnd, slaMinutes);
  const byTeam = group(cases, (c) => c.department ?? '');
  const byAgent = group(cases, (c) => c.assignee ?? '');
  const replied = new Map(replies.map((row) => [row.agent, row]));
  const labeled = new Map(labeledBy.map((row) => [row.annotator, row.labeled]));
  const agents = [...new Set([...byAgent.keys(), ...replied.keys(), ...labeled.keys()])].filter(Boolean).sort();
  const total = replies.reduce((sum, row) => sum + row.replies, 0);
  const canned = replies.reduce((sum, row) => sum + row.canned, 0);
  return {
    ...figures,
    cannedShare: ratio(canned, total),
    byTeam: Object.fromEntries(
      [...byTeam]
        .filter(([team]) => team !== '')
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([team, rows]) => [team, teamFigures(careFigures(rows, periodEnd, slaMinutes))]),
    ),
    byAgent: Object.fromEntries(
      agents.map((agent) => {
        const mine = careFigures(byAgent.get(agent) ?? [], periodEnd, slaMinutes);
        const own = replied.get(agent);
        return [
          agent,
          {
            ...teamFigures(mine),
            replies: own?.replies ?? 0,
            cannedShare: ratio(own?.canned ?? 0, own?.replies ?? 0),
            labeled: labeled.get(agent) ?? 0,
          },
        ];
      }),
    ),
  };
}

function teamFigures(figures: ReturnType<typeof careFigures>): CareTeamKpis {
  return {
    requested: figures.requested,
    attended: figures.attended,
    resolved: figures.resolved,
    firstResponseMinutes: figures.firstResponseMinutes.median,
    slaBreaches: figures.slaBreaches,
    slaHitRate: figures.slaHitRate,
  };
}

function medianAndP90(values: readonly number[]): { median: number | null; p90: number | null } {
  const [median, p90] = percentiles(values, [0.5, 0.9]) as [number | null, number | null];
  return { median, p90 };
}

/** One pass over the cases (called for the whole desk, each team and each agent, on every dashboard load). */
function careFigures(cases: readonly CaseRow[], periodEnd: number, slaMinutes: number) {
  const minutes = (from: number, to: number): number => (to - from) / 60_000;
  const firstResponses: number[] = [];
  const waiting: number[] = [];
  const resolvedHoursByType = new Map<string, number[]>();
  let [slaBreaches, settled, hit] = [0, 0, 0];
  for (const c of cases) {
    if (c.firstResponseAt === null) waiting.push(Math.max(0, minutes(c.openedAt, periodEnd)) / 60);
    else firstResponses.push(minutes(c.openedAt, c.firstResponseAt));
    if (c.resolvedAt !== null) {
      const hours = resolvedHoursByType.get(c.type);
      const resolution = minutes(c.openedAt, c.resolvedAt) / 60;
      if (hours) hours.push(resolution);
      else resolvedHoursByType.set(c.type, [resolution]);
    }
    // A case still waiting at the end of the period counts once its wait passes the target.
    if (
      c.slaState !== null
        ? c.misses > 0
        : minutes(c.openedAt, c.firstResponseAt ?? Math.max(periodEnd, c.openedAt)) > slaMinutes
    )
      slaBreaches++;
    if (c.slaState === 'hit' || c.slaState === 'missed') settled++;
    if (c.slaState === 'hit') hit++;
  }
  // The 100th percentile is the longest (a spread into Math.max overflows the stack past about 100,000 waiting cases).
  const [waitingMedian, longestWait] = percentiles(waiting, [0.5, 1]) as [number | null, number | null];
  return {
    requested: cases.length,
    attended: firstResponses.length,
    resolved: [...resolvedHoursByType.values()].reduce((sum, hours) => sum + hours.length, 0),
    firstResponseMinutes: medianAndP90(firstResponses),
    resolutionHoursByType: Object.fromEntries(
      [...resolvedHoursByType]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([type, hours]) => [type, { count: hours.length, ...medianAndP90(hours) }]),
    ),
    waiting: waiting.length,
    waitingHours: { median: waitingMedian, max: longestWait },
    slaMinutes,
    slaBreaches,
    slaHitRate: ratio(hit, settled),
  };
}

function community(
  snapshots: readonly SnapshotRow[],
  engagement: readonly { source: string; posts: number; interactions: number }[],
): CommunityKpis[] {
  return [...group(snapshots, (s) => `${s.source}\u0000${s.channel}`).values()].map((series) => {
    const first = series[0] as SnapshotRow;
    const last = series[series.length - 1] as SnapshotRow;
    const activity = engagement.find((e) => e.source === first.source) ?? { posts: 0, interactions: 0 };
    // A figure's first and last recorded values (a day may have followers and not members); growth needs two days.
    const span = (figure: 'followers' | 'members') => {
      const known = series.filter((s) => s[figure] !== null);
      const start = known[0]?.[figure] ?? null;
      const end = known[known.length - 1]?.[figure] ?? null;
      return { start, end, growth: known.length < 2 ? null : growth(start, end) };
    };
    const followers = span('followers');
    const members = span('members');
    return {
      source: first.source,
      channel: first.channel,
      followersStart: followers.start,
      followersEnd: followers.end,
      followerGrowth: followers.growth,
      membersStart: members.start,
      membersEnd: members.end,
      memberGrowth: members.growth,
      activeMemberShare:
        last.activeMembers === null || last.members === null ? null : ratio(last.activeMembers, last.members),
      posts: activity.posts,
      interactions: activity.interactions,
      engagementRate: followers.end === null ? null : ratio(activity.interactions, followers.end),
      engagementPerPost: ratio(activity.interactions, activity.posts),
    };
  });
}

/** Every KPI of DESIGN.md for one period, from its aggregates and those of the two comparison periods. */
export function buildKpiReport(
  aggregates: KpiAggregates,
  context: ReportContext,
  previousPeriod: KpiSummary,
  yearBefore: KpiSummary,
): KpiReport {
  const summary = summarize(aggregates, context);
  const counts = byTemperature(aggregates.daily);
  const entityCounts = new Map(
    aggregates.entities.map((e) => [e.id, byTemperature(aggregates.entityDaily.filter((row) => row.id === e.id))]),
  );
  const engagement = [...group(aggregates.daily, (row) => row.source)].map(([source, rows]) => ({
    source,
    posts: rows.reduce((sum, row) => sum + row.n, 0),
    interactions: rows.reduce((sum, row) => sum + row.interactions, 0),
  }));
  const sovByTemperature = Object.fromEntries(
    TEMPERATURE_CODES.map((key) => [key, shares(Object.fromEntries([...entityCounts].map(([id, c]) => [id, c[key]])))]),
  ) as Record<TemperatureCode, Record<string, Ratio>>;
  const names = new Map(aggregates.entities.map((e) => [e.id, e.name]));
  const users = aggregates.users;
  return {
    ...summary,
    byTemperature: counts,
    entities: aggregates.entities.map((entity, i) => {
      const entityByTemperature = entityCounts.get(entity.id) as ByTemperature;
      const advocates = aggregates.entityAdvocates.find((row) => row.id === entity.id);
      return {
        id: entity.id,
        name: entity.name,
        role: entity.role as EntityRole,
        mentions: summary.entities[i]?.mentions ?? 0,
        byTemperature: entityByTemperature,
        shareOfVoice: summary.entities[i]?.shareOfVoice ?? null,
        shareOfVoiceByTemperature: Object.fromEntries(
          TEMPERATURE_CODES.map((key) => [key, sovByTemperature[key][String(entity.id)] ?? null]),
        ) as Record<TemperatureCode, Ratio>,
        netTemperature: netTemperature(labeledOnly(entityByTemperature)),
        meanTemperature: meanTemperature(labeledOnly(entityByTemperature)),
        evangelists: advocates?.evangelists ?? 0,
        detractors: advocates?.detractors ?? 0,
      };
    }),
    topics: aggregates.topics.map((topic) => {
      const topicCounts = byTemperature(aggregates.topicCounts.filter((row) => row.id === topic.id));
      const pairs = aggregates.topicEntityCounts.filter((row) => row.topicId === topic.id);
      const socBy = (entityId: number, key?: TemperatureCode): Ratio => {
        const rows = pairs.filter(
          (row) => row.entityId === entityId && (key === undefined || String(row.temperature) === key),
        );
        return ratio(
          rows.reduce((sum, row) => sum + row.n, 0),
          key === undefined ? total(topicCounts) : topicCounts[key],
        );
      };
      return {
        id: topic.id,
        name: topic.name,
        mentions: total(topicCounts),
        byTemperature: topicCounts,
        shareOfConversation: Object.fromEntries(
          aggregates.entities.map((e) => [names.get(e.id) as string, socBy(e.id)]),
        ),
        shareOfConversationByTemperature: Object.fromEntries(
          aggregates.entities.map((e) => [
            names.get(e.id) as string,
            Object.fromEntries(TEMPERATURE_CODES.map((key) => [key, socBy(e.id, key)])) as Record<
              TemperatureCode,
              Ratio
            >,
          ]),
        ),
      };
    }),
    care: careKpis(aggregates.cases, context.periodEnd, context.slaMinutes, aggregates.replies, aggregates.labeledBy),
    users: {
      ...users,
      happyRatio: ratio(users.happy, users.authors),
      unhappyRatio: ratio(users.unhappy, users.authors),
      unhappyToHappyRatio: ratio(users.unhappyToHappy, users.authors),
      happyToUnhappyRatio: ratio(users.happyToUnhappy, users.authors),
    },
    community: community(aggregates.snapshots, engagement),
    demographics: demographics(aggregates.demographics),
    scope: context.scope ?? {},
    volume: volume(
      aggregates,
      context.from,
      context.to,
      context.granularity ?? autoGranularity(context.from, context.to),
    ),
    influence: influence(aggregates.influence),
    previousPeriod,
    yearBefore,
    formulas: FORMULAS,
  };
}
