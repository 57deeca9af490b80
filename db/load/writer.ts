import type Database from 'better-sqlite3';
import { assertInTransaction, BULK_CONFLICT } from './bulk';
import { createCaseWriter } from '../queries/care';
import { compileRules, type Rule } from '../../shared/domain/matching';
import { addMessageMatches, ROW_TABLES, type RowBatch, type RowTable, type RowValue } from './planner';
import { nextId } from './snapshot';
import { createRollupTally } from './tallies';
import { rollupOffsets, suspendForLoad, type Demographics } from '../queries/rollups';
import { createMatchSetIds } from '../queries/match-sets';

/**
 * Rows per INSERT: a hundred rows a statement cost half of a statement a row; more gains nothing.
 * A batch's last rows go in statements of the smaller sizes, so a table has a few statements to
 * prepare, not one for every count of rows a batch can end with.
 */
const STATEMENT_ROWS = [100, 30, 10, 3, 1];
/** Tables in the order their rows reference each other. */
const ORDER: RowTable[] = [
  'sources',
  'entities',
  'topics',
  'authors',
  'messages',
  'originals',
  'labels',
  'shares',
  'entityMatches',
  'topicMatches',
];

/**
 * Writes planned rows (ingest.ts) as they are, ids included, in multi-row INSERTs, inside the
 * caller's transaction. Matches a rule found again beside one a file gave stay as they are
 * (rematching keeps the file's).
 */
export function createRowWriter(sqlite: Database.Database, batchId: number | null) {
  assertInTransaction(sqlite, 'The row writer');
  const statements = new Map<string, Database.Statement>();
  const cases = createCaseWriter(sqlite, batchId);
  function insert(name: RowTable, rows: number): Database.Statement {
    const key = `${name} ${rows}`;
    let statement = statements.get(key);
    if (!statement) {
      const { table, columns } = ROW_TABLES[name];
      const values = Array(rows)
        .fill(`(${columns.map(() => '?').join(', ')})`)
        .join(', ');
      const conflict = name === 'entityMatches' || name === 'topicMatches' ? ' ON CONFLICT DO NOTHING' : '';
      statements.set(
        key,
        (statement = sqlite.prepare(
          `INSERT ${BULK_CONFLICT} INTO ${table} (${columns.join(', ')}) VALUES ${values}${conflict}`,
        )),
      );
    }
    return statement;
  }
  function write(name: RowTable, values: readonly RowValue[]): void {
    const width = ROW_TABLES[name].columns.length;
    let at = 0;
    for (const rows of STATEMENT_ROWS) {
      const step = rows * width;
      // Spread: better-sqlite3 binds arguments a quarter faster than an array's elements, read one by one through V8.
      for (; at + step <= values.length; at += step) insert(name, rows).run(...values.slice(at, at + step));
    }
  }
  return (rows: Partial<RowBatch>): void => {
    for (const name of ORDER) {
      const values = rows[name];
      if (values && values.length > 0) write(name, values);
    }
    for (const { messageId, case: row } of rows.cases ?? []) cases.add(messageId, row);
  };
}

/**
 * A load of new messages inside the caller's transaction (imports, the demo): the planned rows
 * (ingest.ts), each batch's texts into the full-text index, the messages counted for the KPI
 * roll-ups (here, not in the planner, to share an import's work evenly between its threads); at
 * finish() the counts and the indexes. A load as large as the store drops the indexes of the
 * tables it writes and builds them once at the end (rows arrive in no useful order, so keeping
 * each up is a random insert per row); the dropping is part of the transaction, so a rollback
 * restores them. Batches whose rules are still to be matched (RowBatch.rulesPending) are matched
 * here, with `rules`.
 */
