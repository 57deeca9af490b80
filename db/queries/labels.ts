import type Database from 'better-sqlite3';
import type { Temperature } from '../../shared/domain/temperature';
import type { Kind } from '../../shared/domain/vocabulary';
import type { LabelHistoryRow } from '../../shared/api/contract';
import { changingMessages } from './rollups';

/** The message columns a label writes. */
const LABEL_COLUMNS = ['temperature', 'kind', 'annotator', 'labeled_at'];

export interface LabelChange {
  temperature?: Temperature | null;
  kind?: Kind | null;
}

export interface CurrentLabels {
  id: number;
  temperature: Temperature | null;
  kind: Kind | null;
}

const CHUNK = 500;

/** Messages' current labels by id (those that exist), with their texts when asked (what suggestions are made from). */
export function currentLabels(sqlite: Database.Database, ids: readonly number[]): CurrentLabels[];
export function currentLabels(
  sqlite: Database.Database,
  ids: readonly number[],
  withText: true,
): (CurrentLabels & { text: string })[];
export function currentLabels(sqlite: Database.Database, ids: readonly number[], withText = false): CurrentLabels[] {
  const rows: CurrentLabels[] = [];
  const select = sqlite.prepare(
    `SELECT id, temperature, kind${withText ? ', text' : ''} FROM messages WHERE id IN (SELECT value FROM json_each(?))`,
  );
  for (let i = 0; i < ids.length; i += CHUNK)
    rows.push(...(select.all(JSON.stringify(ids.slice(i, i + CHUNK))) as CurrentLabels[]));
  return rows;
}

/**
 * Labels messages as one action: a history row per message that changes, and the message's
 * current label beside it. A new action drops what could have been redone. `change` is the same
 * for every message, or each one's own (accepted suggestions).
 */
