import type Database from 'better-sqlite3';
import { USER_FLOWS, type MessageFilter } from '../../shared/api/messages';
import type { CaseRow, CountRow, PeriodAggregates, TopicAggregates, DailyEntityRow, DailyRow, DemographicRow, InfluenceRow, KpiAggregates, PairCountRow, SnapshotRow, SummaryAggregates } from '../../shared/domain/kpi-report';
import { offsetSegments, type OffsetSegment } from '../../shared/domain/time';
import { ADVOCATE, filterSql, FIRST_AND_LAST, USER_FLOW } from './messages';

type Period = MessageFilter & { from: string; to: string };
export interface Range { start: number; end: number }

/** How many authors each influence list keeps. */
export const INFLUENCE_TOP = 10;

/**
 * A runner of queries over the period's messages as a CTE `p`, each with its local day
 * number (days since 1970-01-01 on the workspace's wall clock): the zone's offsets over the
 * period are a few CASE branches, so days group in SQL without a time-zone database.
 */
function periodQuery(sqlite: Database.Database, filter: Period, timeZone: string, range: Range) {
  const where = filterSql(filter, timeZone);
  // Integer literals, not parameters: a bound JS number is a REAL, which would make the division fractional.
  const int = (value: number): string => String(Math.trunc(value));
  const segments = offsetSegments(range.start, range.end, timeZone);
  const last = segments[segments.length - 1] as OffsetSegment;
  const branches = segments.slice(1).map((segment, i) => `WHEN m.posted_at < ${int(segment.from)} THEN ${int((segments[i] as OffsetSegment).offset)}`);
  const offset = branches.length ? `CASE ${branches.join(' ')} ELSE ${int(last.offset)} END` : int(last.offset);
  const cte = `p AS (SELECT m.id, m.author_id, m.temperature, m.posted_at, m.source_id, m.likes, m.shares, m.replies,
    (m.posted_at + ${offset}) / 86400000 AS day FROM messages m ${where.sql})`;
  const params = where.params;
  const all = <T>(sql: string): T[] => sqlite.prepare(`WITH ${cte} ${sql}`).all(...params) as T[];
  return Object.assign(all, { cte, where });
}

function trackedLists(sqlite: Database.Database, filter: Period): Pick<KpiAggregates, 'entities' | 'topics'> {
  const ids = (values: number[] | undefined, alias: string): string => (values?.length ? `WHERE ${alias}.id IN (${values.map(Number).join(',')})` : '');
  return {
    entities: sqlite.prepare(`SELECT e.id, e.name, e.role FROM entities e ${ids(filter.entities, 'e')} ORDER BY e.id`).all() as KpiAggregates['entities'],
    topics: sqlite.prepare(`SELECT t.id, t.name FROM topics t ${ids(filter.topics, 't')} ORDER BY t.id`).all() as KpiAggregates['topics'],
  };
}

/** What the comparison periods need: volume by day, temperature and source, and per entity. */
export function kpiSummaryAggregates(sqlite: Database.Database, filter: Period, timeZone: string, range: Range): SummaryAggregates {
  const all = periodQuery(sqlite, filter, timeZone, range);
  return {
    entities: trackedLists(sqlite, filter).entities,
    daily: all<DailyRow>(
      `SELECT p.day, p.temperature, s.code AS source, count(*) AS n,
              coalesce(sum(coalesce(p.likes, 0) + coalesce(p.shares, 0) + coalesce(p.replies, 0)), 0) AS interactions
       FROM p JOIN sources s ON s.id = p.source_id GROUP BY 1, 2, 3`,
    ),
    entityDaily: all<DailyEntityRow>('SELECT p.day, me.entity_id AS id, p.temperature, count(*) AS n FROM p JOIN message_entities me ON me.message_id = p.id GROUP BY 1, 2, 3'),
  };
}

/** Topic counts, and topic × entity pairs for Share of Conversation. */
export function kpiTopicAggregates(sqlite: Database.Database, filter: Period, timeZone: string, range: Range): TopicAggregates {
  const all = periodQuery(sqlite, filter, timeZone, range);
  return {
    topics: trackedLists(sqlite, filter).topics,
    topicCounts: all<CountRow>('SELECT mt.topic_id AS id, p.temperature, count(*) AS n FROM p JOIN message_topics mt ON mt.message_id = p.id GROUP BY 1, 2'),
    topicEntityCounts: all<PairCountRow>(
      `SELECT mt.topic_id AS topicId, me.entity_id AS entityId, p.temperature, count(*) AS n
       FROM p JOIN message_topics mt ON mt.message_id = p.id JOIN message_entities me ON me.message_id = p.id GROUP BY 1, 2, 3`,
    ),
  };
}

/**
 * The rest of what the KPIs need for the period: advocates, users, care, community, demographics
 * and influence. Cases count by the time they were opened, snapshots by their date.
 */
