import type Database from 'better-sqlite3';
import { IMPORTED_ANNOTATOR, UNKNOWN_AUTHOR } from '../../shared/domain/vocabulary';
import { USER_FLOWS, type MessageFilter } from '../../shared/api/messages';
import type {
  AuthorAggregates,
  CaseRow,
  ReplyRow,
  CountRow,
  PeriodAggregates,
  TopicAggregates,
  DailyEntityRow,
  DailyRow,
  DemographicRow,
  InfluenceRow,
  KpiAggregates,
  PairCountRow,
  SnapshotRow,
  SummaryAggregates,
} from '../../shared/domain/kpi-report';
import { influenceParts, topByInfluence } from '../../shared/domain/kpis';
import { offsetSegments } from '../../shared/domain/time';
import { ADVOCATE, filterSql, FIRST_AND_LAST, USER_FLOW } from './messages';
import { matchSetFilter } from './match-sets';
import { localDaySql, rollupZone, UNLABELED_KEY, ZONE_TABLE_RANGE } from './rollups';

type Period = MessageFilter & { from: string; to: string };
export interface Range {
  start: number;
  end: number;
}

/** The author a row belongs to is a person, not the placeholder of messages whose file names none. */
const A_PERSON = (column: string): string =>
  `${column} NOT IN (SELECT id FROM authors WHERE handle = '${UNKNOWN_AUTHOR}')`;

/** How many authors each influence list keeps. */
export const INFLUENCE_TOP = 10;

/**
 * A runner of queries over the period's messages as a CTE `p`, each with its local day
 * number (days since 1970-01-01 on the workspace's wall clock): the zone's offsets over the
 * period are a few CASE branches, so days group in SQL without a time-zone database.
 */
function periodQuery(sqlite: Database.Database, filter: Period, timeZone: string, range: Range, scan: boolean) {
  const where = filterSql(filter, timeZone, { periodScan: scan });
  const cte = `p AS (SELECT m.id, m.author_id, m.temperature, m.posted_at, m.source_id, m.likes, m.shares, m.replies,
    ${localDaySql(offsetSegments(range.start, range.end, timeZone))} AS day FROM messages m ${where.sql})`;
  const params = where.params;
  const all = <T>(sql: string): T[] => sqlite.prepare(`WITH ${cte} ${sql}`).all(...params) as T[];
  return Object.assign(all, { cte, where });
}

/** The tracked entities or topics the report lists: those of the filter, else all. */
function tracked<K extends 'entities' | 'topics'>(
  sqlite: Database.Database,
  filter: Period,
  table: K,
): KpiAggregates[K] {
  const ids = filter[table];
  const columns = table === 'entities' ? 'id, name, role' : 'id, name';
  return sqlite
    .prepare(
      `SELECT ${columns} FROM ${table} ${ids?.length ? `WHERE id IN (${ids.map(Number).join(',')})` : ''} ORDER BY id`,
    )
    .all() as KpiAggregates[K];
}

/** Days since 1970-01-01 of a local date: the roll-ups' day numbers. */
const dayNumber = (date: string): number => Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);

/**
 * A runner of queries over the roll-ups (db/queries/rollups.ts) for the period, `$WHERE` standing for its days, sources
 * and, narrowed to entities or topics, match sets (`byMatchSet`: the match-set roll-ups are to be read); null when they
 * cannot answer: a filter on anything else, a period outside their zone table, or roll-ups counted in another zone (or
 * not at all).
 */
function rollupQuery(sqlite: Database.Database, filter: Period, timeZone: string, range: Range) {
  const { from, to, sources, entities, topics, ...rest } = filter;
  const narrowed = Object.values(rest).some(
    (value) => value !== undefined && !(Array.isArray(value) && value.length === 0),
  );
  if (
    narrowed ||
    range.start < ZONE_TABLE_RANGE.start ||
    range.end > ZONE_TABLE_RANGE.end ||
    rollupZone(sqlite) !== timeZone
  )
    return null;
  const sets = matchSetFilter({ entities, topics });
  const where = [
    `r.day BETWEEN ${dayNumber(from)} AND ${dayNumber(to)}`,
    sources?.length ? 'r.source_id IN (SELECT id FROM sources WHERE code IN (SELECT value FROM json_each(?)))' : null,
    sets ? `r.match_set_id IN (${sets.sql})` : null,
  ].filter((part) => part !== null);
  const params = [...(sources?.length ? [JSON.stringify(sources)] : []), ...(sets?.params ?? [])];
  return Object.assign(
    <T>(sql: string): T[] => sqlite.prepare(sql.replace('$WHERE', where.join(' AND '))).all(...params) as T[],
    { byMatchSet: sets !== null },
  );
}

