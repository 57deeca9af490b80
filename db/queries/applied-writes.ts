import type Database from 'better-sqlite3';

const KEY = 'lastAppliedWrite';

/**
 * The last waiting write applied, recorded in the same transaction as its change: a crash between
 * applying an entry and taking it off the queue can then never apply it twice.
 */
export function markApplied(sqlite: Database.Database, id: string): void {
  sqlite.prepare('INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)').run(KEY, id);
}

export function lastApplied(sqlite: Database.Database): string | null {
  return (sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(KEY) as string | undefined) ?? null;
}
