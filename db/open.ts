import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ProblemError, type Refusal } from '../shared/api/refusals';
import { applyPragmas } from './connection';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema>;

export interface Store {
  path: string;
  sqlite: Database.Database;
  db: Db;
  schemaVersion: number;
  close(): void;
}

export interface OpenOptions {
  /** Where the generated SQL migrations are; the packaged app passes its resources folder. */
  migrationsFolder?: string;
  /** A better-sqlite3 addon built for another ABI (Electron's); Node uses the default build. */
  nativeBinding?: string;
}

/** "PULS": marks a SQLite file as a Pulso workspace, so we never migrate someone else's database. */
export const APPLICATION_ID = 0x50554c53;

/** A file that cannot be opened as a workspace (the binding answers it as 'refused'). */
export class StoreRefused extends ProblemError<Refusal> {
  override name = 'StoreRefused';
}

export const defaultMigrationsFolder = (): string => join(dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface Journal {
  entries: { idx: number; when: number; tag: string }[];
}

export function readJournal(folder: string): Journal {
  return JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as Journal;
}

/**
 * How many migrations openStore would run on the file: 0 for a new file, a current one, or one
 * openStore will refuse (it says why). Read-only, and quick: what decides whether the app
 * upgrades a workspace off its main thread first (seconds on a large one).
 */
export function pendingMigrations(path: string, options: OpenOptions = {}): number {
  if (!existsSync(path)) return 0;
  const known = readJournal(options.migrationsFolder ?? defaultMigrationsFolder()).entries.length;
  let sqlite: Database.Database | null = null;
  try {
    sqlite = new Database(path, {
      readonly: true,
      fileMustExist: true,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
    const identity = readIdentity(sqlite);
    return identity.empty || !identity.ours ? 0 : Math.max(0, known - identity.version);
  } catch {
    return 0;
  } finally {
    sqlite?.close();
  }
}

/**
 * A new workspace's page size: 16 KiB, not SQLite's 4. A million-row import writes its log and reads the table back
 * (for the full-text and the other indexes) in a quarter as many pages, a tenth sooner, and the KPIs read no slower
 * (figures: tests/bench/MEASUREMENTS.md). A workspace made before keeps its 4 KiB.
 */
const PAGE_SIZE = 16_384;

/** Opens (creating if needed) a workspace file, refusing files that are not ours or are newer. */
export function openStore(path: string, options: OpenOptions = {}): Store {
  const migrationsFolder = options.migrationsFolder ?? defaultMigrationsFolder();
  const journal = readJournal(migrationsFolder);
  let sqlite: Database.Database;
  try {
    sqlite = new Database(path, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch (error) {
    throw new StoreRefused({ refusal: 'workspace-unopenable', path, reason: (error as Error).message });
  }
  try {
    const identity = checkIdentity(sqlite, path, journal);
    // Before the log is set up and the first table made: a file's page size is fixed from then on.
    if (identity === 'new') sqlite.pragma(`page_size = ${PAGE_SIZE}`);
    applyPragmas(sqlite);
    const db = drizzle(sqlite, { schema });
    const store: Store = { path, sqlite, db, schemaVersion: journal.entries.length, close: () => sqlite.close() };
    // A workspace this version made or upgraded: the migrations (each file read and hashed) and the header's writes
    // would change nothing.
    if (identity === 'current') return store;
    sqlite.pragma(`application_id = ${APPLICATION_ID}`);
    try {
      migrate(db, { migrationsFolder });
    } catch (error) {
      // The migrations run in one transaction, rolled back on a failure.
      throw new StoreRefused({
        refusal: 'workspace-not-upgradable',
        path,
        schema: String(journal.entries.length),
        reason: rootCause(error),
      });
    }
    sqlite.pragma(`user_version = ${journal.entries.length}`);
    return store;
  } catch (error) {
    sqlite.close();
    if (error instanceof StoreRefused) throw error;
    throw new StoreRefused({ refusal: 'workspace-unopenable', path, reason: (error as Error).message });
  }
}

/** SQLite's own words: drizzle wraps a failed statement in an error that quotes all its SQL. */
function rootCause(error: unknown): string {
  let cause = error;
  while (cause instanceof Error && cause.cause instanceof Error) cause = cause.cause;
  return cause instanceof Error ? cause.message : String(cause);
}

/** What a file says of itself: no tables yet, our application id, its schema version. */
function readIdentity(sqlite: Database.Database): { empty: boolean; ours: boolean; version: number } {
  const tables = sqlite.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table'").pluck().get() as number;
  return {
    empty: tables === 0,
    ours: sqlite.pragma('application_id', { simple: true }) === APPLICATION_ID,
    version: sqlite.pragma('user_version', { simple: true }) as number,
  };
}

/** A new file, a workspace of this version's schema, or one of an earlier version's (to upgrade). */
function checkIdentity(sqlite: Database.Database, path: string, journal: Journal): 'new' | 'current' | 'earlier' {
  const { empty, ours, version } = readIdentity(sqlite);
  if (empty) return 'new'; // a new, empty file becomes a workspace
  if (!ours) throw new StoreRefused({ refusal: 'workspace-not-ours', path });
  const known = journal.entries.length;
  if (version > known) {
    throw new StoreRefused({ refusal: 'workspace-newer', path, version: String(version), known: String(known) });
  }
  return version === known ? 'current' : 'earlier';
}
