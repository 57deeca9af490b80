import { dealStatus } from '../../shared/domain/import/deal-fields';
import type Database from 'better-sqlite3';
import type { Batch, BatchUndoPreview } from '../../shared/api/import';

/**
 * A batch begun in the caller's transaction; its file's checksum and counts come at the end (finishBatch), as the file
 * has been read.
 */
export function createBatch(
  sqlite: Database.Database,
  batch: { fileName: string; fileSize: number; preset: string | null; importedBy: string },
): number {
  return Number(
    sqlite
      .prepare("INSERT INTO import_batches (file_name, file_size, sha256, preset, imported_by) VALUES (?, ?, '', ?, ?)")
      .run(batch.fileName, batch.fileSize, batch.preset, batch.importedBy).lastInsertRowid,
  );
}

export function finishBatch(
  sqlite: Database.Database,
  id: number,
  batch: { sha256: string; rowsNew: number; rowsDuplicate: number; rowsRejected: number },
): void {
  sqlite
    .prepare('UPDATE import_batches SET sha256 = ?, rows_new = ?, rows_duplicate = ?, rows_rejected = ? WHERE id = ?')
    .run(batch.sha256, batch.rowsNew, batch.rowsDuplicate, batch.rowsRejected, id);
}

export function listBatches(sqlite: Database.Database): Batch[] {
  return sqlite
    .prepare(
      `SELECT b.id, b.file_name AS fileName, b.file_size AS fileSize, b.sha256, b.preset, b.rows_new AS rowsNew,
            b.rows_duplicate AS rowsDuplicate, b.rows_rejected AS rowsRejected, b.imported_by AS importedBy,
            b.created_at AS importedAt, (SELECT count(*) FROM messages m WHERE m.batch_id = b.id) AS messages
     FROM import_batches b ORDER BY b.id DESC`,
    )
    .all() as Batch[];
}

/** The messages only this batch brought: what undoing it removes. */
const GONE = `SELECT m.id FROM messages m
  WHERE m.batch_id = @batch AND NOT EXISTS (SELECT 1 FROM message_batches s WHERE s.message_id = m.id)`;
/** Cases that would be left with none of their messages. */
const CASES_GONE = `SELECT c.id FROM cases c
  WHERE EXISTS (SELECT 1 FROM case_messages cm WHERE cm.case_id = c.id AND cm.message_id IN (${GONE}))
  AND NOT EXISTS (SELECT 1 FROM case_messages cm WHERE cm.case_id = c.id AND cm.message_id NOT IN (${GONE}))`;

const DEAL_COLUMNS: Record<string, string> = {
  stage: 'stage',
  amount: 'amount',
  closedAt: 'closed_at',
  currency: 'currency',
};

/**
 * The deals a batch changed put back as they were, latest change first (its own deals go with the batch, by cascade);
 * a stage put back brings its status back too.
 */
function revertDeals(sqlite: Database.Database, batch: number): void {
  const changes = sqlite
    .prepare('SELECT id, deal_id AS deal, field, before FROM deal_history WHERE batch_id = ? ORDER BY id DESC')
    .all(batch) as { id: number; deal: number; field: string; before: string }[];
  for (const change of changes) {
    const column = DEAL_COLUMNS[change.field];
    if (!column) continue;
    const numeric = change.field === 'amount' || change.field === 'closedAt';
    const value = change.before === '' ? null : numeric ? Number(change.before) : change.before;
    sqlite.prepare(`UPDATE deals SET ${column} = ? WHERE id = ?`).run(value, change.deal);
    if (change.field === 'stage' && typeof value === 'string')
      sqlite.prepare('UPDATE deals SET status = ? WHERE id = ?').run(dealStatus(value), change.deal);
  }
  sqlite.prepare('DELETE FROM deal_history WHERE batch_id = ?').run(batch);
}

/** What undoing a batch takes and keeps, for the user to see before they confirm; null when there is no batch. */
export function batchUndoPreview(sqlite: Database.Database, id: number): BatchUndoPreview | null {
  if (!sqlite.prepare('SELECT 1 FROM import_batches WHERE id = ?').get(id)) return null;
  return sqlite
    .prepare(
      `SELECT @batch AS batch, (SELECT count(*) FROM (${GONE})) AS messages,
         (SELECT count(*) FROM messages WHERE batch_id = @batch) - (SELECT count(*) FROM (${GONE}))
           + (SELECT count(*) FROM message_batches WHERE batch_id = @batch) AS kept,
         (SELECT count(*) FROM labels WHERE message_id IN (${GONE}) AND batch_id IS NULL) AS labelsSince,
         (SELECT count(*) FROM (${CASES_GONE})) AS cases,
         (SELECT count(*) FROM deals WHERE batch_id = @batch) AS deals,
         (SELECT count(DISTINCT h.deal_id) FROM deal_history h JOIN deals d ON d.id = h.deal_id
          WHERE h.batch_id = @batch AND (d.batch_id IS NULL OR d.batch_id != @batch)) AS dealsChanged`,
    )
    .get({ batch: id }) as BatchUndoPreview;
}

