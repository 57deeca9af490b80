import type Database from 'better-sqlite3';
import type { Rule } from '../../shared/domain/matching';
import type { EntityRole } from '../../shared/domain/vocabulary';

export interface EntityInput { name: string; role: EntityRole; aliases: string[] }
export interface TopicInput { name: string; keywords: string[] }

export function addEntity(sqlite: Database.Database, entity: EntityInput): number {
  const id = Number(sqlite.prepare('INSERT INTO entities (name, role) VALUES (?, ?)').run(entity.name, entity.role).lastInsertRowid);
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
  const entities = sqlite.prepare('SELECT entity_id AS target, alias AS pattern FROM entity_aliases').all() as Rule<number>[];
  const topics = sqlite.prepare('SELECT topic_id AS target, keyword AS pattern FROM topic_keywords').all() as Rule<number>[];
  return { entities, topics };
}
