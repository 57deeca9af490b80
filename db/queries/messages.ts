import type Database from 'better-sqlite3';
import type { MessageCounts, MessageDetail, MessagePage, MessageRow } from '../../shared/api/contract';
import type { MessageFilter, MessageSort, UserFlow } from '../../shared/api/messages';
import { toFtsQuery } from '../../shared/domain/search';
import { matchSetFilter } from './match-sets';
import { dayStart, localDate } from '../../shared/domain/time';

interface Where {
  sql: string;
  params: unknown[];
}

const list = (values: readonly unknown[]): string => JSON.stringify(values);

/**
 * The filter as SQL over `m` (messages); every value is a bound parameter. `periodScan` (the KPIs): the period's
 * covering index answers the rest of the filter: sources are not looked up by their index (+, which would read every
 * row of the network), entities and topics are the message's match set (db/queries/match-sets.ts), not a look-up each.
 */
export function filterSql(filter: MessageFilter, timeZone: string, options: { periodScan?: boolean } = {}): Where {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, ...values: unknown[]): void => {
    clauses.push(sql);
    params.push(...values);
  };
  if (filter.from) add('m.posted_at >= ?', dayStart(filter.from, timeZone));
  if (filter.to) add('m.posted_at < ?', dayStart(filter.to, timeZone, 1));
  if (filter.sources?.length)
    add(
      `${options.periodScan ? '+' : ''}m.source_id IN (SELECT id FROM sources WHERE code IN (SELECT value FROM json_each(?)))`,
      list(filter.sources),
    );
  // Within a period of up to a year, each of its messages is looked up in the matches (the
  // period's index leads); otherwise the matches list the messages (an entity's can be 400,000).
  const withinAYear =
    filter.from !== undefined &&
    filter.to !== undefined &&
    Date.parse(filter.to) - Date.parse(filter.from) <= 366 * 86_400_000;
  const matching = (table: string, column: string): string =>
    withinAYear
      ? `EXISTS (SELECT 1 FROM ${table} x WHERE x.message_id = m.id AND x.${column} IN (SELECT value FROM json_each(?)))`
      : `m.id IN (SELECT message_id FROM ${table} WHERE ${column} IN (SELECT value FROM json_each(?)))`;
  const sets = options.periodScan ? matchSetFilter(filter) : null;
  if (sets) add(`m.match_set_id IN (${sets.sql})`, ...sets.params);
  else {
    if (filter.entities?.length) add(matching('message_entities', 'entity_id'), list(filter.entities));
    if (filter.topics?.length) add(matching('message_topics', 'topic_id'), list(filter.topics));
  }
  if (filter.temperatures?.length) {
    const numbers = filter.temperatures.filter((t): t is number => typeof t === 'number');
    const parts = [
      numbers.length ? 'm.temperature IN (SELECT value FROM json_each(?))' : null,
      filter.temperatures.includes('unlabeled') ? 'm.temperature IS NULL' : null,
    ].filter(Boolean);
    add(`(${parts.join(' OR ')})`, ...(numbers.length ? [list(numbers)] : []));
  }
  if (filter.kinds?.length) {
    const kinds = filter.kinds.filter((k) => k !== 'none');
    const parts = [
      kinds.length ? 'm.kind IN (SELECT value FROM json_each(?))' : null,
      filter.kinds.includes('none') ? 'm.kind IS NULL' : null,
    ].filter(Boolean);
    add(`(${parts.join(' OR ')})`, ...(kinds.length ? [list(kinds)] : []));
  }
  if (filter.annotators?.length) add('m.annotator IN (SELECT value FROM json_each(?))', list(filter.annotators));
  if (filter.batch !== undefined) add('m.batch_id = ?', filter.batch);
  if (filter.hasCase !== undefined)
    add(`${filter.hasCase ? '' : 'NOT '}EXISTS (SELECT 1 FROM case_messages c WHERE c.message_id = m.id)`);
  const query = filter.search ? toFtsQuery(filter.search) : null;
  if (query) add('m.id IN (SELECT rowid FROM messages_fts WHERE messages_fts MATCH ?)', query);
  if (filter.authors?.length) add('m.author_id IN (SELECT value FROM json_each(?))', list(filter.authors));
  if (filter.demographic)
    add(
      `m.author_id IN (SELECT id FROM authors WHERE ${DEMOGRAPHIC_COLUMN[filter.demographic.dimension]} = ?)`,
      filter.demographic.value,
    );
  if (filter.cases) {
    const { openedFrom, openedTo, type, state } = filter.cases;
    const parts = [
      'c.opened_at >= ? AND c.opened_at < ?',
      type === undefined ? null : 'c.type = ?',
      state ? CASE_STATE[state] : null,
    ].filter(Boolean);
    add(
      `m.id IN (SELECT cm.message_id FROM case_messages cm JOIN cases c ON c.id = cm.case_id WHERE ${parts.join(' AND ')})`,
      dayStart(openedFrom, timeZone),
      dayStart(openedTo, timeZone, 1),
      ...(type === undefined ? [] : [type]),
    );
  }
  // Author groups are decided over the rest of the filter, as the KPIs decide them over the period.
  const { userFlow, advocates, ...rest } = filter;
  if (userFlow || advocates) {
    const base = filterSql(rest, timeZone);
    const and = base.sql ? `${base.sql} AND` : 'WHERE';
    if (userFlow) {
      add(
        `m.author_id IN (SELECT author_id FROM (SELECT m.author_id, ${FIRST_AND_LAST('m')} FROM messages m ${and} m.temperature IS NOT NULL GROUP BY m.author_id)
        WHERE ${USER_FLOW[userFlow]})`,
        ...base.params,
      );
    }
    if (advocates) {
      add(
        `m.temperature IS NOT NULL AND m.id IN (SELECT message_id FROM message_entities WHERE entity_id = ?) AND m.author_id IN (
        SELECT author_id FROM (SELECT m.author_id, count(*) AS n, min(m.temperature) AS lo, max(m.temperature) AS hi
          FROM messages m JOIN message_entities me ON me.message_id = m.id AND me.entity_id = ? ${and} m.temperature IS NOT NULL GROUP BY 1)
        WHERE ${ADVOCATE[advocates.group]})`,
        advocates.entity,
        advocates.entity,
        ...base.params,
      );
    }
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

const DEMOGRAPHIC_COLUMN = { ageBand: 'age_band', sex: 'sex', region: 'region' } as const;
const CASE_STATE = {
  requested: null,
  attended: 'c.first_response_at IS NOT NULL',
  resolved: 'c.resolved_at IS NOT NULL',
  waiting: 'c.first_response_at IS NULL',
} as const;

/**
 * The author groups of DESIGN.md in SQL, shared by the KPIs that count them and the grid filters
 * that open their messages. Users: over an author's labeled messages by time, the first and last
 * temperature, as aggregates of one GROUP BY author (time and temperature packed in one integer;
 * at the same instant the lower temperature counts as earlier). Advocates: over an author's labeled messages about an
 * entity, their count (n) and
 * lowest (lo) and highest (hi) temperature.
 */
export const FIRST_AND_LAST = (m: string): string =>
  `(min(${m}.posted_at * 8 + ${m}.temperature + 2) & 7) - 2 AS first, (max(${m}.posted_at * 8 + ${m}.temperature + 2) & 7) - 2 AS last`;
export const USER_FLOW: Record<UserFlow, string> = {
  happy: 'last > 0',
  unhappy: 'last < 0',
  unhappyToHappy: 'first < 0 AND last > 0',
  happyToUnhappy: 'first > 0 AND last < 0',
};
export const ADVOCATE = { evangelists: 'n >= 2 AND lo >= 1', detractors: 'n >= 2 AND hi <= -1' } as const;

/**
 * Each sort walks an index in one direction: the column, then posted_at and id. Author and
 * source sorts loop over authors (or sources) in name order and take each one's messages from
 * its index, so no sort ever orders a million rows. NULLs sort first ascending, last descending.
 */
const ORDER: Record<MessageSort['column'], { from: string; join?: string; key: string[] }> = {
  postedAt: { from: 'messages m', key: ['m.posted_at', 'm.id'] },
  temperature: { from: 'messages m', key: ['m.temperature', 'm.posted_at', 'm.id'] },
  kind: { from: 'messages m', key: ['m.kind', 'm.posted_at', 'm.id'] },
  annotator: { from: 'messages m', key: ['m.annotator', 'm.posted_at', 'm.id'] },
  labeledAt: { from: 'messages m', key: ['m.labeled_at', 'm.id'] },
  author: {
    from: 'authors a CROSS JOIN messages m',
    join: 'm.author_id = a.id',
    key: ['a.handle', 'a.source_id', 'a.id', 'm.posted_at', 'm.id'],
  },
  source: {
    from: 'sources s CROSS JOIN messages m',
    join: 'm.source_id = s.id',
    key: ['s.code', 'm.posted_at', 'm.id'],
  },
};

/** The ids and sort keys of the messages a filter selects, in the grid's order (on the indexes alone). */
function orderedIds(
  request: { filter?: MessageFilter | undefined; sort?: MessageSort | undefined },
  timeZone: string,
): { sql: string; params: unknown[]; orderBy: string } {
  const where = filterSql(request.filter ?? {}, timeZone);
  const sort = request.sort ?? { column: 'postedAt', direction: 'desc' };
  const direction = sort.direction === 'asc' ? 'ASC' : 'DESC';
  const order = ORDER[sort.column];
  const conditions = [order.join, where.sql.replace(/^WHERE /, '')].filter(Boolean).join(' AND ');
  const keys = order.key.map((column, i) => `${column} AS k${i}`).join(', ');
  return {
    sql: `SELECT m.id AS pid, ${keys} FROM ${order.from} ${conditions ? `WHERE ${conditions}` : ''} ORDER BY ${order.key.map((column) => `${column} ${direction}`).join(', ')}`,
    params: where.params,
    orderBy: order.key.map((_column, i) => `p.k${i} ${direction}`).join(', '),
  };
}

const ROWS_OF = (ids: string, orderBy: string): string => `SELECT ${ROW_COLUMNS} FROM (${ids}) p
  JOIN messages m ON m.id = p.pid JOIN authors a ON a.id = m.author_id JOIN sources s ON s.id = m.source_id
  ORDER BY ${orderBy}`;

/**
 * One page of the messages a filter selects, in a stable order. The page's ids are found on
 * the indexes alone (a deep offset skips index entries, not rows), then its rows are read.
 */
export function pageMessages(
  sqlite: Database.Database,
  request: { offset: number; limit: number; filter?: MessageFilter | undefined; sort?: MessageSort | undefined },
  timeZone: string,
): MessagePage {
  const ids = orderedIds(request, timeZone);
  const rows = sqlite
    .prepare(ROWS_OF(`${ids.sql} LIMIT ? OFFSET ?`, ids.orderBy))
    .all(...ids.params, request.limit, request.offset) as RawRow[];
  return { offset: request.offset, rows: rows.map(toRow) };
}

/** The ids of the messages a filter selects from `offset`, in the grid's order: a selection past the pages read. */
export function messageIds(
  sqlite: Database.Database,
  request: { offset: number; limit: number; filter?: MessageFilter | undefined; sort?: MessageSort | undefined },
  timeZone: string,
): number[] {
  const ids = orderedIds(request, timeZone);
  return sqlite
    .prepare(`SELECT pid FROM (${ids.sql} LIMIT ? OFFSET ?)`)
    .pluck()
    .all(...ids.params, request.limit, request.offset) as number[];
}

/** Every message a filter selects, in the grid's order, read as they are written out (an export of any size). */
export function* iterateMessages(
  sqlite: Database.Database,
  request: { filter?: MessageFilter | undefined; sort?: MessageSort | undefined },
  timeZone: string,
): Generator<MessageRow> {
  const ids = orderedIds(request, timeZone);
  const rows = sqlite.prepare(ROWS_OF(ids.sql, ids.orderBy)).iterate(...ids.params) as IterableIterator<RawRow>;
  for (const row of rows) yield toRow(row);
}

/** How many messages the filter selects, how many of those are unlabeled, and how many there are in all. */
export function countMessages(sqlite: Database.Database, filter: MessageFilter, timeZone: string): MessageCounts {
  const where = filterSql(filter, timeZone);
  const counts = sqlite
    .prepare(
      `SELECT count(*) AS total, coalesce(sum(m.temperature IS NULL AND m.kind IS NULL), 0) AS unlabeled FROM messages m ${where.sql}`,
    )
    .get(...where.params) as { total: number; unlabeled: number };
  const all = where.sql ? (sqlite.prepare('SELECT count(*) FROM messages').pluck().get() as number) : counts.total;
  return { ...counts, all };
}

/** The columns of a grid row; entity and topic names come joined by a unit separator. */
const ROW_COLUMNS = `m.id, m.posted_at AS postedAt, s.code AS source, a.handle AS authorHandle, a.name AS authorName, a.followers,
  m.text, m.temperature, m.kind, m.annotator, m.labeled_at AS labeledAt,
  (SELECT group_concat(e.name, char(31)) FROM message_entities me JOIN entities e ON e.id = me.entity_id WHERE me.message_id = m.id) AS entities,
  (SELECT group_concat(t.name, char(31)) FROM message_topics mt JOIN topics t ON t.id = mt.topic_id WHERE mt.message_id = m.id) AS topics,
  (SELECT min(case_id) FROM case_messages c WHERE c.message_id = m.id) AS caseId,
  (SELECT c.sla_due FROM cases c WHERE c.id = (SELECT min(case_id) FROM case_messages cm WHERE cm.message_id = m.id)) AS caseDue`;

type RawRow = Omit<MessageRow, 'entities' | 'topics'> & { entities: string | null; topics: string | null };
const toRow = (row: RawRow): MessageRow => ({
  ...row,
  entities: row.entities ? row.entities.split('\u001f') : [],
  topics: row.topics ? row.topics.split('\u001f') : [],
});
const FROM = 'FROM messages m JOIN authors a ON a.id = m.author_id JOIN sources s ON s.id = m.source_id';

/** A message with its thread (the message it replies to, its replies) and its author's other messages. */
export function messageDetail(sqlite: Database.Database, id: number): MessageDetail | null {
  const message = sqlite
    .prepare(
      `SELECT ${ROW_COLUMNS}, m.url, m.language, m.likes, m.shares, m.replies, m.external_id AS externalId,
      m.reply_to_external_id AS replyTo, m.source_id AS sourceId, m.author_id AS authorId,
      (SELECT o.text FROM message_originals o WHERE o.message_id = m.id) AS textAsWritten ${FROM} WHERE m.id = ?`,
    )
    .get(id) as
    | (RawRow &
        MessageDetail['message'] & {
          externalId: string | null;
          replyTo: string | null;
          sourceId: number;
          authorId: number;
        })
    | undefined;
  if (!message) return null;
  const parent = message.replyTo
    ? (sqlite
        .prepare(`SELECT ${ROW_COLUMNS} ${FROM} WHERE m.source_id = ? AND m.external_id = ?`)
        .get(message.sourceId, message.replyTo) as RawRow | undefined)
    : undefined;
  const replies = message.externalId
    ? (sqlite
        .prepare(
          `SELECT ${ROW_COLUMNS} ${FROM} WHERE m.source_id = ? AND m.reply_to_external_id = ? ORDER BY m.posted_at LIMIT 100`,
        )
        .all(message.sourceId, message.externalId) as RawRow[])
    : [];
  const byAuthor = sqlite
    .prepare(`SELECT ${ROW_COLUMNS} ${FROM} WHERE m.author_id = ? AND m.id <> ? ORDER BY m.posted_at DESC LIMIT 50`)
    .all(message.authorId, id) as RawRow[];
  const { externalId: _e, replyTo: _r, sourceId: _s, authorId: _a, ...rest } = message;
  return {
    message: { ...rest, ...toRow(rest) },
    parent: parent ? toRow(parent) : null,
    replies: replies.map(toRow),
    byAuthor: byAuthor.map(toRow),
    history: [],
  };
}

/** The first and last day with messages, on the workspace's wall clock. */
export function messageSpan(sqlite: Database.Database, timeZone: string): { from: string | null; to: string | null } {
  const span = sqlite.prepare('SELECT min(posted_at) AS first, max(posted_at) AS last FROM messages').get() as {
    first: number | null;
    last: number | null;
  };
  return {
    from: span.first === null ? null : localDate(span.first, timeZone),
    to: span.last === null ? null : localDate(span.last, timeZone),
  };
}
