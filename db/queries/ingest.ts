import { hash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Temperature } from '../../shared/domain/temperature';
import type { Kind, Source } from '../../shared/domain/vocabulary';
import { compileRules } from '../../shared/domain/matching';
import { loadRules } from './entities';
import { suspendRollups } from './rollups';

export type MatchOrigin = 'rule' | 'import';

export interface NewAuthor {
  handle: string;
  name?: string | null;
  followers?: number | null;
  region?: string | null;
  ageBand?: string | null;
  sex?: string | null;
}

export interface NewLabel {
  temperature: Temperature | null;
  kind: Kind | null;
  annotator: string;
  labeledAt: number;
}

export interface NewMessage {
  externalId?: string | null;
  source: Source;
  author: NewAuthor;
  postedAt: number;
  text: string;
  url?: string | null;
  language?: string | null;
  likes?: number | null;
  shares?: number | null;
  replies?: number | null;
  replyToExternalId?: string | null;
  label?: NewLabel | null;
}

/**
 * The dedupe key: the source's own id where the file has one, else source + author + time + text,
 * so a re-import or an overlapping export adds nothing twice.
 */
export function contentHash(source: string, externalId: string | null, handle: string, postedAt: number, text: string): string {
  const key = externalId ? `id\u0000${source}\u0000${externalId}` : `${source}\u0000${handle}\u0000${postedAt}\u0000${text}`;
  // 128 bits are plenty against collisions, and short keys keep the unique index fast. The
  // one-shot hash() skips a Hash object per row.
  return hash('sha256', key, 'buffer').subarray(0, 16).toString('base64url');
}

/**
 * Bulk writer for messages, their authors and labels, on prepared statements: the hot path
 * of imports and the demo, and the only code that adds messages. The caller owns the
 * transaction and calls finish() before committing, which adds the new rows to the full-text
 * index and the KPI roll-ups in one statement each.
 */
