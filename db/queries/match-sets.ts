import type Database from 'better-sqlite3';

/**
 * Match sets: each distinct combination of entities and topics some message has, stored once (match_sets) and named on
 * the message (messages.match_set_id, 0 for none). A period narrowed to entities or topics is then a filter on a column
 * of the period's covering index, and the roll-ups by match set (db/queries/rollups.ts) answer any such narrowing:
 * a set's entities and topics are what each of its messages mentions. The roll-ups' triggers keep a message's set when
 * its matches change one by one; bulk writers set it themselves (the load's rows, refreshMatchSets after a rematch).
 */

/**
 * A message's entity and topic ids as match_sets stores them: JSON arrays in id order, as SQLite writes them. Ordered
 * in a subquery (which the match tables' keys give anyway), not inside the aggregate: the triggers that hold this must
 * parse in the SQLite of other tools (Debian's 3.40 has no ORDER BY in an aggregate).
 */
const setOf = (column: 'entity_id' | 'topic_id', table: string, messageId: string): string =>
  `(SELECT json_group_array(${column}) FROM (SELECT ${column} FROM ${table} WHERE message_id = ${messageId} ORDER BY ${column}))`;
const ENTITIES = (messageId: string): string => setOf('entity_id', 'message_entities', messageId);
const TOPICS = (messageId: string): string => setOf('topic_id', 'message_topics', messageId);

/** Trigger statements that set message `messageId`'s match set again from its matches (after one changed). */
export function matchSetUpdate(messageId: string): string[] {
  return [
    `INSERT OR IGNORE INTO match_sets (entities, topics) SELECT ${ENTITIES(messageId)}, ${TOPICS(messageId)}
       WHERE EXISTS (SELECT 1 FROM messages WHERE id = ${messageId});`,
    `UPDATE messages SET match_set_id = (SELECT id FROM match_sets WHERE entities = ${ENTITIES(messageId)} AND topics = ${TOPICS(messageId)})
       WHERE id = ${messageId};`,
  ];
}

/**
 * Sets every message's match set from its matches, set-based (after a rematch, and in a recount): only the messages
 * whose set changed are written. The caller holds the transaction and, when it matters, has the triggers dropped.
 */
export function refreshMatchSets(sqlite: Database.Database): void {
  sqlite.prepare('DROP TABLE IF EXISTS temp.message_match_sets').run();
  sqlite
    .prepare(
      `CREATE TEMP TABLE message_match_sets AS SELECT m.id, ${ENTITIES('m.id')} AS entities, ${TOPICS('m.id')} AS topics
       FROM messages m WHERE m.id IN (SELECT message_id FROM message_entities UNION SELECT message_id FROM message_topics)`,
    )
    .run();
  try {
    sqlite
      .prepare(
        'INSERT OR IGNORE INTO match_sets (entities, topics) SELECT DISTINCT entities, topics FROM temp.message_match_sets',
      )
      .run();
    sqlite
      .prepare(
        `UPDATE messages SET match_set_id = x.set_id FROM (
           SELECT m.id, coalesce(s.id, 0) AS set_id FROM messages m
           LEFT JOIN temp.message_match_sets k ON k.id = m.id LEFT JOIN match_sets s ON s.entities = k.entities AND s.topics = k.topics
         ) x WHERE x.id = messages.id AND messages.match_set_id != x.set_id`,
      )
      .run();
  } finally {
    sqlite.prepare('DROP TABLE temp.message_match_sets').run();
  }
}

/**
 * For a load of new messages: the id of a message's set, made when new. `entityIds` and `topicIds` as the load has
 * them (distinct, any order); none at all is set 0.
 */
export function createMatchSetIds(sqlite: Database.Database) {
  const known = new Map<string, number>();
  const upsert = sqlite
    .prepare(
      `INSERT INTO match_sets (entities, topics) VALUES (?, ?)
       ON CONFLICT (entities, topics) DO UPDATE SET entities = excluded.entities RETURNING id`,
    )
    .pluck();
  const inOrder = (ids: readonly number[]): number[] => [...ids].sort((a, b) => a - b);
  return (entityIds: readonly number[], topicIds: readonly number[]): number => {
    if (entityIds.length === 0 && topicIds.length === 0) return 0;
    // Keyed as they come (a million messages): the order is put right only for a set not seen yet.
    const key = `${entityIds.join(',')}|${topicIds.join(',')}`;
    let id = known.get(key);
    if (id === undefined)
      known.set(
        key,
        (id = upsert.get(JSON.stringify(inOrder(entityIds)), JSON.stringify(inOrder(topicIds))) as number),
      );
    return id;
  };
}

/**
 * SQL for the ids of the match sets a filter's entities and topics keep (any of the entities, and any of the topics),
 * with its parameters; null when it names neither.
 */
export function matchSetFilter(filter: {
  entities?: readonly number[] | undefined;
  topics?: readonly number[] | undefined;
}): {
  sql: string;
  params: string[];
} | null {
  const parts: string[] = [];
  const params: string[] = [];
  for (const [column, ids] of [
    ['entities', filter.entities],
    ['topics', filter.topics],
  ] as const) {
    if (!ids?.length) continue;
    parts.push(`EXISTS (SELECT 1 FROM json_each(ms.${column}) WHERE value IN (SELECT value FROM json_each(?)))`);
    params.push(JSON.stringify(ids));
  }
  return parts.length ? { sql: `SELECT ms.id FROM match_sets ms WHERE ${parts.join(' AND ')}`, params } : null;
}
