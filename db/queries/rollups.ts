import type Database from 'better-sqlite3';
import { assertInTransaction, BULK_CONFLICT } from '../load/bulk';
import { offsetSegments, type OffsetSegment } from '../../shared/domain/time';
import { matchSetUpdate, refreshMatchSets } from './match-sets';

/**
 * Daily roll-ups of the messages for the KPIs: counts per local day (in the workspace's time
 * zone) by source and temperature, per entity, per topic, per topic × entity pair and per
 * author demographic. Triggers keep them exact on every write (labels, imports, undo, rule
 * changes), so a quarter's volumes, Share of Voice and Share of Conversation read a few thousand
 * rows instead of joining a third of a million messages to their matches; each author's
 * engagement over all time bounds the influence ranking's search. Bulk writers of new messages
 * suspend the triggers (suspendForLoad) and add the counts they kept as they wrote
 * (createRollupTally); a rematch recounts the matches (suspendRollups); changes to many labels
 * take their messages out and put them back set-based (changingMessages).
 */

/** A key column cannot be NULL (UNIQUE treats NULLs as distinct): unlabeled is stored as 9. */
export const UNLABELED_KEY = 9;
const ROLLUP_ZONE = 'rollupZone';
/** Days are exact for the zone's offsets from 1970 to 2100; periods outside read the messages. */
export const ZONE_TABLE_RANGE = { start: Date.UTC(1970, 0, 1), end: Date.UTC(2100, 0, 1) };

const DAY = `(m.posted_at + coalesce((SELECT z.offset_ms FROM zone_offsets z WHERE z.starts_at <= m.posted_at ORDER BY z.starts_at DESC LIMIT 1), 0)) / 86400000`;
const TEMPERATURE = `coalesce(m.temperature, ${UNLABELED_KEY})`;
const INTERACTIONS = 'coalesce(m.likes, 0) + coalesce(m.shares, 0) + coalesce(m.replies, 0)';
const DEMOGRAPHIC = "CASE d.dimension WHEN 'ageBand' THEN a.age_band WHEN 'sex' THEN a.sex ELSE a.region END";

interface Rollup {
  table: string;
  /**
   * Joined to `messages m`: which rows of the message count. CROSS JOIN keeps the messages (few, or a narrow copy) as
   * the outer loop.
   */
  joins: string;
  keys: [column: string, expression: string][];
  /** What one message adds to each summed column. */
  sums: [column: string, perMessage: string][];
}

