import type Database from 'better-sqlite3';

/** An author the store has, with the demographics the roll-ups count for them. */
export interface StoredAuthor {
  id: number;
  sourceId: number;
  handle: string;
  ageBand: string | null;
  sex: string | null;
  region: string | null;
}

/** The id the table's next row gets: above every row it has or had (AUTOINCREMENT never reuses one). */
export function nextId(
  sqlite: Database.Database,
  table: 'messages' | 'authors' | 'sources' | 'entities' | 'topics',
): number {
  return sqlite
    .prepare(
      `SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = '${table}'), 0), coalesce((SELECT max(id) FROM ${table}), 0)) + 1`,
    )
    .pluck()
    .get() as number;
}

/**
 * What the planner (ingest.ts) reads of the store. An import's reading thread opens it on a
 * connection of its own while the writer holds the write lock, so it sees the store exactly as
 * the writer's transaction found it; the demo reads through its own writing connection.
 */
export function openSnapshot(sqlite: Database.Database) {
  const one = (sql: string): number => sqlite.prepare(sql).pluck().get() as number;
  const hasMessages = one('SELECT EXISTS (SELECT 1 FROM messages)') === 1;
  const hasAuthors = one('SELECT EXISTS (SELECT 1 FROM authors)') === 1;
  // Keys stored before they took the time as written (migration 0014) are looked up too, while any remain.
  const hasOldKeys =
    one(
      `SELECT EXISTS (SELECT 1 FROM messages WHERE external_id IS NULL
         AND id < (SELECT CAST(value AS INTEGER) FROM settings WHERE key = 'dedupeKeysBefore'))`,
    ) === 1;
  // CROSS JOIN: the keys asked for are the outer loop, each found through the unique index.
  const existing = sqlite
    .prepare('SELECT m.content_hash, m.id FROM json_each(?) j CROSS JOIN messages m ON m.content_hash = j.value')
    .raw();
  const texts = sqlite.prepare('SELECT m.id, m.text FROM json_each(?) j CROSS JOIN messages m ON m.id = j.value').raw();
  const authors = sqlite.prepare(
    `SELECT a.id, a.source_id AS sourceId, a.handle, a.age_band AS ageBand, a.sex, a.region
     FROM json_each(?) j CROSS JOIN authors a ON a.source_id = j.value ->> 0 AND a.handle = j.value ->> 1`,
  );
  return {
    nextIds: () => ({
      messages: nextId(sqlite, 'messages'),
      authors: nextId(sqlite, 'authors'),
      sources: nextId(sqlite, 'sources'),
      entities: nextId(sqlite, 'entities'),
      topics: nextId(sqlite, 'topics'),
    }),
    hasMessages: () => hasMessages,
    hasAuthors: () => hasAuthors,
    hasOldKeys: () => hasOldKeys,
    sources: () => new Map(sqlite.prepare('SELECT code, id FROM sources').raw().all() as [string, number][]),
    /** Entity or topic ids by lower-cased name. */
    names: (kind: 'entities' | 'topics') =>
      new Map(
        (sqlite.prepare(`SELECT name, id FROM ${kind}`).raw().all() as [string, number][]).map(([name, id]) => [
          name.toLowerCase(),
          id,
        ]),
      ),
    /** The stored messages' ids by these keys, for those the store has. */
    existingKeys: (keys: readonly string[]): Map<string, number> =>
      new Map(keys.length === 0 ? [] : (existing.all(JSON.stringify(keys)) as [string, number][])),
    /** The stored texts of these messages, by id. */
    storedTexts: (ids: readonly number[]): Map<number, string> =>
      new Map(ids.length === 0 ? [] : (texts.all(JSON.stringify(ids)) as [number, string][])),
    findAuthors: (wanted: readonly [number, string][]): StoredAuthor[] =>
      wanted.length === 0 ? [] : (authors.all(JSON.stringify(wanted)) as StoredAuthor[]),
  };
}
export type StoreSnapshot = ReturnType<typeof openSnapshot>;
