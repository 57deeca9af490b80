import type Database from 'better-sqlite3';

/**
 * A transaction that may await between chunks (to report progress and notice a cancel):
 * better-sqlite3's own transaction() is synchronous. Anything thrown rolls everything back.
 */
export async function inTransaction<T>(sqlite: Database.Database, work: () => Promise<T>): Promise<T> {
  sqlite.exec('BEGIN IMMEDIATE');
  try {
    const result = await work();
    sqlite.exec('COMMIT');
    return result;
  } catch (error) {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    throw error;
  }
}