const ROLLUPS = {
  days: {
    table: 'kpi_days',
    joins: '',
    keys: [
      ['day', DAY],
      ['source_id', 'm.source_id'],
      ['temperature', TEMPERATURE],
    ],
    sums: [
      ['messages', '1'],
      ['interactions', INTERACTIONS],
    ],
  },
  demographics: {
    table: 'kpi_demographic_days',
    joins: `CROSS JOIN authors a ON a.id = m.author_id CROSS JOIN (SELECT 'ageBand' AS dimension UNION ALL SELECT 'sex' UNION ALL SELECT 'region') d ON ${DEMOGRAPHIC} IS NOT NULL`,
    keys: [
      ['day', DAY],
      ['source_id', 'm.source_id'],
      ['dimension', 'd.dimension'],
      ['value', DEMOGRAPHIC],
      ['temperature', TEMPERATURE],
    ],
    sums: [['messages', '1']],
  },
  entities: {
    table: 'kpi_entity_days',
    joins: 'CROSS JOIN message_entities me ON me.message_id = m.id',
    keys: [
      ['day', DAY],
      ['entity_id', 'me.entity_id'],
      ['source_id', 'm.source_id'],
      ['temperature', TEMPERATURE],
    ],
    sums: [['messages', '1']],
  },
  topics: {
    table: 'kpi_topic_days',
    joins: 'CROSS JOIN message_topics mt ON mt.message_id = m.id',
    keys: [
      ['day', DAY],
      ['topic_id', 'mt.topic_id'],
      ['source_id', 'm.source_id'],
      ['temperature', TEMPERATURE],
    ],
    sums: [['messages', '1']],
  },
  pairs: {
    table: 'kpi_pair_days',
    joins:
      'CROSS JOIN message_topics mt ON mt.message_id = m.id CROSS JOIN message_entities me ON me.message_id = m.id',
    keys: [
      ['day', DAY],
      ['topic_id', 'mt.topic_id'],
      ['entity_id', 'me.entity_id'],
      ['source_id', 'm.source_id'],
      ['temperature', TEMPERATURE],
    ],
    sums: [['messages', '1']],
  },
  // By match set (db/queries/match-sets.ts): the days and demographics of a period narrowed to entities or topics.
  matches: {
    table: 'kpi_match_days',
    joins: '',
    keys: [
      ['day', DAY],
      ['match_set_id', 'm.match_set_id'],
      ['source_id', 'm.source_id'],
      ['temperature', TEMPERATURE],
    ],
    sums: [
      ['messages', '1'],
      ['interactions', INTERACTIONS],
    ],
  },
  matchDemographics: {
    table: 'kpi_match_demographic_days',
    joins: `CROSS JOIN authors a ON a.id = m.author_id CROSS JOIN (SELECT 'ageBand' AS dimension UNION ALL SELECT 'sex' UNION ALL SELECT 'region') d ON ${DEMOGRAPHIC} IS NOT NULL`,
    keys: [
      ['day', DAY],
      ['match_set_id', 'm.match_set_id'],
      ['source_id', 'm.source_id'],
      ['dimension', 'd.dimension'],
      ['value', DEMOGRAPHIC],
      ['temperature', TEMPERATURE],
    ],
    sums: [['messages', '1']],
  },
} satisfies Record<string, Rollup>;
type RollupName = keyof typeof ROLLUPS | 'engagement';
const ALL: RollupName[] = [...(Object.keys(ROLLUPS) as RollupName[]), 'engagement'];
const MATCHES: RollupName[] = ['entities', 'topics', 'pairs', 'matches', 'matchDemographics'];

/**
 * Adds (or, with sign −1, takes away) the messages `where` selects to one roll-up. 'engagement' is
 * each author's engagement over all their messages (authors.engagement), which bounds their
 * engagement in any period: the influence ranking starts from it. A trigger adds one message's
 * rows as they are (each a key of its own: no GROUP BY, whose sorter costs more than the rows);
 * `bulk` groups many messages read from `bulk.from`, their days computed by `bulk.day`.
 */
function addTo(name: RollupName, sign: 1 | -1, where: string, bulk?: { day: string; from: string }): string {
  const minus = sign === 1 ? '' : '-';
  const total = (perMessage: string): string => (bulk ? `${minus}sum(${perMessage})` : `${minus}(${perMessage})`);
  const from = bulk?.from ?? 'messages';
  if (name === 'engagement') {
    return `UPDATE authors SET engagement = engagement + x.e FROM (SELECT m.author_id, ${total(INTERACTIONS)} AS e FROM ${from} m WHERE ${where}${bulk ? ' GROUP BY 1' : ''}) x
      WHERE authors.id = x.author_id;`;
  }
  const { table, joins, keys, sums } = ROLLUPS[name] as Rollup;
  const keyExpressions = keys.map(([column, expression]) => (column === 'day' && bulk ? bulk.day : expression));
  return `INSERT INTO ${table} (${[...keys, ...sums].map(([column]) => column).join(', ')})
    SELECT ${[...keyExpressions, ...sums.map(([, perMessage]) => total(perMessage))].join(', ')} FROM ${from} m ${joins} WHERE ${where}
    ${bulk ? `GROUP BY ${keys.map((_, i) => i + 1).join(', ')}` : ''}
    ON CONFLICT (${keys.map(([column]) => column).join(', ')}) DO UPDATE SET ${sums.map(([column]) => `${column} = ${column} + excluded.${column}`).join(', ')};`;
}

const MESSAGE_COLUMNS = [
  'temperature',
  'posted_at',
  'source_id',
  'author_id',
  'likes',
  'shares',
  'replies',
  'match_set_id',
];
/**
 * The message columns each roll-up reads: an update touches only the roll-ups of the columns it changed (a label: not
 * engagement).
 */