export function applyLabels(
  sqlite: Database.Database,
  ids: readonly number[],
  change: LabelChange | ReadonlyMap<number, LabelChange>,
  annotator: string,
  now: number,
): { action: number | null; changed: number[] } {
  return sqlite.transaction(() => {
    sqlite
      .prepare("UPDATE label_actions SET state = 'dropped' WHERE annotator = ? AND state = 'undone'")
      .run(annotator);
    const action = Number(
      sqlite.prepare('INSERT INTO label_actions (annotator, created_at) VALUES (?, ?)').run(annotator, now)
        .lastInsertRowid,
    );
    const insert = sqlite.prepare(
      `INSERT INTO labels (message_id, annotator, temperature, kind, previous_temperature, previous_kind, labeled_at, action_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const update = sqlite.prepare(
      'UPDATE messages SET temperature = ?, kind = ?, annotator = ?, labeled_at = ? WHERE id = ?',
    );
    const changed: number[] = [];
    changingMessages(sqlite, ids, LABEL_COLUMNS, () => {
      for (const current of currentLabels(sqlite, ids)) {
        const own = change instanceof Map ? (change.get(current.id) ?? {}) : (change as LabelChange);
        const temperature = own.temperature === undefined ? current.temperature : own.temperature;
        const kind = own.kind === undefined ? current.kind : own.kind;
        if (temperature === current.temperature && kind === current.kind) continue;
        insert.run(current.id, annotator, temperature, kind, current.temperature, current.kind, now, action);
        update.run(temperature, kind, annotator, now, current.id);
        changed.push(current.id);
      }
    });
    if (changed.length === 0) {
      sqlite.prepare('DELETE FROM label_actions WHERE id = ?').run(action);
      return { action: null, changed };
    }
    return { action, changed };
  })();
}

interface ActionLabel {
  id: number;
  messageId: number;
  temperature: number | null;
  kind: string | null;
  previousTemperature: number | null;
  previousKind: string | null;
  annotator: string;
  labeledAt: number;
}

function actionLabels(sqlite: Database.Database, action: number): ActionLabel[] {
  return sqlite
    .prepare(
      `SELECT id, message_id AS messageId, temperature, kind, previous_temperature AS previousTemperature, previous_kind AS previousKind,
            annotator, labeled_at AS labeledAt
     FROM labels WHERE action_id = ?`,
    )
    .all(action) as ActionLabel[];
}

/** The label a message had before `labelId`, among labels not undone. */
function labelBefore(
  sqlite: Database.Database,
  messageId: number,
  labelId: number,
): { annotator: string; labeledAt: number } | undefined {
  return sqlite
    .prepare(
      `SELECT l.annotator, l.labeled_at AS labeledAt FROM labels l LEFT JOIN label_actions a ON a.id = l.action_id
     WHERE l.message_id = ? AND l.id < ? AND (a.state IS NULL OR a.state = 'done') ORDER BY l.id DESC LIMIT 1`,
    )
    .get(messageId, labelId) as { annotator: string; labeledAt: number } | undefined;
}

/**
 * Undoes the annotator's latest action: each message gets back the label it had, unless someone
 * labeled it again since (then that newer label stands).
 */
export function undoLabels(sqlite: Database.Database, annotator: string): { action: number | null; changed: number[] } {
  return sqlite.transaction(() => {
    const action = sqlite
      .prepare("SELECT max(id) FROM label_actions WHERE annotator = ? AND state = 'done'")
      .pluck()
      .get(annotator) as number | null;
    if (action === null) return { action: null, changed: [] };
    const update = sqlite.prepare(
      'UPDATE messages SET temperature = ?, kind = ?, annotator = ?, labeled_at = ? WHERE id = ? AND temperature IS ? AND kind IS ? AND annotator = ?',
    );
    const changed: number[] = [];
    const labels = actionLabels(sqlite, action);
    changingMessages(
      sqlite,
      labels.map((label) => label.messageId),
      LABEL_COLUMNS,
      () => {
        for (const label of labels) {
          const before = labelBefore(sqlite, label.messageId, label.id);
          const result = update.run(
            label.previousTemperature,
            label.previousKind,
            before?.annotator ?? null,
            before?.labeledAt ?? null,
            label.messageId,
            label.temperature,
            label.kind,
            label.annotator,
          );
          if (result.changes > 0) changed.push(label.messageId);
        }
      },
    );
    sqlite.prepare("UPDATE label_actions SET state = 'undone' WHERE id = ?").run(action);
    return { action, changed };
  })();
}

/** Redoes the action undone last (the earliest still undone), if no new action came since. */
export function redoLabels(sqlite: Database.Database, annotator: string): { action: number | null; changed: number[] } {
  return sqlite.transaction(() => {
    const action = sqlite
      .prepare("SELECT min(id) FROM label_actions WHERE annotator = ? AND state = 'undone'")
      .pluck()
      .get(annotator) as number | null;
    if (action === null) return { action: null, changed: [] };
    const update = sqlite.prepare(
      'UPDATE messages SET temperature = ?, kind = ?, annotator = ?, labeled_at = ? WHERE id = ? AND temperature IS ? AND kind IS ?',
    );
    const changed: number[] = [];
    const labels = actionLabels(sqlite, action);
    changingMessages(
      sqlite,
      labels.map((label) => label.messageId),
      LABEL_COLUMNS,
      () => {
        for (const label of labels) {
          const result = update.run(
            label.temperature,
            label.kind,
            label.annotator,
            label.labeledAt,
            label.messageId,
            label.previousTemperature,
            label.previousKind,
          );
          if (result.changes > 0) changed.push(label.messageId);
        }
      },
    );
    sqlite.prepare("UPDATE label_actions SET state = 'done' WHERE id = ?").run(action);
    return { action, changed };
  })();
}

export function labelHistory(sqlite: Database.Database, messageId: number): LabelHistoryRow[] {
  return (
    sqlite
      .prepare(
        `SELECT l.id, l.annotator, l.temperature, l.kind, l.previous_temperature AS previousTemperature, l.previous_kind AS previousKind,
            l.labeled_at AS labeledAt, coalesce(a.state <> 'done', 0) AS undone
     FROM labels l LEFT JOIN label_actions a ON a.id = l.action_id WHERE l.message_id = ? ORDER BY l.id`,
      )
      .all(messageId) as (Omit<LabelHistoryRow, 'undone'> & { undone: number })[]
  ).map((row) => ({ ...row, undone: Boolean(row.undone) }));
}

/**
 * The annotators of the current labels: one index seek per name (a loose index scan), not a pass over every message.
 */
export function labelAnnotators(sqlite: Database.Database): string[] {
  return sqlite
    .prepare(
      `WITH RECURSIVE names(name) AS (
       SELECT min(annotator) FROM messages
       UNION ALL SELECT (SELECT min(annotator) FROM messages WHERE annotator > names.name) FROM names WHERE names.name IS NOT NULL
     ) SELECT name FROM names WHERE name IS NOT NULL`,
    )
    .pluck()
    .all() as string[];
}
