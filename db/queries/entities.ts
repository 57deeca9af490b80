import type Database from 'better-sqlite3';
import type { RulePreview } from '../../shared/api/contract';
import { compileRules, type Rule } from '../../shared/domain/matching';
import { toFtsQuery } from '../../shared/domain/search';
import type { EntityRole } from '../../shared/domain/vocabulary';

export interface EntityInput {
  name: string;
  role: EntityRole;
  aliases: string[];
}
export interface TopicInput {
  name: string;
  keywords: string[];
}

export function addEntity(sqlite: Database.Database, entity: EntityInput): number {
  const id = Number(
    sqlite.prepare('INSERT INTO entities (name, role) VALUES (?, ?)').run(entity.name, entity.role).lastInsertRowid,
  );
  const alias = sqlite.prepare('INSERT OR IGNORE INTO entity_aliases (entity_id, alias) VALUES (?, ?)');
  for (const text of entity.aliases) alias.run(id, text);
  return id;
}

export function addTopic(sqlite: Database.Database, topic: TopicInput): number {
  const id = Number(sqlite.prepare('INSERT INTO topics (name) VALUES (?)').run(topic.name).lastInsertRowid);
  const keyword = sqlite.prepare('INSERT OR IGNORE INTO topic_keywords (topic_id, keyword) VALUES (?, ?)');
  for (const text of topic.keywords) keyword.run(id, text);
  return id;
}

/** Every alias and keyword as matcher rules, aimed at entity and topic ids. */
export function loadRules(sqlite: Database.Database): { entities: Rule<number>[]; topics: Rule<number>[] } {
  const entities = sqlite
    .prepare('SELECT entity_id AS target, alias AS pattern FROM entity_aliases')
    .all() as Rule<number>[];
  const topics = sqlite
    .prepare('SELECT topic_id AS target, keyword AS pattern FROM topic_keywords')
    .all() as Rule<number>[];
  return { entities, topics };
}

export interface EntityRow {
  id: number;
  name: string;
  role: EntityRole;
  aliases: string[];
  mentions: number | null;
}
export interface TopicRow {
  id: number;
  name: string;
  keywords: string[];
  mentions: number | null;
}

const splitList = (joined: string | null): string[] => (joined ? joined.split('\u001f') : []);

export function listEntities(sqlite: Database.Database, withMentions = true): EntityRow[] {
  const rows = sqlite
    .prepare(
      `SELECT e.id, e.name, e.role,
            (SELECT group_concat(alias, char(31)) FROM (SELECT alias FROM entity_aliases a WHERE a.entity_id = e.id ORDER BY a.id)) AS aliases,
            ${withMentions ? '(SELECT count(*) FROM message_entities me WHERE me.entity_id = e.id)' : 'NULL'} AS mentions
     FROM entities e ORDER BY e.role, e.name`,
    )
    .all() as (Omit<EntityRow, 'aliases'> & { aliases: string | null })[];
  return rows.map((row) => ({ ...row, aliases: splitList(row.aliases) }));
}

export function listTopics(sqlite: Database.Database, withMentions = true): TopicRow[] {
  const rows = sqlite
    .prepare(
      `SELECT t.id, t.name,
            (SELECT group_concat(keyword, char(31)) FROM (SELECT keyword FROM topic_keywords k WHERE k.topic_id = t.id ORDER BY k.id)) AS keywords,
            ${withMentions ? '(SELECT count(*) FROM message_topics mt WHERE mt.topic_id = t.id)' : 'NULL'} AS mentions
     FROM topics t ORDER BY t.name`,
    )
    .all() as (Omit<TopicRow, 'keywords'> & { keywords: string | null })[];
  return rows.map((row) => ({ ...row, keywords: splitList(row.keywords) }));
}

/** Creates the entity, or replaces the role and aliases of the one with that name. */
export function saveEntity(sqlite: Database.Database, entity: EntityInput): number {
  return sqlite.transaction(() => {
    const id = sqlite
      .prepare(
        'INSERT INTO entities (name, role) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET role = excluded.role RETURNING id',
      )
      .pluck()
      .get(entity.name, entity.role) as number;
    sqlite.prepare('DELETE FROM entity_aliases WHERE entity_id = ?').run(id);
    const alias = sqlite.prepare('INSERT OR IGNORE INTO entity_aliases (entity_id, alias) VALUES (?, ?)');
    for (const text of entity.aliases) alias.run(id, text);
    return id;
  })();
}

/** Creates the topic, or replaces the keywords of the one with that name. */
export function saveTopic(sqlite: Database.Database, topic: TopicInput): number {
  return sqlite.transaction(() => {
    const id = sqlite
      .prepare(
        'INSERT INTO topics (name) VALUES (?) ON CONFLICT (name) DO UPDATE SET name = excluded.name RETURNING id',
      )
      .pluck()
      .get(topic.name) as number;
    sqlite.prepare('DELETE FROM topic_keywords WHERE topic_id = ?').run(id);
    const keyword = sqlite.prepare('INSERT OR IGNORE INTO topic_keywords (topic_id, keyword) VALUES (?, ?)');
    for (const text of topic.keywords) keyword.run(id, text);
    return id;
  })();
}

