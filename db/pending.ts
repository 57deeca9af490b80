import Database from 'better-sqlite3';
import { existsSync, rmSync } from 'node:fs';

/** A write the app could not apply at once (a job held the store's write lock), kept until it is. */
export interface PendingEntry {
  /** Unique: recorded in the workspace in the transaction that applies it (lastAppliedWrite). */
  id: string;
  call: string;
  input: unknown;
  /** When the user made it: what a replay records as the time of the change. */
  at: number;
}

/** The queue file beside a workspace: `<workspace>-pending`. Exists only while something waits. */
export const pendingPath = (workspacePath: string): string => `${workspacePath}-pending`;

/**
 * The durable queue of writes waiting for the store's write lock. Its own small SQLite file, so
 * appending never waits for the workspace's lock; synced at every append, so a crash loses nothing.
 * The file is made on the first append and removed once empty.
 */
export function openPendingQueue(workspacePath: string, nativeBinding?: string) {
  const path = pendingPath(workspacePath);
  let sqlite: Database.Database | null = null;
  const open = (): Database.Database => {
    if (sqlite) return sqlite;
    sqlite = new Database(path, nativeBinding ? { nativeBinding } : {});
    // One sync per append (the log's), not a rollback journal's three.
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.exec(
      'CREATE TABLE IF NOT EXISTS pending (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, call TEXT NOT NULL, input TEXT NOT NULL, at INTEGER NOT NULL)',
    );
    return sqlite;
  };
  const close = (): void => {
    sqlite?.close();
    sqlite = null;
  };
  return {
    /** Every waiting write, oldest first (what a restart after a crash finds). */
    entries(): PendingEntry[] {
      if (!sqlite && !existsSync(path)) return [];
      const rows = open().prepare('SELECT id, call, input, at FROM pending ORDER BY seq').all() as {
        id: string;
        call: string;
        input: string;
        at: number;
      }[];
      return rows.map((row) => ({ ...row, input: JSON.parse(row.input) as unknown }));
    },
    append(entry: PendingEntry): void {
      open()
        .prepare('INSERT INTO pending (id, call, input, at) VALUES (?, ?, ?, ?)')
        .run(entry.id, entry.call, JSON.stringify(entry.input), entry.at);
    },
    remove(id: string): void {
      const db = open();
      db.prepare('DELETE FROM pending WHERE id = ?').run(id);
      const left = db.prepare('SELECT count(*) FROM pending').pluck().get() as number;
      if (left === 0) {
        close();
        for (const file of [path, `${path}-wal`, `${path}-shm`]) rmSync(file, { force: true });
      }
    },
    close,
  };
}
export type PendingQueue = ReturnType<typeof openPendingQueue>;