/** The match-set roll-up's rows beside their set (`mset`), whose entities and topics a query joins by json_each. */
const MATCH_DAYS = 'kpi_match_days r JOIN match_sets mset ON mset.id = r.match_set_id';

/**
 * Whether the period's scan can answer the narrowing (filterSql's periodScan): the messages' match sets are kept where
 * the roll-ups are (their triggers keep both); `rollups: false` reads the matches the plain way, as tests compare.
 */
const periodScan = (sqlite: Database.Database, options: { rollups?: boolean }): boolean =>
  options.rollups !== false && rollupZone(sqlite) !== null;

const ROLLUP_TEMPERATURE = `nullif(r.temperature, ${UNLABELED_KEY}) AS temperature`;

/** What the comparison periods need: volume by day, temperature and source, and per entity. */
export function kpiSummaryAggregates(
  sqlite: Database.Database,
  filter: Period,
  timeZone: string,
  range: Range,
  options: { rollups?: boolean } = {},
): SummaryAggregates {
  const entities = tracked(sqlite, filter, 'entities');
  const rollups = options.rollups === false ? null : rollupQuery(sqlite, filter, timeZone, range);
  if (rollups) {
    return {
      entities,
      // The same days by source and temperature from either roll-up: by match set when narrowed to entities or topics.
      daily:
        rollups<DailyRow>(`SELECT r.day, ${ROLLUP_TEMPERATURE}, s.code AS source, sum(r.messages) AS n, sum(r.interactions) AS interactions
        FROM ${rollups.byMatchSet ? 'kpi_match_days' : 'kpi_days'} r JOIN sources s ON s.id = r.source_id WHERE $WHERE GROUP BY 1, 2, 3 HAVING n != 0`),
      entityDaily: rollups<DailyEntityRow>(
        rollups.byMatchSet
          ? `SELECT r.day, e.value AS id, ${ROLLUP_TEMPERATURE}, sum(r.messages) AS n FROM ${MATCH_DAYS} JOIN json_each(mset.entities) e
             WHERE $WHERE GROUP BY 1, 2, 3 HAVING n != 0`
          : `SELECT r.day, r.entity_id AS id, ${ROLLUP_TEMPERATURE}, sum(r.messages) AS n FROM kpi_entity_days r WHERE $WHERE GROUP BY 1, 2, 3 HAVING n != 0`,
      ),
    };
  }
  const all = periodQuery(sqlite, filter, timeZone, range, periodScan(sqlite, options));
  return {
    entities,
    daily: all<DailyRow>(
      `SELECT p.day, p.temperature, s.code AS source, count(*) AS n,
              coalesce(sum(coalesce(p.likes, 0) + coalesce(p.shares, 0) + coalesce(p.replies, 0)), 0) AS interactions
       FROM p JOIN sources s ON s.id = p.source_id GROUP BY 1, 2, 3`,
    ),
    entityDaily: all<DailyEntityRow>(
      'SELECT p.day, me.entity_id AS id, p.temperature, count(*) AS n FROM p JOIN message_entities me ON me.message_id = p.id GROUP BY 1, 2, 3',
    ),
  };
}