export function createIngest(sqlite: Database.Database, batchId: number | null, options: { expectedRows?: number } = {}) {
  // A load as large as the store is faster with its secondary indexes built once at the end than
  // kept up row by row; dropping them is part of the caller's transaction, so a rollback restores them.
  const deferred = deferIndexes(sqlite, options.expectedRows ?? 0);
  // The workspace's keyword rules as they are now: every writer matches with the same ones.
  const match = compileRules(loadRules(sqlite));
  const lastIdBefore = (sqlite.prepare("SELECT coalesce(max(id), 0) FROM messages").pluck().get() as number);
  // The new rows join the KPI roll-ups in one statement per table at the end, not a trigger per row.
  const addToRollups = suspendRollups(sqlite, { lastIdBefore });
  const sourceIds = new Map<string, number>();
  const authorIds = new Map<number, Map<string, number>>();
  const selectSource = sqlite.prepare<[string], { id: number }>('SELECT id FROM sources WHERE code = ?');
  const insertSource = sqlite.prepare('INSERT INTO sources (code, name) VALUES (?, ?)');
  // Most authors of a large file are new: a plain insert, and a look-up only when one was known.
  const insertAuthor = sqlite.prepare(
    'INSERT INTO authors (source_id, handle, name, followers, region, age_band, sex) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source_id, handle) DO NOTHING',
  );
  const selectAuthor = sqlite.prepare('SELECT id FROM authors WHERE source_id = ? AND handle = ?').pluck();
  const insertMessage = sqlite.prepare(
    `INSERT INTO messages (external_id, source_id, author_id, posted_at, text, url, language, likes, shares, replies,
       reply_to_external_id, content_hash, batch_id, temperature, kind, annotator, labeled_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  );
  const insertLabel = sqlite.prepare(
    'INSERT INTO labels (message_id, annotator, temperature, kind, labeled_at, batch_id) VALUES (?, ?, ?, ?, ?, ?)',
  );
  // A file's own entity/topic column outranks a keyword rule for the same pair.
  const insertEntityMatch = sqlite.prepare(
    "INSERT INTO message_entities (message_id, entity_id, origin) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET origin = 'import' WHERE excluded.origin = 'import'",
  );
  const insertTopicMatch = sqlite.prepare(
    "INSERT INTO message_topics (message_id, topic_id, origin) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET origin = 'import' WHERE excluded.origin = 'import'",
  );

  function sourceId(code: string): number {
    let found = sourceIds.get(code);
    if (found === undefined) {
      found = selectSource.get(code)?.id ?? Number(insertSource.run(code, code).lastInsertRowid);
      sourceIds.set(code, found);
    }
    return found;
  }

  function authorId(source: number, author: NewAuthor): number {
    let bySource = authorIds.get(source);
    if (!bySource) authorIds.set(source, (bySource = new Map()));
    let found = bySource.get(author.handle);
    if (found === undefined) {
      const inserted = insertAuthor.run(source, author.handle, author.name ?? null, author.followers ?? null,
        author.region ?? null, author.ageBand ?? null, author.sex ?? null);
      found = inserted.changes === 1 ? Number(inserted.lastInsertRowid) : selectAuthor.get(source, author.handle) as number;
      // Most authors of a large file post once: a bounded cache keeps memory flat, the store has the rest.
      if (bySource.size >= AUTHOR_CACHE) bySource.clear();
      bySource.set(author.handle, found);
    }
    return found;
  }

  return {
    /** Inserts a message; returns its id, or null when it is already in the store. `hash`: its contentHash, when already known. */
    addMessage(message: NewMessage, hash?: string): number | null {
      const source = sourceId(message.source);
      const author = authorId(source, message.author);
      const label = message.label ?? null;
      const result = insertMessage.run(
        message.externalId ?? null, source, author, message.postedAt, message.text, message.url ?? null,
        message.language ?? null, message.likes ?? null, message.shares ?? null, message.replies ?? null,
        message.replyToExternalId ?? null, hash ?? contentHash(message.source, message.externalId ?? null, message.author.handle, message.postedAt, message.text),
        batchId, label?.temperature ?? null, label?.kind ?? null, label?.annotator ?? null, label?.labeledAt ?? null,
      );
      if (result.changes === 0) return null;
      const id = Number(result.lastInsertRowid);
      if (label) insertLabel.run(id, label.annotator, label.temperature, label.kind, label.labeledAt, batchId);
      return id;
    },
    finish(): void {
      sqlite.prepare('INSERT INTO messages_fts (rowid, text) SELECT id, text FROM messages WHERE id > ?').run(lastIdBefore);
      // Roll-ups first: updating authors' engagement is cheaper before their indexes are back.
      addToRollups();
      for (const { sql } of deferred) sqlite.prepare(sql).run();
    },
    /** Matches a message to entities and topics by the workspace's aliases and keywords. */
    matchRules(messageId: number, text: string): void {
      const { entities, topics } = match(text);
      for (const entityId of entities) insertEntityMatch.run(messageId, entityId, 'rule');
      for (const topicId of topics) insertTopicMatch.run(messageId, topicId, 'rule');
    },
    matchEntities(messageId: number, entityIds: Iterable<number>, origin: MatchOrigin = 'rule'): void {
      for (const entityId of entityIds) insertEntityMatch.run(messageId, entityId, origin);
    },
    matchTopics(messageId: number, topicIds: Iterable<number>, origin: MatchOrigin = 'rule'): void {
      for (const topicId of topicIds) insertTopicMatch.run(messageId, topicId, origin);
    },
  };
}
export type Ingest = ReturnType<typeof createIngest>;

const AUTHOR_CACHE = 100_000;

/** Below this many new rows, or less than the store already holds, indexes are kept up as rows go in. */
const BULK_ROWS = 50_000;
const DEFERRABLE_TABLES = ['messages', 'authors', 'labels', 'message_entities', 'message_topics'];

/**
 * Drops the non-unique indexes of the tables a large load writes and returns their definitions,
 * for finish() to create again. Unique indexes stay: dedupe needs them while rows go in.
 */
function deferIndexes(sqlite: Database.Database, expectedRows: number): { name: string; sql: string }[] {
  if (expectedRows < BULK_ROWS) return [];
  const existing = sqlite.prepare('SELECT count(*) FROM messages').pluck().get() as number;
  if (expectedRows < existing) return [];
  const indexes = sqlite.prepare(
    `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'
     AND tbl_name IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(DEFERRABLE_TABLES)) as { name: string; sql: string }[];
  for (const { name } of indexes) sqlite.prepare(`DROP INDEX "${name.replace(/"/g, '""')}"`).run();
  return indexes;
}
