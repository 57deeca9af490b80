import type Database from 'better-sqlite3';
import type { Batch } from '../../shared/api/import';

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

/**
 * Removes a batch and everything it brought (messages, their labels, matches and cases, by
 * cascade), then authors left with no messages. Returns the messages removed, or null if no batch.
 */
export function undoBatch(sqlite: Database.Database, id: number): number | null {
  return sqlite.transaction(() => {
    const messages = sqlite.prepare('SELECT count(*) FROM messages WHERE batch_id = ?').pluck().get(id) as number;
    const removed = sqlite.prepare('DELETE FROM import_batches WHERE id = ?').run(id).changes;
    if (removed === 0) return null;
    sqlite
      .prepare(
        `DELETE FROM authors WHERE NOT EXISTS (SELECT 1 FROM messages m WHERE m.author_id = authors.id)
         AND NOT EXISTS (SELECT 1 FROM leads l WHERE l.author_id = authors.id)`,
      )
      .run();
    return messages;
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
