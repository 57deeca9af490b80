import type Database from 'better-sqlite3';

export interface NewCase {
  type: string;
  department: string | null;
  assignee?: string | null;
  status: string | null;
  openedAt: number;
  firstResponseAt: number | null;
  resolvedAt: number | null;
  closedAt?: number | null;
}

const STATUSES = new Set(['new', 'attended', 'waiting', 'resolved', 'closed']);

/** The status a case's times imply, when its file gives none we know. */
export function impliedStatus(row: NewCase): string {
  const given = row.status?.toLowerCase();
  if (given && STATUSES.has(given)) return given;
  return row.closedAt ? 'closed' : row.resolvedAt ? 'resolved' : row.firstResponseAt ? 'attended' : 'new';
}

/** Writes cases and links them to the messages they were opened from. */
export function createCaseWriter(sqlite: Database.Database, batchId: number | null) {
  const insertCase = sqlite.prepare(
    `INSERT INTO cases (type, department, assignee, status, opened_at, first_response_at, resolved_at, closed_at, batch_id,
       message_id, waiting_since)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const link = sqlite.prepare('INSERT OR IGNORE INTO case_messages (case_id, message_id) VALUES (?, ?)');
  return {
    add(messageId: number, row: NewCase): number {
      const status = impliedStatus(row);
      // The customer waits from the opening until a first response, while the case is open.
      const waiting = row.firstResponseAt === null && ['new', 'attended', 'waiting'].includes(status);
      const caseId = Number(
        insertCase.run(
          row.type,
          row.department,
          row.assignee ?? null,
          status,
          row.openedAt,
          row.firstResponseAt,
          row.resolvedAt,
          row.closedAt ?? null,
          batchId,
          messageId,
          waiting ? row.openedAt : null,
        ).lastInsertRowid,
      );
      link.run(caseId, messageId);
      return caseId;
    },
  };
}
