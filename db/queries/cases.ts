import type Database from 'better-sqlite3';
import type { CaseDetail, CaseEvent, CasePriority, ThreadEntry } from '../../shared/api/cases';
import type { CaseStatus } from '../../shared/domain/vocabulary';

const OPEN_STATUSES: readonly CaseStatus[] = ['new', 'attended', 'waiting'];
export const isOpenStatus = (status: string): boolean => (OPEN_STATUSES as readonly string[]).includes(status);

export interface CaseFields {
  type: string;
  department: string | null;
  assignee: string | null;
  priority: CasePriority;
}

export function caseExists(sqlite: Database.Database, id: number): boolean {
  return sqlite.prepare('SELECT 1 FROM cases WHERE id = ?').get(id) !== undefined;
}

export function recordEvent(
  sqlite: Database.Database,
  caseId: number,
  event: Omit<CaseEvent, 'previous'> & { previous?: string | null },
): void {
  sqlite
    .prepare('INSERT INTO case_events (case_id, at, actor, action, value, previous) VALUES (?, ?, ?, ?, ?, ?)')
    .run(caseId, event.at, event.actor, event.action, event.value, event.previous ?? null);
}

/** A case opened by hand from messages (their first, by time, is the one the queue shows). */
export function openCase(
  sqlite: Database.Database,
  fields: CaseFields,
  messages: readonly number[],
  at: number,
  actor: string,
): number {
  const first = sqlite
    .prepare('SELECT id FROM messages WHERE id IN (SELECT value FROM json_each(?)) ORDER BY posted_at, id LIMIT 1')
    .pluck()
    .get(JSON.stringify(messages)) as number;
  const id = Number(
    sqlite
      .prepare(
        `INSERT INTO cases (type, department, assignee, priority, status, opened_at, message_id)
         VALUES (@type, @department, @assignee, @priority, 'new', @at, @first)`,
      )
      .run({ ...fields, at, first }).lastInsertRowid,
  );
  linkCaseMessages(sqlite, id, messages);
  recordEvent(sqlite, id, { at, actor, action: 'opened', value: fields.type });
  return id;
}

/** Links messages to a case; returns how many were new to it. */
export function linkCaseMessages(sqlite: Database.Database, caseId: number, messages: readonly number[]): number {
  const link = sqlite.prepare('INSERT OR IGNORE INTO case_messages (case_id, message_id) VALUES (?, ?)');
  return messages.reduce((added, message) => added + link.run(caseId, message).changes, 0);
}

interface CaseRowState extends CaseFields {
  status: CaseStatus;
  resolvedAt: number | null;
  firstResponseAt: number | null;
}

function caseState(sqlite: Database.Database, id: number): CaseRowState {
  return sqlite
    .prepare(
      `SELECT type, department, assignee, priority, status, resolved_at AS resolvedAt,
         first_response_at AS firstResponseAt FROM cases WHERE id = ?`,
    )
    .get(id) as CaseRowState;
}

/**
 * Sets a case's status and fields, each change dated and attributed in its history. Resolving dates the resolution;
 * closing dates the close; a resolved or closed case moved back to an open status is reopened (its resolution
 * undone). Returns how many fields changed.
 */
export function updateCase(
  sqlite: Database.Database,
  id: number,
  changes: Partial<CaseFields & { status: CaseStatus }>,
  at: number,
  actor: string,
): number {
  const before = caseState(sqlite, id);
  let changed = 0;
  const columns: Record<keyof CaseFields, string> = {
    type: 'type',
    department: 'department',
    assignee: 'assignee',
    priority: 'priority',
  };
  for (const key of Object.keys(columns) as (keyof CaseFields)[]) {
    const value = changes[key];
    if (value === undefined || value === before[key]) continue;
    sqlite.prepare(`UPDATE cases SET ${columns[key]} = ? WHERE id = ?`).run(value, id);
    recordEvent(sqlite, id, {
      at,
      actor,
      action: key === 'department' ? 'department' : key,
      value,
      previous: before[key],
    });
    changed++;
  }
  const status = changes.status;
  if (status !== undefined && status !== before.status) {
    if (status === 'resolved')
      sqlite.prepare('UPDATE cases SET status = ?, resolved_at = ?, closed_at = NULL WHERE id = ?').run(status, at, id);
    else if (status === 'closed')
      sqlite
        .prepare('UPDATE cases SET status = ?, resolved_at = coalesce(resolved_at, ?), closed_at = ? WHERE id = ?')
        .run(status, at, at, id);
    else
      sqlite.prepare('UPDATE cases SET status = ?, resolved_at = NULL, closed_at = NULL WHERE id = ?').run(status, id);
    recordEvent(sqlite, id, { at, actor, action: 'status', value: status, previous: before.status });
    changed++;
  }
  return changed;
}

