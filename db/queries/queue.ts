import type Database from 'better-sqlite3';
import type { QueueFilter, QueueItem, QueuePage } from '../../shared/api/cases';

const MESSAGE = `m.id AS message, m.text, s.code AS source, a.handle AS author, a.id AS authorId,
  m.temperature, m.kind`;

/**
 * The care queue: open cases, and the case and complaint messages nobody has opened a case for, oldest waiting first
 * (what waits for an answer before what was answered, then by the SLA's next due time). Cases come from the
 * `cases_queue` index, loose messages from `messages_kind`; each side is cut to the page before they are merged.
 */
export function careQueue(sqlite: Database.Database, filter: QueueFilter, now: number): QueuePage {
  const limit = filter.limit ?? 200;
  const caseWhere: string[] = ["c.status IN ('new', 'attended', 'waiting')"];
  const messageWhere: string[] = [
    "m.kind IN ('case', 'complaint')",
    'NOT EXISTS (SELECT 1 FROM case_messages cm WHERE cm.message_id = m.id)',
  ];
  const params: Record<string, unknown> = { now };
  // Filters on case fields leave loose messages out: they have no team, assignee, type or SLA yet.
  let loose = true;
  if (filter.department !== undefined) {
    caseWhere.push('c.department = @department');
    params.department = filter.department;
    loose = false;
  }
  if (filter.assignee !== undefined) {
    caseWhere.push('c.assignee = @assignee');
    params.assignee = filter.assignee;
    loose = false;
  }
  if (filter.type !== undefined) {
    caseWhere.push('c.type = @type');
    params.type = filter.type;
    loose = false;
  }
  if (filter.slaState !== undefined) {
    if (filter.slaState === 'none') caseWhere.push('c.sla_state IS NULL');
    else {
      caseWhere.push('c.sla_state = @slaState');
      params.slaState = filter.slaState;
      loose = false;
    }
  }
  if (filter.source !== undefined) {
    const bySource = 'm.source_id = (SELECT id FROM sources WHERE code = @source)';
    caseWhere.push(bySource);
    messageWhere.push(bySource);
    params.source = filter.source;
  }
  if (filter.temperature !== undefined) {
    caseWhere.push('m.temperature = @temperature');
    messageWhere.push('m.temperature = @temperature');
    params.temperature = filter.temperature;
  }
  if (filter.waiting) caseWhere.push('c.waiting_since IS NOT NULL');

  // Open cases always walk cases_queue, in the queue's order; the message is read only for the filters on it.
  const byMessage = filter.source !== undefined || filter.temperature !== undefined;
  const caseFrom = `FROM cases c INDEXED BY cases_queue ${byMessage ? 'JOIN messages m ON m.id = c.message_id' : ''} WHERE ${caseWhere.join(' AND ')}`;
  // Loose messages always walk messages_care (covering the filters); the planner would pick a network's index.
  const messageFrom = `FROM messages m INDEXED BY messages_care WHERE ${messageWhere.join(' AND ')}`;
  const cases = sqlite
    .prepare(
      `SELECT c.id AS "case", ${MESSAGE}, c.type, c.department, c.assignee, c.priority, c.status, c.opened_at AS openedAt,
         c.waiting_since AS waitingSince, c.sla_state AS slaState, c.sla_due AS slaDue
       FROM cases c INDEXED BY cases_queue JOIN messages m ON m.id = c.message_id JOIN authors a ON a.id = m.author_id
       JOIN sources s ON s.id = m.source_id WHERE ${caseWhere.join(' AND ')}
       ORDER BY (c.waiting_since IS NULL), c.waiting_since, (c.sla_due IS NULL), c.sla_due LIMIT ${limit}`,
    )
    .all(params) as QueueItem[];
  // One walk of messages_kind per kind, oldest first, so neither side sorts its whole backlog.
  const messages = loose
    ? (['case', 'complaint'] as const).flatMap(
        (kind) =>
          sqlite
            .prepare(
              `SELECT NULL AS "case", ${MESSAGE}, NULL AS type, NULL AS department, NULL AS assignee,
                 NULL AS priority, NULL AS status, NULL AS openedAt, m.posted_at AS waitingSince, NULL AS slaState,
                 NULL AS slaDue
               FROM messages m INDEXED BY messages_care JOIN authors a ON a.id = m.author_id
               JOIN sources s ON s.id = m.source_id
               WHERE m.kind = '${kind}' AND ${messageWhere.join(' AND ')} ORDER BY m.posted_at
               LIMIT ${limit}`,
            )
            .all(params) as QueueItem[],
      )
    : [];
  const items = [...cases, ...messages]
    .sort(
      (a, b) =>
        (a.waitingSince ?? Infinity) - (b.waitingSince ?? Infinity) ||
        (a.slaDue ?? Infinity) - (b.slaDue ?? Infinity) ||
        a.message - b.message,
    )
    .slice(0, limit);
  const caseCounts = sqlite
    .prepare(
      `SELECT count(*) AS cases, count(c.waiting_since) AS waiting,
         sum(c.sla_due < @now OR c.sla_state = 'active_with_misses') AS overdue ${caseFrom}`,
    )
    .get(params) as { cases: number; waiting: number; overdue: number | null };
  const looseCount = loose ? (sqlite.prepare(`SELECT count(*) ${messageFrom}`).pluck().get(params) as number) : 0;
  // The values open cases have (what the queue can show), from the same index.
  const distinct = (column: string): string[] =>
    sqlite
      .prepare(
        `SELECT DISTINCT ${column} FROM cases WHERE status IN ('new', 'attended', 'waiting') AND ${column} IS NOT NULL
         ORDER BY 1`,
      )
      .pluck()
      .all() as string[];
  return {
    items,
    counts: {
      total: caseCounts.cases + looseCount,
      cases: caseCounts.cases,
      messages: looseCount,
      waiting: caseCounts.waiting + looseCount,
      overdue: caseCounts.overdue ?? 0,
    },
    options: { departments: distinct('department'), assignees: distinct('assignee'), types: distinct('type') },
  };
}