const READS: Record<RollupName, string[]> = {
  days: ['temperature', 'posted_at', 'source_id', 'likes', 'shares', 'replies'],
  demographics: ['temperature', 'posted_at', 'source_id', 'author_id'],
  entities: ['temperature', 'posted_at', 'source_id'],
  topics: ['temperature', 'posted_at', 'source_id'],
  pairs: ['temperature', 'posted_at', 'source_id'],
  matches: ['temperature', 'posted_at', 'source_id', 'likes', 'shares', 'replies', 'match_set_id'],
  matchDemographics: ['temperature', 'posted_at', 'source_id', 'author_id', 'match_set_id'],
  engagement: ['author_id', 'likes', 'shares', 'replies'],
};
const changed = (columns: string[]): string => columns.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ');
const trigger = (name: string, when: string, body: string[]): string =>
  `CREATE TRIGGER IF NOT EXISTS ${name} ${when} BEGIN ${body.join(' ')} END`;

/**
 * The triggers. A message's children are deleted by cascade after the message row is gone, so
 * the message's own BEFORE DELETE takes everything away and the children's find no message.
 * Updates take the old row away before and add the new one after.
 */
const TRIGGERS: Record<string, string> = {
  rollup_message_insert: trigger(
    'rollup_message_insert',
    'AFTER INSERT ON messages',
    (['days', 'demographics', 'matches', 'matchDemographics', 'engagement'] as const).map((name) =>
      addTo(name, 1, 'm.id = NEW.id'),
    ),
  ),
  rollup_message_delete: trigger(
    'rollup_message_delete',
    'BEFORE DELETE ON messages',
    ALL.map((name) => addTo(name, -1, 'm.id = OLD.id')),
  ),
  rollup_message_unlabel: trigger(
    'rollup_message_unlabel',
    `BEFORE UPDATE OF ${MESSAGE_COLUMNS.join(', ')} ON messages WHEN ${changed(MESSAGE_COLUMNS)}`,
    ALL.map((name) => addTo(name, -1, `m.id = OLD.id AND (${changed(READS[name])})`)),
  ),
  rollup_message_label: trigger(
    'rollup_message_label',
    `AFTER UPDATE OF ${MESSAGE_COLUMNS.join(', ')} ON messages WHEN ${changed(MESSAGE_COLUMNS)}`,
    ALL.map((name) => addTo(name, 1, `m.id = NEW.id AND (${changed(READS[name])})`)),
  ),
  rollup_author_before: trigger(
    'rollup_author_before',
    `BEFORE UPDATE OF age_band, sex, region ON authors WHEN ${changed(['age_band', 'sex', 'region'])}`,
    (['demographics', 'matchDemographics'] as const).map((name) => addTo(name, -1, 'm.author_id = OLD.id')),
  ),
  rollup_author_after: trigger(
    'rollup_author_after',
    `AFTER UPDATE OF age_band, sex, region ON authors WHEN ${changed(['age_band', 'sex', 'region'])}`,
    (['demographics', 'matchDemographics'] as const).map((name) => addTo(name, 1, 'm.author_id = NEW.id')),
  ),
  rollup_entity_insert: trigger(
    'rollup_entity_insert',
    'AFTER INSERT ON message_entities',
    ['entities', 'pairs'].map((name) =>
      addTo(name as RollupName, 1, 'm.id = NEW.message_id AND me.entity_id = NEW.entity_id'),
    ),
  ),
  rollup_entity_delete: trigger(
    'rollup_entity_delete',
    'BEFORE DELETE ON message_entities',
    ['entities', 'pairs'].map((name) =>
      addTo(name as RollupName, -1, 'm.id = OLD.message_id AND me.entity_id = OLD.entity_id'),
    ),
  ),
  rollup_topic_insert: trigger(
    'rollup_topic_insert',
    'AFTER INSERT ON message_topics',
    ['topics', 'pairs'].map((name) =>
      addTo(name as RollupName, 1, 'm.id = NEW.message_id AND mt.topic_id = NEW.topic_id'),
    ),
  ),
  rollup_topic_delete: trigger(
    'rollup_topic_delete',
    'BEFORE DELETE ON message_topics',
    ['topics', 'pairs'].map((name) =>
      addTo(name as RollupName, -1, 'm.id = OLD.message_id AND mt.topic_id = OLD.topic_id'),
    ),
  ),
  // A message's match set follows its matches; the message's own update triggers then move its counts by set.
  match_set_entity_insert: trigger(
    'match_set_entity_insert',
    'AFTER INSERT ON message_entities',
    matchSetUpdate('NEW.message_id'),
  ),
  match_set_entity_delete: trigger(
    'match_set_entity_delete',
    'AFTER DELETE ON message_entities',
    matchSetUpdate('OLD.message_id'),
  ),
  match_set_topic_insert: trigger(
    'match_set_topic_insert',
    'AFTER INSERT ON message_topics',
    matchSetUpdate('NEW.message_id'),
  ),
  match_set_topic_delete: trigger(
    'match_set_topic_delete',
    'AFTER DELETE ON message_topics',
    matchSetUpdate('OLD.message_id'),
  ),
};