/**
 * Messages added to a case; a customer's message newer than the resolution reopens a resolved case (to attended when
 * it had an answer, else new).
 */
export function addCaseMessages(
  sqlite: Database.Database,
  id: number,
  messages: readonly number[],
  at: number,
  actor: string,
): number {
  const added = linkCaseMessages(sqlite, id, messages);
  if (added === 0) return 0;
  recordEvent(sqlite, id, { at, actor, action: 'messages', value: String(added) });
  const state = caseState(sqlite, id);
  const latest = sqlite
    .prepare('SELECT max(posted_at) FROM messages WHERE id IN (SELECT value FROM json_each(?))')
    .pluck()
    .get(JSON.stringify(messages)) as number;
  if (!isOpenStatus(state.status) && state.resolvedAt !== null && latest > state.resolvedAt)
    updateCase(sqlite, id, { status: state.firstResponseAt === null ? 'new' : 'attended' }, at, actor);
  return added;
}

/** The brand's answer on a case: the first response when it is the first, and a new case becomes attended. */
export function addReply(
  sqlite: Database.Database,
  id: number,
  reply: { text: string; cannedId: number | null; at: number; agent: string },
): number {
  const replyId = Number(
    sqlite
      .prepare('INSERT INTO case_replies (case_id, at, agent, text, canned_id) VALUES (?, ?, ?, ?, ?)')
      .run(id, reply.at, reply.agent, reply.text, reply.cannedId).lastInsertRowid,
  );
  sqlite
    .prepare('UPDATE cases SET first_response_at = min(coalesce(first_response_at, @at), @at) WHERE id = @id')
    .run({ id, at: reply.at });
  if (caseState(sqlite, id).status === 'new') updateCase(sqlite, id, { status: 'attended' }, reply.at, reply.agent);
  return replyId;
}

export function caseDetail(sqlite: Database.Database, id: number): Omit<CaseDetail, 'sla'> | null {
  const row = sqlite
    .prepare(
      `SELECT c.id, c.type, c.department, c.assignee, c.priority, c.status, c.opened_at AS openedAt,
         c.first_response_at AS firstResponseAt, c.resolved_at AS resolvedAt, c.waiting_since AS waitingSince,
         (SELECT count(*) FROM case_messages WHERE case_id = c.id) AS messages,
         (SELECT count(*) FROM case_replies WHERE case_id = c.id) AS replies,
         a.id AS authorId, s.code AS source, a.handle, a.name, ct.name AS contact
       FROM cases c LEFT JOIN messages m ON m.id = c.message_id LEFT JOIN authors a ON a.id = m.author_id
       LEFT JOIN sources s ON s.id = a.source_id LEFT JOIN contact_accounts ca ON ca.author_id = a.id
       LEFT JOIN contacts ct ON ct.id = ca.contact_id WHERE c.id = ?`,
    )
    .get(id) as
    | (Omit<CaseDetail, 'sla' | 'customer' | 'thread' | 'history'> & {
        authorId: number;
        source: string;
        handle: string;
        name: string | null;
        contact: string | null;
      })
    | undefined;
  if (!row) return null;
  const { authorId, source, handle, name, contact, ...rest } = row;
  const messages = sqlite
    .prepare(
      `SELECT 'message' AS kind, m.posted_at AS at, m.id AS message, m.text, a.handle AS author, m.temperature
       FROM case_messages cm JOIN messages m ON m.id = cm.message_id JOIN authors a ON a.id = m.author_id
       WHERE cm.case_id = ?`,
    )
    .all(id) as ThreadEntry[];
  const replies = sqlite
    .prepare(
      `SELECT 'reply' AS kind, r.at, r.id AS reply, r.text, r.agent, cr.code AS canned
       FROM case_replies r LEFT JOIN canned_replies cr ON cr.id = r.canned_id WHERE r.case_id = ?`,
    )
    .all(id) as ThreadEntry[];
  const history = sqlite
    .prepare('SELECT at, actor, action, value, previous FROM case_events WHERE case_id = ? ORDER BY at, id')
    .all(id) as CaseEvent[];
  return {
    ...rest,
    customer: { authorId, source, handle, name, contact },
    thread: [...messages, ...replies].sort((a, b) => a.at - b.at),
    history,
  };
}