/** Topic counts, and topic × entity pairs for Share of Conversation. */
export function kpiTopicAggregates(
  sqlite: Database.Database,
  filter: Period,
  timeZone: string,
  range: Range,
  options: { rollups?: boolean } = {},
): TopicAggregates {
  const topics = tracked(sqlite, filter, 'topics');
  const rollups = options.rollups === false ? null : rollupQuery(sqlite, filter, timeZone, range);
  if (rollups?.byMatchSet) {
    // Summed by set first: each set's topics and entities are then joined once, not once per day and source.
    const bySet = `(SELECT r.match_set_id, r.temperature, sum(r.messages) AS messages FROM kpi_match_days r WHERE $WHERE GROUP BY 1, 2) r
      JOIN match_sets mset ON mset.id = r.match_set_id`;
    return {
      topics,
      topicCounts: rollups<CountRow>(
        `SELECT t.value AS id, ${ROLLUP_TEMPERATURE}, sum(r.messages) AS n FROM ${bySet} JOIN json_each(mset.topics) t
         GROUP BY 1, 2 HAVING n != 0`,
      ),
      topicEntityCounts: rollups<PairCountRow>(
        `SELECT t.value AS topicId, e.value AS entityId, ${ROLLUP_TEMPERATURE}, sum(r.messages) AS n
         FROM ${bySet} JOIN json_each(mset.topics) t JOIN json_each(mset.entities) e GROUP BY 1, 2, 3 HAVING n != 0`,
      ),
    };
  }
  if (rollups) {
    return {
      topics,
      topicCounts: rollups<CountRow>(
        `SELECT r.topic_id AS id, ${ROLLUP_TEMPERATURE}, sum(r.messages) AS n FROM kpi_topic_days r WHERE $WHERE GROUP BY 1, 2 HAVING n != 0`,
      ),
      topicEntityCounts:
        rollups<PairCountRow>(`SELECT r.topic_id AS topicId, r.entity_id AS entityId, ${ROLLUP_TEMPERATURE}, sum(r.messages) AS n
        FROM kpi_pair_days r WHERE $WHERE GROUP BY 1, 2, 3 HAVING n != 0`),
    };
  }
  const all = periodQuery(sqlite, filter, timeZone, range, periodScan(sqlite, options));
  return {
    topics,
    topicCounts: all<CountRow>(
      'SELECT mt.topic_id AS id, p.temperature, count(*) AS n FROM p JOIN message_topics mt ON mt.message_id = p.id GROUP BY 1, 2',
    ),
    topicEntityCounts: all<PairCountRow>(
      `SELECT mt.topic_id AS topicId, me.entity_id AS entityId, p.temperature, count(*) AS n
       FROM p JOIN message_topics mt ON mt.message_id = p.id JOIN message_entities me ON me.message_id = p.id GROUP BY 1, 2, 3`,
    ),
  };
}

/**
 * Advocates, care, community and demographics for the period. Cases count by the time
 * they were opened, snapshots by their date.
 */
