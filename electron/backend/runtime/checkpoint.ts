import type Database from 'better-sqlite3';

const WAIT_MS = 50;
const GIVE_UP_MS = 30_000;

/**
 * Copies the write-ahead log into the database after a large write, so the app's next small
 * write does not do it on the UI's thread. A reader still on an older snapshot holds part of the
 * log back for a moment: it is retried until all is copied. Never blocks a writer (the next one
 * starts the log over and cuts the file back: journal_size_limit).
 */
export function checkpoint(sqlite: Database.Database): void {
  const until = Date.now() + GIVE_UP_MS;
  while (!copyLog(sqlite) && Date.now() <= until) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, WAIT_MS);
}

/**
 * One pass of copying the log into the database, without waiting for anyone: what a read worker
 * runs after the app's small writes (read-pool.ts). Whether all of the log was copied.
 */
export function copyLog(sqlite: Database.Database): boolean {
  const [result] = sqlite.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
  return !result || result.log === result.checkpointed;
}