export function startLoad(
  sqlite: Database.Database,
  batchId: number | null,
  options: { expectedRows?: number; rules?: { entities: Rule<number>[]; topics: Rule<number>[] } } = {},
) {
  // Before anything is dropped or written: outside a transaction, nothing would undo it.
  assertInTransaction(sqlite, 'A load');
  const deferred = deferIndexes(sqlite, options.expectedRows ?? 0);
  const rollups = suspendForLoad(sqlite);
  const writeRows = createRowWriter(sqlite, batchId);
  const offsets = rollupOffsets(sqlite);
  const tally = offsets ? createRollupTally(offsets, nextId(sqlite, 'authors')) : null;
  const demographics = new Map<number, Demographics>();
  const fullText = startFullTextLoad(sqlite, deferred.length > 0);
  const matchRules = options.rules ? createRuleMatching(options.rules) : null;
  const matchSetId = createMatchSetIds(sqlite);

  /**
   * Names each message's match set on its row, and counts it for the roll-ups with its matches (the match rows are in
   * message order).
   */
  function count(rows: RowBatch): void {
    const d = rows.demographics;
    for (let at = 0; tally && at < d.length; at += 4)
      demographics.set(d[at] as number, {
        ageBand: d[at + 1] as string | null,
        sex: d[at + 2] as string | null,
        region: d[at + 3] as string | null,
      });
    const entities = matchesInOrder(rows.entityMatches);
    const topics = matchesInOrder(rows.topicMatches);
    const m = rows.messages;
    for (let at = 0; at < m.length; at += MESSAGE.width) {
      const id = m[at + MESSAGE.id] as number;
      const [entityIds, topicIds] = [entities(id), topics(id)];
      const matchSet = matchSetId(entityIds, topicIds);
      m[at + MESSAGE.match_set_id] = matchSet;
      if (!tally) continue;
      const author = m[at + MESSAGE.author_id] as number;
      const interactions =
        ((m[at + MESSAGE.likes] as number | null) ?? 0) +
        ((m[at + MESSAGE.shares] as number | null) ?? 0) +
        ((m[at + MESSAGE.replies] as number | null) ?? 0);
      tally.add(
        m[at + MESSAGE.posted_at] as number,
        m[at + MESSAGE.source_id] as number,
        author,
        m[at + MESSAGE.temperature] as number | null,
        interactions,
        demographics.get(author) ?? null,
        entityIds,
        topicIds,
        matchSet,
      );
    }
  }

  return {
    write(rows: RowBatch): void {
      if (rows.rulesPending) {
        if (!matchRules) throw new Error('A load was given rows to match without the rules to match them with');
        matchRules(rows);
      }
      count(rows);
      writeRows(rows);
      if (rows.messages.length > 0)
        fullText.add(
          rows.messages[MESSAGE.id] as number,
          rows.messages[rows.messages.length - MESSAGE.width + MESSAGE.id] as number,
        );
    },
    /**
     * Adds the load's roll-up counts and builds what was deferred; the caller commits. Seconds at a
     * million rows, so `onStep` hears of each step done (the roll-ups, then each index), from 0.
     */
    finish(onStep: (done: number, total: number) => void = () => undefined): void {
      const total = 1 + deferred.length;
      onStep(0, total);
      rollups.finish(tally?.counts() ?? null);
      fullText.finish();
      onStep(1, total);
      buildIndexes(sqlite, deferred, (built) => onStep(1 + built, total));
    },
  };
}

/**
 * The load's messages into the full-text index, a range of new ids at a time. Over a large load
 * the index's segments are not merged as they are written (a quarter faster at a million rows);
 * finish() has later writes merge them as usual. FTS5 takes its settings as literals.
 */
export function startFullTextLoad(sqlite: Database.Database, large: boolean) {
  const automerge = (level: number) =>
    sqlite.prepare(`INSERT INTO messages_fts (messages_fts, rank) VALUES ('automerge', ${Math.trunc(level)})`).run();
  if (large) automerge(0);
  const indexTexts = sqlite.prepare(
    'INSERT INTO messages_fts (rowid, text) SELECT id, text FROM messages WHERE id BETWEEN ? AND ?',
  );
  // Ids still to index: the load's batches are small, and each statement into the index has its own cost.
  let pending: { first: number; last: number } | null = null;
  const flush = (): void => {
    if (pending) indexTexts.run(pending.first, pending.last);
    pending = null;
  };
  return {
    /** New messages' ids, from the first to the last: the next range follows it. */
    add(firstId: number, lastId: number): void {
      pending = { first: pending?.first ?? firstId, last: lastId };
      if (pending.last - pending.first + 1 >= FULL_TEXT_ROWS) flush();
    },
    finish(): void {
      flush();
      if (large) automerge(FTS_AUTOMERGE);
    },
  };
}

/**
 * The rules' matches of a batch the reading thread left them to (RowBatch.rulesPending), beside
 * the entity or topic a file's column names for a message (the only match rows the batch has): the
 * same rows, in the same order, as the planner makes (addMessageMatches).
 */
function createRuleMatching(rules: { entities: Rule<number>[]; topics: Rule<number>[] }): (rows: RowBatch) => void {
  const match = compileRules(rules);
  return (rows) => {
    const named = { entities: matchesInOrder(rows.entityMatches), topics: matchesInOrder(rows.topicMatches) };
    const matched: Pick<RowBatch, 'entityMatches' | 'topicMatches'> = { entityMatches: [], topicMatches: [] };
    const m = rows.messages;
    for (let at = 0; at < m.length; at += MESSAGE.width) {
      const id = m[at + MESSAGE.id] as number;
      addMessageMatches(matched, id, match(m[at + MESSAGE.text] as string), {
        entity: named.entities(id)[0] ?? null,
        topic: named.topics(id)[0] ?? null,
      });
    }
    rows.entityMatches = matched.entityMatches;
    rows.topicMatches = matched.topicMatches;
    rows.rulesPending = false;
  };
}