function createTriggers(sqlite: Database.Database): void {
  for (const sql of Object.values(TRIGGERS)) sqlite.prepare(sql).run();
}

function dropTriggers(sqlite: Database.Database): void {
  for (const name of Object.keys(TRIGGERS)) sqlite.prepare(`DROP TRIGGER IF EXISTS ${name}`).run();
}

/** The zone's offsets the roll-ups count days by, or null when the store keeps no roll-ups. */
export function rollupOffsets(sqlite: Database.Database): OffsetSegment[] | null {
  if (rollupZone(sqlite) === null) return null;
  return sqlite
    .prepare('SELECT starts_at AS "from", offset_ms AS offset FROM zone_offsets ORDER BY starts_at')
    .all() as OffsetSegment[];
}

/** The zone the roll-ups count days in, or null when there are none (a store opened without the app). */
export function rollupZone(sqlite: Database.Database): string | null {
  return (
    (sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(ROLLUP_ZONE) as string | undefined) ?? null
  );
}

/**
 * SQL for the local day of `m.posted_at` given the zone's offsets over the rows' span, as CASE
 * branches: integer arithmetic instead of a look-up per row. Integer literals, not parameters:
 * a bound JS number is a REAL, which would make the division fractional.
 */
export function localDaySql(segments: readonly OffsetSegment[]): string {
  const int = (value: number): string => String(Math.trunc(value));
  const last = segments[segments.length - 1];
  if (!last) return DAY;
  const branches = segments
    .slice(1)
    .map((segment, i) => `WHEN m.posted_at < ${int(segment.from)} THEN ${int((segments[i] as OffsetSegment).offset)}`);
  return `(m.posted_at + ${branches.length ? `CASE ${branches.join(' ')} ELSE ${int(last.offset)} END` : int(last.offset)}) / 86400000`;
}

/** The stored zone's offsets over the span of the rows of `table` (a copy of some messages). */
function storedSegments(sqlite: Database.Database, table: string): OffsetSegment[] {
  const span = sqlite.prepare(`SELECT min(posted_at) AS low, max(posted_at) AS high FROM ${table}`).get() as {
    low: number | null;
    high: number | null;
  };
  if (span.low === null || span.high === null) return [];
  return sqlite
    .prepare(
      `SELECT * FROM (SELECT starts_at AS "from", offset_ms AS offset FROM zone_offsets WHERE starts_at <= ? ORDER BY starts_at DESC LIMIT 1)
     UNION ALL SELECT starts_at, offset_ms FROM zone_offsets WHERE starts_at > ? AND starts_at <= ? ORDER BY 1`,
    )
    .all(span.low, span.low, span.high) as OffsetSegment[];
}

/**
 * Adds many messages: the columns the roll-ups use are copied once into a narrow temporary table,
 * so the six statements read it instead of each reading the messages' rows, text and all.
 */
