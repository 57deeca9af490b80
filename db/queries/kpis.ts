import type Database from 'better-sqlite3';
import type { MessageFilter } from '../../shared/api/messages';
import type { CountRow, DemographicRow, KpiAggregates, PairCountRow, SnapshotRow, CaseRow } from '../../shared/domain/kpi-report';
import { filterSql } from './messages';

export type { KpiAggregates } from '../../shared/domain/kpi-report';

/**
 * The aggregates every KPI needs for the messages a filter selects (a period, sources,
 * entities, topics), each one GROUP BY over the period's messages. Cases count by the time
 * they were opened, snapshots by their date.
 */
export function kpiAggregates(sqlite: Database.Database, filter: MessageFilter & { from: string; to: string }, timeZone: string, range: { start: number; end: number }): KpiAggregates {
  const where = filterSql(filter, timeZone);
  const p = `p AS (SELECT m.id, m.author_id, m.temperature, m.posted_at, m.source_id, m.likes, m.shares, m.replies FROM messages m ${where.sql})`;
  const all = <T>(sql: string, ...extra: unknown[]): T[] => sqlite.prepare(`WITH ${p} ${sql}`).all(...where.params, ...extra) as T[];
  const entityScope = filter.entities?.length ? `WHERE e.id IN (${filter.entities.map(Number).join(',')})` : '';
  const topicScope = filter.topics?.length ? `WHERE t.id IN (${filter.topics.map(Number).join(',')})` : '';

  const byTemperature = all<{ temperature: number | null; n: number }>('SELECT temperature, count(*) AS n FROM p GROUP BY 1');
  return {
    messages: byTemperature.reduce((sum, row) => sum + row.n, 0),
    byTemperature,
    entities: sqlite.prepare(`SELECT e.id, e.name, e.role FROM entities e ${entityScope} ORDER BY e.id`).all() as KpiAggregates['entities'],
    entityCounts: all<CountRow>('SELECT me.entity_id AS id, p.temperature, count(*) AS n FROM p JOIN message_entities me ON me.message_id = p.id GROUP BY 1, 2'),
    entityAdvocates: all(
      `SELECT id, sum(n >= 2 AND lo >= 1) AS evangelists, sum(n >= 2 AND hi <= -1) AS detractors FROM (
         SELECT me.entity_id AS id, p.author_id, count(*) AS n, min(p.temperature) AS lo, max(p.temperature) AS hi
         FROM p JOIN message_entities me ON me.message_id = p.id WHERE p.temperature IS NOT NULL GROUP BY 1, 2
       ) GROUP BY id`,
    ),
    topics: sqlite.prepare(`SELECT t.id, t.name FROM topics t ${topicScope} ORDER BY t.id`).all() as KpiAggregates['topics'],
    topicCounts: all<CountRow>('SELECT mt.topic_id AS id, p.temperature, count(*) AS n FROM p JOIN message_topics mt ON mt.message_id = p.id GROUP BY 1, 2'),
    topicEntityCounts: all<PairCountRow>(
      `SELECT mt.topic_id AS topicId, me.entity_id AS entityId, p.temperature, count(*) AS n
       FROM p JOIN message_topics mt ON mt.message_id = p.id JOIN message_entities me ON me.message_id = p.id GROUP BY 1, 2, 3`,
    ),
    users: all<KpiAggregates['users']>(
      `SELECT count(*) AS authors, coalesce(sum(last > 0), 0) AS happy, coalesce(sum(last < 0), 0) AS unhappy,
              coalesce(sum(first < 0 AND last > 0), 0) AS unhappyToHappy, coalesce(sum(first > 0 AND last < 0), 0) AS happyToUnhappy
       FROM (
         SELECT author_id,
                first_value(temperature) OVER (PARTITION BY author_id ORDER BY posted_at, id) AS first,
                first_value(temperature) OVER (PARTITION BY author_id ORDER BY posted_at DESC, id DESC) AS last,
                row_number() OVER (PARTITION BY author_id ORDER BY id) AS one
         FROM p WHERE temperature IS NOT NULL
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
    engagement: all(
      `SELECT s.code AS source, count(*) AS posts, coalesce(sum(coalesce(p.likes, 0) + coalesce(p.shares, 0) + coalesce(p.replies, 0)), 0) AS interactions
       FROM p JOIN sources s ON s.id = p.source_id GROUP BY 1 ORDER BY 1`,
    ),
    demographics: all<DemographicRow>(
      `SELECT 'ageBand' AS dimension, a.age_band AS value, p.temperature, count(*) AS n FROM p JOIN authors a ON a.id = p.author_id WHERE a.age_band IS NOT NULL GROUP BY 2, 3
       UNION ALL SELECT 'sex', a.sex, p.temperature, count(*) FROM p JOIN authors a ON a.id = p.author_id WHERE a.sex IS NOT NULL GROUP BY 2, 3
       UNION ALL SELECT 'region', a.region, p.temperature, count(*) FROM p JOIN authors a ON a.id = p.author_id WHERE a.region IS NOT NULL GROUP BY 2, 3`,
    ),
  };
}