export function kpiPeriodAggregates(
  sqlite: Database.Database,
  filter: Period,
  timeZone: string,
  range: Range,
  options: { rollups?: boolean } = {},
): PeriodAggregates {
  const all = periodQuery(sqlite, filter, timeZone, range, periodScan(sqlite, options));
  const rollups = options.rollups === false ? null : rollupQuery(sqlite, filter, timeZone, range);
  return {
    // Only authors with two labeled messages can be advocates of anything: their matches alone are read.
    entityAdvocates: all(
      `, several AS MATERIALIZED (SELECT author_id FROM p WHERE temperature IS NOT NULL AND ${A_PERSON('author_id')}
           GROUP BY 1 HAVING count(*) >= 2)
       SELECT id, sum(${ADVOCATE.evangelists}) AS evangelists, sum(${ADVOCATE.detractors}) AS detractors FROM (
         SELECT me.entity_id AS id, p.author_id, count(*) AS n, min(p.temperature) AS lo, max(p.temperature) AS hi
         FROM p JOIN message_entities me ON me.message_id = p.id WHERE p.temperature IS NOT NULL AND p.author_id IN several GROUP BY 1, 2
       ) GROUP BY id`,
    ),
    cases: sqlite
      .prepare(
        `SELECT type, department, assignee, opened_at AS openedAt, first_response_at AS firstResponseAt,
           resolved_at AS resolvedAt, sla_state AS slaState,
           (SELECT count(*) FROM sla_misses sm WHERE sm.case_id = c.id AND sm.at < @end) AS misses
         FROM cases c WHERE opened_at >= @start AND opened_at < @end ORDER BY id`,
      )
      .all({ start: range.start, end: range.end }) as CaseRow[],
    replies: sqlite
      .prepare(
        `SELECT agent, count(*) AS replies, count(canned_id) AS canned FROM case_replies
         WHERE at >= ? AND at < ? GROUP BY agent`,
      )
      .all(range.start, range.end) as ReplyRow[],
    // People's labeling: a file's labels came labeled.
    labeledBy: sqlite
      .prepare(
        `SELECT annotator, count(*) AS labeled FROM messages WHERE labeled_at >= ? AND labeled_at < ?
           AND annotator IS NOT NULL AND annotator != ? GROUP BY annotator`,
      )
      .all(range.start, range.end, IMPORTED_ANNOTATOR) as { annotator: string; labeled: number }[],
    snapshots: sqlite
      .prepare(
        `SELECT s.code AS source, c.channel, c.date, c.followers, c.members, c.active_members AS activeMembers
       FROM community_snapshots c JOIN sources s ON s.id = c.source_id WHERE c.date >= ? AND c.date <= ? ORDER BY s.code, c.channel, c.date`,
      )
      .all(filter.from, filter.to) as SnapshotRow[],
    demographics: rollups
      ? rollups<DemographicRow>(`SELECT ${(['ageBand', 'sex', 'region'] as const).map((d) => `CASE WHEN r.dimension = '${d}' THEN r.value END AS ${d}`).join(', ')},
          ${ROLLUP_TEMPERATURE}, sum(r.messages) AS n FROM ${rollups.byMatchSet ? 'kpi_match_demographic_days' : 'kpi_demographic_days'} r
          WHERE $WHERE GROUP BY r.dimension, r.value, r.temperature HAVING n != 0`)
      : all<DemographicRow>(`SELECT a.age_band AS ageBand, a.sex, a.region, p.temperature, count(*) AS n FROM p JOIN authors a ON a.id = p.author_id
          WHERE a.age_band IS NOT NULL OR a.sex IS NOT NULL OR a.region IS NOT NULL GROUP BY 1, 2, 3, 4`),
  };
}

/**
 * An author's influence can be no more than log10 of this (engagement over all time ≥ in any period); the expression
 * of the index authors_influence_product, in integers, which every SQLite computes alike (an index on log10 failed
 * another build's integrity check by one ulp).
 */
const INFLUENCE_PRODUCT = '(1 + coalesce("followers", 0)) * (1 + "engagement")';
const BOUND_CHUNK = 500;
const SCORE_ALL_UP_TO = 20_000;
/** Float slack between the bound (SQL) and the score (JS) of an author whose engagement is all in the period. */
const EPSILON = 1e-9;

/**
 * Authors ranked by influence = log10(1 + followers) + log10(1 + engagement received) +
 * log10(1 + replies received within the data) — FORMULAS.influence, scored by
 * shared/domain/kpis.influenceParts. Top influencers: authors are read in order of the most
 * their influence could be (followers and all-time engagement, indexed), their period's figures
 * summed, until the next bound is below the tenth score; those who received replies in the
 * period are scored first, since replies are not in the bound (a period with few authors has
 * them all scored instead). The most influential detractors:
 * among the authors with ≥ 2 labeled messages in the period, all ≤ −1.
 */