export function kpiPeriodAggregates(sqlite: Database.Database, filter: Period, timeZone: string, range: Range): PeriodAggregates {
  const all = periodQuery(sqlite, filter, timeZone, range);
  return {
    entityAdvocates: all(
      `SELECT id, sum(${ADVOCATE.evangelists}) AS evangelists, sum(${ADVOCATE.detractors}) AS detractors FROM (
         SELECT me.entity_id AS id, p.author_id, count(*) AS n, min(p.temperature) AS lo, max(p.temperature) AS hi
         FROM p JOIN message_entities me ON me.message_id = p.id WHERE p.temperature IS NOT NULL GROUP BY 1, 2
       ) GROUP BY id`,
    ),
    users: all<KpiAggregates['users']>(
      `SELECT count(*) AS authors, ${USER_FLOWS.map((flow) => `coalesce(sum(${USER_FLOW[flow]}), 0) AS ${flow}`).join(', ')}
       FROM (
         SELECT p.author_id, ${FIRST_AND_LAST('p')}, row_number() OVER (PARTITION BY p.author_id ORDER BY p.id) AS one
         FROM p WHERE p.temperature IS NOT NULL
       ) WHERE one = 1`,
    )[0] as KpiAggregates['users'],
    cases: sqlite.prepare(
      `SELECT type, opened_at AS openedAt, first_response_at AS firstResponseAt, resolved_at AS resolvedAt
       FROM cases WHERE opened_at >= ? AND opened_at < ? ORDER BY id`,
    ).all(range.start, range.end) as CaseRow[],
    snapshots: sqlite.prepare(
      `SELECT s.code AS source, c.channel, c.date, c.followers, c.members, c.active_members AS activeMembers
       FROM community_snapshots c JOIN sources s ON s.id = c.source_id WHERE c.date >= ? AND c.date <= ? ORDER BY s.code, c.channel, c.date`,
    ).all(filter.from, filter.to) as SnapshotRow[],
    ...authorFigures(sqlite, all),
  };
}

const TEMPERATURE_COLUMNS = [['-2', 't_2'], ['-1', 't_1'], ['0', 't0'], ['1', 't1'], ['2', 't2'], [null, 'tu']] as const;

/**
 * Demographics and influence both need each author's figures: one GROUP BY over the period's
 * messages, joined to the authors once, kept in a temporary table that both read.
 */
function authorFigures(sqlite: Database.Database, all: ReturnType<typeof periodQuery>): Pick<KpiAggregates, 'demographics' | 'influence'> {
  const counts = TEMPERATURE_COLUMNS.map(([value, column]) => `sum(temperature ${value === null ? 'IS NULL' : `= ${value}`}) AS ${column}`).join(', ');
  sqlite.prepare('DROP TABLE IF EXISTS temp.kpi_authors').run();
  sqlite.prepare(
    `CREATE TEMP TABLE kpi_authors AS WITH ${all.cte}, x AS (
       SELECT author_id, count(*) AS messages, sum(coalesce(likes, 0) + coalesce(shares, 0) + coalesce(replies, 0)) AS engagement,
              sum(temperature IS NOT NULL) AS labeled, coalesce(sum(temperature <= -1), 0) AS negative, total(temperature) AS temperatureSum, ${counts}
       FROM p GROUP BY 1
     )
     SELECT x.*, a.handle, a.name, a.source_id, a.followers, a.age_band, a.sex, a.region FROM x JOIN authors a ON a.id = x.author_id`,
  ).run(...all.where.params);
  try {
    const groups = sqlite.prepare(
      `SELECT age_band AS ageBand, sex, region, ${TEMPERATURE_COLUMNS.map(([, column]) => `sum(${column}) AS ${column}`).join(', ')}
       FROM kpi_authors WHERE age_band IS NOT NULL OR sex IS NOT NULL OR region IS NOT NULL GROUP BY 1, 2, 3`,
    ).all() as (Omit<DemographicRow, 'temperature' | 'n'> & Record<(typeof TEMPERATURE_COLUMNS)[number][1], number>)[];
    const demographics = groups.flatMap((group) => TEMPERATURE_COLUMNS.filter(([, column]) => group[column] > 0)
      .map(([value, column]) => ({ ageBand: group.ageBand, sex: group.sex, region: group.region, temperature: value === null ? null : Number(value), n: group[column] })));
    return { demographics, influence: influenceRanking(sqlite, all) };
  } finally {
    sqlite.prepare('DROP TABLE temp.kpi_authors').run();
  }
}

/**
 * Authors ranked by influence = log10(1 + followers) + log10(1 + engagement received) +
 * log10(1 + replies received within the data) — FORMULAS.influence; the parts are recomputed
 * for display by shared/domain/kpis.influenceParts. Top influencers, and the most influential
 * detractors (≥ 2 labeled messages, all ≤ −1).
 */
function influenceRanking(sqlite: Database.Database, all: ReturnType<typeof periodQuery>): InfluenceRow[] {
  const { sql, params } = all.where;
  // Replies found through the partial index of replies, not by reading every message of the period.
  return sqlite.prepare(
    `WITH r AS MATERIALIZED (
       SELECT parent.author_id, count(*) AS n FROM messages m JOIN messages parent ON parent.source_id = m.source_id AND parent.external_id = m.reply_to_external_id
       ${sql ? `${sql} AND` : 'WHERE'} m.reply_to_external_id IS NOT NULL GROUP BY 1
     ), ranked AS MATERIALIZED (
       SELECT x.author_id AS authorId, x.handle, x.name, s.code AS source, x.followers, x.messages, x.engagement, coalesce(r.n, 0) AS repliesReceived,
              x.labeled, x.negative, CASE WHEN x.labeled > 0 THEN x.temperatureSum / x.labeled END AS meanTemperature,
              log10(1 + coalesce(x.followers, 0)) + log10(1 + x.engagement) + log10(1 + coalesce(r.n, 0)) AS score
       FROM kpi_authors x JOIN sources s ON s.id = x.source_id LEFT JOIN r ON r.author_id = x.author_id
     )
     SELECT * FROM (SELECT 'influencer' AS list, * FROM ranked ORDER BY score DESC, authorId LIMIT ${INFLUENCE_TOP})
     UNION ALL
     SELECT * FROM (SELECT 'detractor', * FROM ranked WHERE labeled >= 2 AND negative = labeled ORDER BY score DESC, authorId LIMIT ${INFLUENCE_TOP})`,
  ).all(...params) as InfluenceRow[];
}