export type TrackedKind = 'entity' | 'topic';
const TRACKED_TABLE = { entity: 'entities', topic: 'topics' } as const;

/** Gives a tracked entity or topic another name (its rules and matches stay), unless another has it or it is gone. */
export function renameTracked(
  sqlite: Database.Database,
  kind: TrackedKind,
  id: number,
  name: string,
): 'renamed' | 'taken' | 'gone' {
  const table = TRACKED_TABLE[kind];
  if (sqlite.prepare(`SELECT 1 FROM ${table} WHERE name = ? AND id != ?`).get(name, id)) return 'taken';
  return sqlite.prepare(`UPDATE ${table} SET name = ? WHERE id = ?`).run(name, id).changes === 1 ? 'renamed' : 'gone';
}

/**
 * Deletes a tracked entity or topic, its rules and its matches (the messages stay), inside the caller's transaction,
 * which has the roll-ups suspended (rollups.ts suspendRollups): one recount, not a trigger per match. How many matches
 * went.
 */
export function deleteTracked(sqlite: Database.Database, kind: TrackedKind, id: number): number {
  const matches = sqlite
    .prepare(
      `SELECT count(*) FROM ${kind === 'entity' ? 'message_entities WHERE entity_id' : 'message_topics WHERE topic_id'} = ?`,
    )
    .pluck()
    .get(id) as number;
  // The matches go by cascade with the entity or topic.
  sqlite.prepare(`DELETE FROM ${TRACKED_TABLE[kind]} WHERE id = ?`).run(id);
  return matches;
}

/** Drops every rule-made match (file-given ones stay) and returns a writer for the new ones. */
export function startRematch(sqlite: Database.Database) {
  sqlite.prepare("DELETE FROM message_entities WHERE origin = 'rule'").run();
  sqlite.prepare("DELETE FROM message_topics WHERE origin = 'rule'").run();
  const page = sqlite.prepare('SELECT id, text FROM messages WHERE id > ? ORDER BY id LIMIT ?');
  return {
    total: sqlite.prepare('SELECT count(*) FROM messages').pluck().get() as number,
    /** The next messages after `afterId`, in id order. */
    next: (afterId: number, limit: number) => page.all(afterId, limit) as { id: number; text: string }[],
  };
}

const PREVIEW_SAMPLE = 10;
const PREVIEW_CHUNK = 2000;

/**
 * What rules would match now: the full-text index finds the messages holding each rule's words
 * (a superset: it splits words more finely and knows no #/@), then the import's own matcher
 * decides, so the preview counts exactly what saving will store.
 */
export function previewRules(sqlite: Database.Database, rules: readonly string[]): RulePreview {
  const phrases = rules
    .map((rule) => toFtsQuery(`"${rule.replace(/"/g, ' ')}"`))
    .filter((q): q is string => q !== null);
  const byRule = rules.map((rule) => ({ rule, matches: 0 }));
  if (phrases.length === 0) return { matches: 0, byRule, sample: [] };
  const candidates = sqlite
    .prepare('SELECT rowid FROM messages_fts WHERE messages_fts MATCH ? ORDER BY rowid')
    .pluck()
    .all(phrases.join(' OR ')) as number[];
  // Each rule its own target: the ids found are the rules a text matches.
  const match = compileRules({ entities: rules.map((pattern, index) => ({ target: index, pattern })), topics: [] });
  const texts = sqlite.prepare(
    'SELECT m.id, m.posted_at AS postedAt, m.text FROM messages m WHERE m.id IN (SELECT value FROM json_each(?))',
  );
  let matches = 0;
  let sample: { id: number; postedAt: number; text: string }[] = [];
  const newestFirst = (a: { id: number; postedAt: number }, b: { id: number; postedAt: number }): number =>
    b.postedAt - a.postedAt || b.id - a.id;
  for (let start = 0; start < candidates.length; start += PREVIEW_CHUNK) {
    const chunk = texts.all(JSON.stringify(candidates.slice(start, start + PREVIEW_CHUNK))) as {
      id: number;
      postedAt: number;
      text: string;
    }[];
    for (const message of chunk) {
      const matched = match(message.text).entities;
      if (matched.length === 0) continue;
      for (const index of matched) (byRule[index] as { matches: number }).matches++;
      matches++;
      sample.push(message);
      if (sample.length > PREVIEW_SAMPLE * 50) sample = sample.sort(newestFirst).slice(0, PREVIEW_SAMPLE);
    }
  }
  return { matches, byRule, sample: sample.sort(newestFirst).slice(0, PREVIEW_SAMPLE) };
}