/** Where each column of a messages row is (ROW_TABLES), and how many there are. */
const MESSAGE = {
  ...(Object.fromEntries(ROW_TABLES.messages.columns.map((column, i) => [column, i])) as Record<
    (typeof ROW_TABLES.messages.columns)[number],
    number
  >),
  width: ROW_TABLES.messages.columns.length,
};

const NONE: readonly number[] = [];

/**
 * Reads match rows (message, target, origin) in message order: each call gives one message's targets, the next asks for
 * a later message.
 */
function matchesInOrder(rows: readonly RowValue[]): (messageId: number) => readonly number[] {
  let at = 0;
  return (messageId) => {
    while (at < rows.length && (rows[at] as number) < messageId) at += 3;
    if (at >= rows.length || rows[at] !== messageId) return NONE;
    const targets: number[] = [];
    for (; at < rows.length && rows[at] === messageId; at += 3) targets.push(rows[at + 1] as number);
    return targets;
  };
}

/** SQLite's most helper threads (SQLITE_MAX_WORKER_THREADS). */
const SORT_THREADS = 8;

/** Messages put in the full-text index at a time. */
const FULL_TEXT_ROWS = 4000;

/** FTS5's default. */
const FTS_AUTOMERGE = 4;

/**
 * The connection's cache while the indexes are built, in KiB: what each sort keeps in memory before its helpers take
 * over.
 */
const SORT_CACHE_KIB = 512;

/**
 * Creates indexes over a large load. SQLite sorts each index's keys; with a small sort memory
 * it sorts many short runs in helper threads and merges them in helper threads too, instead of
 * one big sort in this thread. More helpers than cores still gain (their runs are written to
 * temporary files) (figures: tests/bench/MEASUREMENTS.md).
 */
export function buildIndexes(
  sqlite: Database.Database,
  indexes: { sql: string }[],
  onBuilt: (built: number) => void = () => undefined,
): void {
  if (indexes.length === 0) return;
  const cacheSize = sqlite.pragma('cache_size', { simple: true }) as number;
  const threads = sqlite.pragma('threads', { simple: true }) as number;
  sqlite.pragma(`cache_size = -${SORT_CACHE_KIB}`);
  sqlite.pragma(`threads = ${SORT_THREADS}`);
  try {
    indexes.forEach(({ sql }, i) => {
      sqlite.prepare(sql).run();
      onBuilt(i + 1);
    });
  } finally {
    sqlite.pragma(`cache_size = ${Math.trunc(cacheSize)}`);
    sqlite.pragma(`threads = ${Math.trunc(threads)}`);
  }
}

/** Below this many new rows, or less than the store already holds, indexes are kept up as rows go in. */
const BULK_ROWS = 50_000;
export const DEFERRABLE_TABLES = ['messages', 'authors', 'labels', 'message_entities', 'message_topics'];
/**
 * Indexes a load only adds to at their ends: keyed by the load's one batch or labeling time, by
 * the growing message id, or by one of a few entities or topics, each followed by the growing
 * rowid. Kept up as rows go in, which the writer does in the time it waits for the reading
 * thread, where building them at the end took a second of a million-row import.
 */
export const APPENDED_INDEXES = [
  'messages_batch',
  'messages_labeled',
  'labels_message',
  'labels_action',
  'message_entities_entity',
  'message_topics_topic',
];

/**
 * Drops the indexes of the tables a large load writes, unique ones too (the planner dedupes and
 * finds authors; building them at the end checks it did), but for those it appends to, and
 * returns their definitions.
 */
export function deferIndexes(sqlite: Database.Database, expectedRows: number): { name: string; sql: string }[] {
  if (expectedRows < BULK_ROWS) return [];
  const existing = sqlite.prepare('SELECT count(*) FROM messages').pluck().get() as number;
  if (expectedRows < existing) return [];
  const indexes = sqlite
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
       AND tbl_name IN (SELECT value FROM json_each(?)) AND name NOT IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(DEFERRABLE_TABLES), JSON.stringify(APPENDED_INDEXES)) as { name: string; sql: string }[];
  for (const { name } of indexes) sqlite.prepare(`DROP INDEX "${name.replace(/"/g, '""')}"`).run();
  return indexes;
}