/**
 * Removes a batch and what only it brought: its messages (with their labels, those analysts made since too, and
 * their matches, by cascade), the cases left with none of their messages, authors left with no messages, and label
 * actions left with no labels (nothing left to undo). A message another batch also brought stays, passed to the
 * earliest such batch with the labels and cases it came with. Returns what the preview said, or null if no batch.
 */
export function undoBatch(sqlite: Database.Database, id: number): BatchUndoPreview | null {
  return sqlite.transaction(() => {
    const preview = batchUndoPreview(sqlite, id);
    if (!preview) return null;
    const cases = sqlite.prepare(CASES_GONE).pluck().all({ batch: id }) as number[];
    const heir = `(SELECT min(s.batch_id) FROM message_batches s WHERE s.message_id = %)`;
    sqlite
      .prepare(
        `UPDATE messages SET batch_id = ${heir.replace('%', 'messages.id')} WHERE batch_id = @batch AND id NOT IN (${GONE})`,
      )
      .run({ batch: id });
    // What the shared messages came with passes to their new batch; the share that batch had is now its ownership.
    sqlite
      .prepare(
        `UPDATE labels SET batch_id = ${heir.replace('%', 'labels.message_id')} WHERE batch_id = @batch AND message_id NOT IN (${GONE})`,
      )
      .run({ batch: id });
    sqlite
      .prepare(
        `UPDATE cases SET batch_id = (SELECT min(m.batch_id) FROM case_messages cm JOIN messages m ON m.id = cm.message_id
           WHERE cm.case_id = cases.id AND m.batch_id != @batch)
         WHERE batch_id = @batch AND id NOT IN (SELECT value FROM json_each(@cases))`,
      )
      .run({ batch: id, cases: JSON.stringify(cases) });
    sqlite
      .prepare(
        `DELETE FROM message_batches
         WHERE batch_id = (SELECT m.batch_id FROM messages m WHERE m.id = message_batches.message_id)`,
      )
      .run();
    const actions = sqlite
      .prepare(`SELECT DISTINCT action_id FROM labels WHERE message_id IN (${GONE}) AND action_id IS NOT NULL`)
      .pluck()
      .all({ batch: id }) as number[];
    sqlite.prepare('DELETE FROM cases WHERE id IN (SELECT value FROM json_each(?))').run(JSON.stringify(cases));
    revertDeals(sqlite, id);
    sqlite.prepare('DELETE FROM import_batches WHERE id = ?').run(id);
    sqlite
      .prepare(
        `DELETE FROM label_actions WHERE id IN (SELECT value FROM json_each(?))
         AND NOT EXISTS (SELECT 1 FROM labels l WHERE l.action_id = label_actions.id)`,
      )
      .run(JSON.stringify(actions));
    sqlite
      .prepare(
        `DELETE FROM authors WHERE NOT EXISTS (SELECT 1 FROM messages m WHERE m.author_id = authors.id)
         AND NOT EXISTS (SELECT 1 FROM leads l WHERE l.author_id = authors.id)`,
      )
      .run();
    return preview;
  })();
}

export interface PresetRow {
  name: string;
  mapping: string;
}

export function listPresets(sqlite: Database.Database): PresetRow[] {
  return sqlite.prepare('SELECT name, mapping FROM import_presets ORDER BY name').all() as PresetRow[];
}

export function savePreset(sqlite: Database.Database, name: string, mapping: string): void {
  sqlite
    .prepare(
      'INSERT INTO import_presets (name, mapping) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET mapping = excluded.mapping',
    )
    .run(name, mapping);
}

/** The batches other than `batch` that imported a file with these exact bytes. */
export function batchesOfFile(sqlite: Database.Database, sha256: string, batch: number): number[] {
  return sqlite
    .prepare('SELECT id FROM import_batches WHERE sha256 = ? AND id != ? ORDER BY id')
    .pluck()
    .all(sha256, batch) as number[];
}
