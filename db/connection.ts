import Database from 'better-sqlite3';

/** The connection settings every connection to a workspace uses. */
export function applyPragmas(sqlite: Database.Database): void {
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Reads of a large workspace (KPIs over a quarter, the grid's filters) hop across indexes:
  // memory-mapped I/O and a larger page cache keep them off the disk path.
  sqlite.pragma('mmap_size = 1073741824');
  sqlite.pragma('cache_size = -65536');
  // A large import's log (hundreds of MB) is cut back when the log starts over after it.
  sqlite.pragma('journal_size_limit = 67108864');
}

/**
 * A second connection to a store the app already opened (and migrated): for workers, which
 * need no ORM and should start fast.
 */
export function openConnection(path: string, nativeBinding?: string, cacheMB = 64): Database.Database {
  const sqlite = new Database(path, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  applyPragmas(sqlite);
  // Bulk jobs touch index pages all over the file: a larger page cache saves re-reading them.
  sqlite.pragma(`cache_size = -${cacheMB * 1024}`);
  return sqlite;
}

/**
 * A connection for one bulk load (an import's writer): opened as openConnection does, then
 * without the checks the load makes itself and with the log left for its own checkpoint.
 */
export function openLoadConnection(path: string, nativeBinding?: string): Database.Database {
  const sqlite = openConnection(path, nativeBinding);
  // The load's writer makes every reference it writes (the batch, sources, authors, messages,
  // matches) in the same transaction: checking each again costs a sixth of an import's time.
  // The app's own connection keeps the checks and the cascades.
  sqlite.pragma('foreign_keys = OFF');
  // The load is on disk when it says it is done (the log is synced at commit); copying the log
  // into the database (a checkpoint, seconds for a large file) happens after, off the UI.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('wal_autocheckpoint = 0');
  return sqlite;
}