function add(sqlite: Database.Database, names: RollupName[], where: string, sign: 1 | -1 = 1): void {
  sqlite.prepare('DROP TABLE IF EXISTS temp.rollup_messages').run();
  sqlite
    .prepare(
      `CREATE TEMP TABLE rollup_messages (id INTEGER PRIMARY KEY, posted_at INTEGER, source_id INTEGER, author_id INTEGER, temperature INTEGER, likes INTEGER, shares INTEGER, replies INTEGER, match_set_id INTEGER)`,
    )
    .run();
  try {
    sqlite
      .prepare(
        `INSERT INTO temp.rollup_messages SELECT m.id, m.posted_at, m.source_id, m.author_id, m.temperature, m.likes, m.shares, m.replies, m.match_set_id FROM messages m WHERE ${where}`,
      )
      .run();
    const day = localDaySql(storedSegments(sqlite, 'temp.rollup_messages'));
    for (const name of names) sqlite.prepare(addTo(name, sign, 'true', { day, from: 'temp.rollup_messages' })).run();
  } finally {
    sqlite.prepare('DROP TABLE temp.rollup_messages').run();
  }
}

function recount(sqlite: Database.Database, names: RollupName[]): void {
  for (const name of names)
    sqlite
      .prepare(name === 'engagement' ? 'UPDATE authors SET engagement = 0' : `DELETE FROM ${ROLLUPS[name].table}`)
      .run();
  add(sqlite, names, 'true');
}

/** Counts every message again into empty roll-ups, for the zone's days, with triggers as this build makes them. */
function rebuild(sqlite: Database.Database, timeZone: string): void {
  sqlite.prepare('DELETE FROM zone_offsets').run();
  const insertOffset = sqlite.prepare('INSERT INTO zone_offsets (starts_at, offset_ms) VALUES (?, ?)');
  offsetSegments(ZONE_TABLE_RANGE.start, ZONE_TABLE_RANGE.end, timeZone).forEach((segment, i) =>
    insertOffset.run(i === 0 ? Number.MIN_SAFE_INTEGER : segment.from, segment.offset),
  );
  dropTriggers(sqlite);
  refreshMatchSets(sqlite);
  recount(sqlite, ALL);
  sqlite
    .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
    .run(ROLLUP_ZONE, timeZone);
  createTriggers(sqlite);
}

/**
 * Makes the roll-ups count days in the workspace's zone: built the first time (a new store, or
 * one from before roll-ups), rebuilt when the zone changes; the triggers are made sure of.
 */
export function ensureRollups(sqlite: Database.Database, timeZone: string): void {
  sqlite.transaction(() => {
    if (rollupZone(sqlite) !== timeZone) rebuild(sqlite, timeZone);
    createTriggers(sqlite);
  })();
}

/**
 * For rematching, inside its transaction: drops the triggers and returns what to call when every
 * match has been made again, which sets the messages' match sets, recounts the roll-ups of matches
 * and restores the triggers. A rollback restores the triggers and the old counts together.
 */
export function suspendRollups(sqlite: Database.Database): () => void {
  assertInTransaction(sqlite, 'Rematching');
  const active = rollupZone(sqlite) !== null;
  if (active) dropTriggers(sqlite);
  return () => {
    refreshMatchSets(sqlite);
    if (!active) return;
    recount(sqlite, MATCHES);
    createTriggers(sqlite);
  };
}

export interface Demographics {
  ageBand: string | null;
  sex: string | null;
  region: string | null;
}

/**
 * Roll-up rows to add, each a flat list of values in the order of its roll-up's keys and sums; engagement as author,
 * sum.
 */
export type RollupCounts = Record<keyof typeof ROLLUPS | 'engagement', (number | string)[]>;

/** Rows at a time in the statements that add counts. */
const COUNT_ROWS = 200;

/**
 * For bulk writers of new messages (imports, the demo), inside their transaction: drops the
 * triggers, and returns what adds the load's counts (createRollupTally) and restores them.
 * A rollback restores the triggers and the old counts together.
 */
