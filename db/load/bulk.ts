import type Database from 'better-sqlite3';

/**
 * How the writers of many rows a statement resolve a failed constraint: FAIL, not SQLite's
 * ABORT. To undo its own rows, a statement of many rows that may ABORT inside a transaction
 * copies each page it changes that existed before it into a statement journal (a temporary
 * file). The writers run inside one transaction that any error rolls back whole, so they need
 * none (figures: tests/bench/MEASUREMENTS.md).
 */
export const BULK_CONFLICT = 'OR FAIL';

/** BULK_CONFLICT leaves a failed statement's first rows in: only the caller's rollback takes them out. */
export function assertInTransaction(sqlite: Database.Database, writer: string): void {
  if (!sqlite.inTransaction)
    throw new Error(`${writer} writes inside a transaction, which undoes it as a whole on any error`);
}