function influenceRanking(
  sqlite: Database.Database,
  filter: Period,
  timeZone: string,
  scoreAllUpTo: number,
  scan: boolean,
): InfluenceRow[] {
  const { sql, params } = filterSql(filter, timeZone, { periodScan: scan });
  const and = sql ? `${sql} AND` : 'WHERE';
  const replies = new Map(
    sqlite
      .prepare(
        `SELECT parent.author_id, count(*) FROM messages m JOIN messages parent ON parent.source_id = m.source_id AND parent.external_id = m.reply_to_external_id
     ${and} m.reply_to_external_id IS NOT NULL GROUP BY 1`,
      )
      .raw()
      .all(...params) as [number, number][],
  );
  const figures = sqlite.prepare(
    `SELECT m.author_id AS authorId, a.handle, a.name, s.code AS source, a.followers, count(*) AS messages,
            sum(coalesce(m.likes, 0) + coalesce(m.shares, 0) + coalesce(m.replies, 0)) AS engagement,
            sum(m.temperature IS NOT NULL) AS labeled, coalesce(sum(m.temperature <= -1), 0) AS negative, total(m.temperature) AS temperatureSum
     FROM messages m JOIN authors a ON a.id = m.author_id JOIN sources s ON s.id = a.source_id
     ${and} m.author_id IN (SELECT value FROM json_each(?)) AND a.handle != '${UNKNOWN_AUTHOR}' GROUP BY m.author_id`,
  );
  type Figures = Omit<InfluenceRow, 'list' | 'repliesReceived' | 'meanTemperature' | 'score'> & {
    temperatureSum: number;
  };
  const scored = (authorIds: Iterable<number>): Omit<InfluenceRow, 'list'>[] =>
    (figures.all(...params, JSON.stringify([...authorIds])) as Figures[]).map(({ temperatureSum, ...row }) => {
      const repliesReceived = replies.get(row.authorId) ?? 0;
      return {
        ...row,
        repliesReceived,
        meanTemperature: row.labeled > 0 ? temperatureSum / row.labeled : null,
        score: influenceParts(row.followers, row.engagement, repliesReceived).score,
      };
    });

  // A period with few authors (a day, a narrow scope) scores them all: walking the bounds could
  // pass most of the workspace's authors before finding ten who posted in it.
  const few = sqlite
    .prepare(`SELECT DISTINCT m.author_id FROM messages m ${sql} LIMIT ${Math.trunc(scoreAllUpTo) + 1}`)
    .pluck()
    .all(...params) as number[];
  let top = topByInfluence(scored(few.length <= scoreAllUpTo ? few : replies.keys()), INFLUENCE_TOP);
  const bounds = sqlite
    .prepare(`SELECT id, ${INFLUENCE_PRODUCT} FROM authors ORDER BY ${INFLUENCE_PRODUCT} DESC LIMIT ? OFFSET ?`)
    .raw();
  for (let offset = 0; few.length > scoreAllUpTo; offset += BOUND_CHUNK) {
    const chunk = bounds.all(BOUND_CHUNK, offset) as [number, number][];
    if (chunk.length === 0) break;
    top = topByInfluence([...top, ...scored(chunk.map(([id]) => id).filter((id) => !replies.has(id)))], INFLUENCE_TOP);
    const lowestBound = Math.log10((chunk[chunk.length - 1] as [number, number])[1]);
    const tenth = top[INFLUENCE_TOP - 1];
    if (tenth && lowestBound < tenth.score - EPSILON) break;
  }
  const detractors = sqlite
    .prepare(
      `SELECT m.author_id FROM messages m ${and} m.temperature IS NOT NULL GROUP BY 1 HAVING count(*) >= 2 AND max(m.temperature) <= -1`,
    )
    .pluck()
    .all(...params) as number[];
  return [
    ...top.map((row) => ({ list: 'influencer' as const, ...row })),
    ...topByInfluence(scored(detractors), INFLUENCE_TOP).map((row) => ({ list: 'detractor' as const, ...row })),
  ];
}

/** The per-author KPIs: users (happy, unhappy and their flows) and the influence ranking. */
/** `scoreAllUpTo`: periods with at most this many authors have them all scored (tests set 0 to walk the bounds). */
export function kpiAuthorAggregates(
  sqlite: Database.Database,
  filter: Period,
  timeZone: string,
  range: Range,
  options: { scoreAllUpTo?: number; rollups?: boolean } = {},
): AuthorAggregates {
  const all = periodQuery(sqlite, filter, timeZone, range, periodScan(sqlite, options));
  return {
    users: all<AuthorAggregates['users']>(
      `SELECT count(*) AS authors, ${USER_FLOWS.map((flow) => `coalesce(sum(${USER_FLOW[flow]}), 0) AS ${flow}`).join(', ')}
       FROM (SELECT p.author_id, ${FIRST_AND_LAST('p')} FROM p WHERE p.temperature IS NOT NULL AND ${A_PERSON('p.author_id')}
             GROUP BY p.author_id)`,
    )[0] as AuthorAggregates['users'],
    influence: influenceRanking(
      sqlite,
      filter,
      timeZone,
      options.scoreAllUpTo ?? SCORE_ALL_UP_TO,
      periodScan(sqlite, options),
    ),
  };
}