export function suspendForLoad(sqlite: Database.Database): { finish(counts: RollupCounts | null): void } {
  const active = rollupZone(sqlite) !== null;
  if (active) dropTriggers(sqlite);
  return {
    finish(counts) {
      if (!active) return;
      if (counts) {
        for (const [name, { table, keys, sums }] of Object.entries(ROLLUPS) as [keyof typeof ROLLUPS, Rollup][]) {
          const columns = [...keys, ...sums].map(([column]) => column);
          const upsert = (
            rows: number,
          ) => `INSERT ${BULK_CONFLICT} INTO ${table} (${columns.join(', ')}) VALUES ${Array(rows)
            .fill(`(${columns.map(() => '?').join(', ')})`)
            .join(', ')}
            ON CONFLICT (${keys.map(([column]) => column).join(', ')}) DO UPDATE SET ${sums.map(([column]) => `${column} = ${column} + excluded.${column}`).join(', ')}`;
          inChunks(sqlite, counts[name], columns.length, upsert);
        }
        inChunks(
          sqlite,
          counts.engagement,
          2,
          (rows) =>
            `UPDATE ${BULK_CONFLICT} authors SET engagement = engagement + v.column2 FROM (VALUES ${Array(rows).fill('(?, ?)').join(', ')}) v WHERE authors.id = v.column1`,
        );
      }
      createTriggers(sqlite);
    },
  };
}

/** Runs `sql(rows)` over a flat list of values, COUNT_ROWS rows of `width` values at a time. */
function inChunks(
  sqlite: Database.Database,
  values: readonly (number | string)[],
  width: number,
  sql: (rows: number) => string,
): void {
  const full = sqlite.prepare(sql(COUNT_ROWS));
  const step = COUNT_ROWS * width;
  let at = 0;
  // Spread, as the import's rows are (ingest-write.ts): arguments bind faster than an array's elements.
  for (; at + step <= values.length; at += step) full.run(...values.slice(at, at + step));
  if (at < values.length) sqlite.prepare(sql((values.length - at) / width)).run(...values.slice(at));
}

/** From this many messages on, one set-based take-away and add-back beats a trigger per message. */
const SET_BASED_FROM = 500;

/**
 * Runs a change to many messages' `columns` (a label: temperature) inside the caller's
 * transaction: their old rows are taken from the roll-ups before and their new ones added after,
 * a statement per roll-up, instead of two triggers per message (100,000 labels: seconds, not tens).
 */
export function changingMessages<T>(
  sqlite: Database.Database,
  messageIds: readonly number[],
  columns: readonly string[],
  change: () => T,
): T {
  if (messageIds.length < SET_BASED_FROM || rollupZone(sqlite) === null) return change();
  const names = ALL.filter((name) => READS[name].some((column) => columns.includes(column)));
  dropTriggers(sqlite);
  sqlite.prepare('CREATE TEMP TABLE IF NOT EXISTS rollup_ids (id INTEGER PRIMARY KEY)').run();
  sqlite.prepare('DELETE FROM temp.rollup_ids').run();
  sqlite
    .prepare('INSERT OR IGNORE INTO temp.rollup_ids SELECT value FROM json_each(?)')
    .run(JSON.stringify(messageIds));
  const where = 'm.id IN (SELECT id FROM temp.rollup_ids)';
  add(sqlite, names, where, -1);
  const result = change();
  add(sqlite, names, where, 1);
  createTriggers(sqlite);
  return result;
}

/** Every roll-up's non-zero rows, in key order: what a test compares with a rebuild. */
export function rollupRows(sqlite: Database.Database): Record<string, unknown[]> {
  const matchSets = sqlite
    .prepare(
      'SELECT m.id, s.entities, s.topics FROM messages m JOIN match_sets s ON s.id = m.match_set_id WHERE m.match_set_id != 0 ORDER BY m.id',
    )
    .raw()
    .all();
  return Object.fromEntries([
    ['matchSets', matchSets],
    ...ALL.map((name) => {
      if (name === 'engagement')
        return [
          name,
          sqlite.prepare('SELECT id, engagement FROM authors WHERE engagement != 0 ORDER BY id').raw().all(),
        ];
      const { table, keys, sums } = ROLLUPS[name] as Rollup;
      const order = keys.map(([column]) => column).join(', ');
      return [
        name,
        sqlite
          .prepare(
            `SELECT ${order}, ${sums.map(([c]) => c).join(', ')} FROM ${table} WHERE ${sums.map(([c]) => `${c} != 0`).join(' OR ')} ORDER BY ${order}`,
          )
          .raw()
          .all(),
      ];
    }),
  ]);
}

/** Recounts from scratch in the zone: for tests to compare with what the triggers kept. */
export function rebuildRollups(sqlite: Database.Database, timeZone: string): void {
  sqlite.transaction(() => rebuild(sqlite, timeZone))();
}
