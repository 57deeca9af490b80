import { hash } from 'node:crypto';
import type { Temperature } from '../../shared/domain/temperature';
import type { Kind, Source } from '../../shared/domain/vocabulary';
import { compileRules, type Rule } from '../../shared/domain/matching';
import type { NewCase } from '../queries/care';
import { BASE64URL, createKeyTable } from './key-table';
import type { StoreSnapshot } from './snapshot';

export type MatchOrigin = 'rule' | 'import';

export interface NewAuthor {
  handle: string;
  name?: string | null;
  followers?: number | null;
  region?: string | null;
  ageBand?: string | null;
  sex?: string | null;
}

export interface NewMessage {
  externalId?: string | null;
  source: Source;
  author: NewAuthor;
  postedAt: number;
  /** The time as the file says it, whatever the workspace's zone: the dedupe key's when given (parseDate). */
  postedAtAsWritten?: number | null;
  text: string;
  /** The text as the file wrote it, where decoding changed it (HTML entities, `<br />`). */
  textAsWritten?: string | null;
  url?: string | null;
  language?: string | null;
  likes?: number | null;
  shares?: number | null;
  replies?: number | null;
  replyToExternalId?: string | null;
  /** Its label, when it comes with one: by the load's annotator and at the load's time unless it says. */
  temperature?: Temperature | null;
  kind?: Kind | null;
  annotator?: string | null;
  labeledAt?: number | null;
  /** An entity or topic a file's own column names (created when new), beside what the rules find. */
  entity?: string | null;
  topic?: string | null;
  /** A case opened from it; opened when it was posted unless it says. */
  case?: (Omit<NewCase, 'openedAt'> & { openedAt: number | null }) | null;
}

/**
 * The dedupe key: the source's own id where the file has one, else source + author + time + text,
 * so a re-import or an overlapping export adds nothing twice. The time is the one the file wrote
 * (NewMessage.postedAtAsWritten): a file is the same rows after the workspace's zone changed.
 * The first 16 bytes of its SHA-256 in base64url (22 characters): taken from the digest's own
 * base64url, whose 22nd character also holds 4 bits of the 17th byte (a Buffer per key cost six
 * times as much).
 */
export function contentHash(
  source: string,
  externalId: string | null,
  handle: string,
  postedAt: number,
  text: string,
): string {
  return shortKey(
    externalId ? `id\u0000${source}\u0000${externalId}` : `${source}\u0000${handle}\u0000${postedAt}\u0000${text}`,
  );
}

function shortKey(text: string): string {
  const digest = hash('sha256', text, 'base64url');
  return digest.slice(0, 21) + BASE64URL[BASE64URL.indexOf(digest[21] as string) & 0x30];
}

/**
 * An author's key in a load: their network and handle (kept hashed: a million authors take 40 MB, not a Map of
 * strings).
 */
const authorKey = (source: string, handle: string): string => `${source}\u0000${handle}`;

/** Each table's columns as the rows of a RowBatch list them (one flat list of values per table). */
export const ROW_TABLES = {
  sources: { table: 'sources', columns: ['id', 'code', 'name'] },
  entities: { table: 'entities', columns: ['id', 'name', 'role'] },
  topics: { table: 'topics', columns: ['id', 'name'] },
  authors: {
    table: 'authors',
    columns: ['id', 'source_id', 'handle', 'name', 'followers', 'region', 'age_band', 'sex'],
  },
  messages: {
    table: 'messages',
    columns: [
      'id',
      'external_id',
      'source_id',
      'author_id',
      'posted_at',
      'text',
      'url',
      'language',
      'likes',
      'shares',
      'replies',
      'reply_to_external_id',
      'content_hash',
      'batch_id',
      'temperature',
      'kind',
      'annotator',
      'labeled_at',
      /** Set by the writer, from the matches (db/queries/match-sets.ts). */
      'match_set_id',
    ],
  },
  originals: { table: 'message_originals', columns: ['message_id', 'text'] },
  labels: { table: 'labels', columns: ['message_id', 'annotator', 'temperature', 'kind', 'labeled_at', 'batch_id'] },
  /** Stored messages this batch brought again: the batch shares them (undoing either keeps them). */
  shares: { table: 'message_batches', columns: ['batch_id', 'message_id'] },
  entityMatches: { table: 'message_entities', columns: ['message_id', 'entity_id', 'origin'] },
  topicMatches: { table: 'message_topics', columns: ['message_id', 'topic_id', 'origin'] },
} as const;
export type RowTable = keyof typeof ROW_TABLES;
export type RowValue = string | number | null;

/**
 * New rows for the store, table by table, ids included: plain lists of values, which cross
 * between threads for a fraction of what as many objects cost, each table's in message order.
 * Cases are few; they go as objects.
 */
export type RowBatch = Record<RowTable, RowValue[]> & {
  cases: { messageId: number; case: NewCase }[];
  /**
   * Author, age band, sex, region: what the roll-ups count an author's messages by, sent with the first batch that
   * needs it.
   */
  demographics: RowValue[];
  /**
   * The rules are still to be matched, by the writer (the match rows hold only the entities and topics a file's columns
   * name).
   */
  rulesPending?: boolean;
};

export const emptyRows = (): RowBatch => ({
  sources: [],
  entities: [],
  topics: [],
  authors: [],
  messages: [],
  originals: [],
  labels: [],
  shares: [],
  demographics: [],
  entityMatches: [],
  topicMatches: [],
  cases: [],
});

/**
 * A table's values for one batch, written one by one over a list kept from batch to batch and copied out whole (take):
 * a new list grown for every batch by pushes of a row's values took three times as long, and was most of the reading
 * thread's planning (figures: tests/bench/MEASUREMENTS.md). For the tables of many values a message (messages, its
 * author, its label).
 */
class RowBuffer {
  private readonly values: RowValue[] = [];
  private length = 0;
  add(value: RowValue): void {
    if (this.length < this.values.length) this.values[this.length] = value;
    else this.values.push(value);
    this.length++;
  }
  take(): RowValue[] {
    const taken = this.values.slice(0, this.length);
    this.length = 0;
    return taken;
  }
}

export interface PlannerOptions {
  batchId: number | null;
  /** Who labeled, and when, the messages that do not say. */
  annotator: string;
  labeledAt: number;
  /** The workspace's aliases and keywords, which each text is matched with. */
  rules: { entities: Rule<number>[]; topics: Rule<number>[] };
  /** Role of entities first named by a file's entity column. */
  entityRole: string;
}

export interface PlannedBatch {
  rows: RowBatch;
  /** Each message's new id, or null when it is already in the store or earlier in the load. */
  ids: (number | null)[];
  /**
   * The messages (by index) whose network id the store has with another text: not the same message, so neither new
   * nor a duplicate; the import reports them.
   */
  conflicts: number[];
}

/**
 * Turns messages into the rows that store them, with the ids they will have: dedupe (earlier in
 * the load, then the store), sources and authors found or made, labels, cases, the entities and
 * topics each matches (by the rules, or named by a file's column). It runs beside the writer (an import's reading
 * thread), reading the store
 * through a snapshot taken while the writer holds the write lock, so the ids it gives are the
 * ones the writer's transaction has free.
 */
export function createPlanner(store: StoreSnapshot, options: PlannerOptions) {
  const next = store.nextIds();
  const seen = createKeyTable();
  const match = compileRules(options.rules);
  const sources = store.sources();
  const named = { entities: store.names('entities'), topics: store.names('topics') };
  const authors = createKeyTable('text');
  // Stored authors' demographics, sent to the writer (whose roll-ups count by them) with their first message.
  const storedDemographics = new Map<number, [string | null, string | null, string | null]>();
  const storeHasMessages = store.hasMessages();
  const [messageRows, authorRows, labelRows] = [new RowBuffer(), new RowBuffer(), new RowBuffer()];

  function sourceId(code: string, rows: RowBatch): number {
    let id = sources.get(code);
    if (id === undefined) {
      sources.set(code, (id = next.sources++));
      rows.sources.push(id, code, code);
    }
    return id;
  }

  function namedId(kind: 'entities' | 'topics', name: string, rows: RowBatch): number {
    const key = name.toLowerCase();
    let id = named[kind].get(key);
    if (id === undefined) {
      named[kind].set(key, (id = next[kind]++));
      if (kind === 'entities') rows.entities.push(id, name, options.entityRole);
      else rows.topics.push(id, name);
    }
    return id;
  }

  function authorId(key: string, source: number, author: NewAuthor, rows: RowBatch): number {
    let id = authors.getOrAdd(key, next.authors);
    if (id === -1) {
      id = next.authors++;
      const ageBand = author.ageBand ?? null;
      const sex = author.sex ?? null;
      const region = author.region ?? null;
      if (ageBand !== null || sex !== null || region !== null) rows.demographics.push(id, ageBand, sex, region);
      // In ROW_TABLES.authors' order.
      const a = authorRows;
      a.add(id);
      a.add(source);
      a.add(author.handle);
      a.add(author.name ?? null);
      a.add(author.followers ?? null);
      a.add(region);
      a.add(ageBand);
      a.add(sex);
    }
    return id;
  }

  /** Authors of these messages that the store has: their ids and stored demographics join the tables. */
  function learnStoredAuthors(messages: readonly NewMessage[], keys: readonly string[]): void {
    const wanted: [number, string][] = [];
    const keyOf = new Map<string, string>();
    messages.forEach((message, i) => {
      const source = sources.get(message.source);
      const key = keys[i] as string;
      if (source === undefined || authors.has(key)) return;
      wanted.push([source, message.author.handle]);
      keyOf.set(`${source}\u0000${message.author.handle}`, key);
    });
    for (const found of store.findAuthors(wanted)) {
      authors.set(keyOf.get(`${found.sourceId}\u0000${found.handle}`) as string, found.id);
      if (found.ageBand !== null || found.sex !== null || found.region !== null)
        storedDemographics.set(found.id, [found.ageBand, found.sex, found.region]);
    }
  }

  /** The messages whose network id is stored with another text (the same id, so the same key). */
  function conflictsOf(
    messages: readonly NewMessage[],
    keys: readonly string[],
    stored: Map<string, number>,
  ): number[] {
    const withId = messages.flatMap((message, i) => {
      const id = message.externalId ? stored.get(keys[i] as string) : undefined;
      return id === undefined ? [] : [[i, id] as const];
    });
    if (withId.length === 0) return [];
    const texts = store.storedTexts(withId.map(([, id]) => id));
    return withId.filter(([i, id]) => texts.get(id) !== messages[i]?.text).map(([i]) => i);
  }

  return {
    /**
     * `matchRules: false` leaves the rules' matching to the writer (startLoad), when this thread is the slower of the
     * two.
     */
    plan(messages: readonly NewMessage[], { matchRules = true }: { matchRules?: boolean } = {}): PlannedBatch {
      const rows = emptyRows();
      if (!matchRules) rows.rulesPending = true;
      const keys = messages.map((m) =>
        contentHash(m.source, m.externalId ?? null, m.author.handle, m.postedAtAsWritten ?? m.postedAt, m.text),
      );
      const oldKeys = store.hasOldKeys() ? messages.map(oldKey) : null;
      const stored = storeHasMessages
        ? store.existingKeys([...keys.filter((key) => !seen.has(key)), ...(oldKeys?.filter((k) => k !== null) ?? [])])
        : new Map<string, number>();
      const conflicts = new Set(conflictsOf(messages, keys, stored));
      const authorKeys = messages.map((m) => authorKey(m.source, m.author.handle));
      if (store.hasAuthors()) learnStoredAuthors(messages, authorKeys);
      const ids = messages.map((message, i): number | null => {
        const key = keys[i] as string;
        const old = oldKeys?.[i];
        // A first load's keys are hashed by the key tables only (a Map hashes each string again).
        const storedId = stored.size === 0 ? undefined : (stored.get(key) ?? (old ? stored.get(old) : undefined));
        if (conflicts.has(i)) return null;
        if (storedId !== undefined) {
          // Once per load: a row the file repeats is shared once.
          if (options.batchId !== null && seen.add(key)) rows.shares.push(options.batchId, storedId);
          return null;
        }
        if (!seen.add(key)) return null;
        const id = next.messages++;
        const source = sourceId(message.source, rows);
        const author = authorId(authorKeys[i] as string, source, message.author, rows);
        const temperature = message.temperature ?? null;
        const kind = message.kind ?? null;
        const labeled = temperature !== null || kind !== null;
        const annotator = labeled ? (message.annotator ?? options.annotator) : null;
        const labeledAt = labeled ? (message.labeledAt ?? options.labeledAt) : null;
        // In ROW_TABLES.messages' order.
        const m = messageRows;
        m.add(id);
        m.add(message.externalId ?? null);
        m.add(source);
        m.add(author);
        m.add(message.postedAt);
        m.add(message.text);
        m.add(message.url ?? null);
        m.add(message.language ?? null);
        m.add(message.likes ?? null);
        m.add(message.shares ?? null);
        m.add(message.replies ?? null);
        m.add(message.replyToExternalId ?? null);
        m.add(key);
        m.add(options.batchId);
        m.add(temperature);
        m.add(kind);
        m.add(annotator);
        m.add(labeledAt);
        m.add(0);
        if (message.textAsWritten) rows.originals.push(id, message.textAsWritten);
        if (labeled) {
          const l = labelRows;
          l.add(id);
          l.add(annotator);
          l.add(temperature);
          l.add(kind);
          l.add(labeledAt);
          l.add(options.batchId);
        }
        const found = matchRules ? match(message.text) : UNMATCHED;
        addMessageMatches(rows, id, found, {
          entity: message.entity ? namedId('entities', message.entity, rows) : null,
          topic: message.topic ? namedId('topics', message.topic, rows) : null,
        });
        if (message.case)
          rows.cases.push({
            messageId: id,
            case: { ...message.case, openedAt: message.case.openedAt ?? message.postedAt },
          });
        const known = storedDemographics.get(author);
        if (known) {
          rows.demographics.push(author, ...known);
          storedDemographics.delete(author);
        }
        return id;
      });
      rows.messages = messageRows.take();
      rows.authors = authorRows.take();
      rows.labels = labelRows.take();
      return { rows, ids, conflicts: [...conflicts] };
    },
  };
}

/**
 * A message's key as Pulso computed it before keys took the time as the file wrote it (migration 0014): with the
 * instant read in the workspace's zone. Null where the two are the same.
 */
function oldKey(message: NewMessage): string | null {
  const written = message.postedAtAsWritten;
  if (message.externalId || written === undefined || written === null || written === message.postedAt) return null;
  return contentHash(message.source, null, message.author.handle, message.postedAt, message.text);
}

const UNMATCHED = { entities: [], topics: [] } as const;

/**
 * A message's match rows, in the one order every writer uses (import, its writer's share,
 * rematching): what the rules found, then the entity or topic a file's own column names, which
 * outranks a rule finding the same.
 */
export function addMessageMatches(
  rows: Pick<RowBatch, 'entityMatches' | 'topicMatches'>,
  messageId: number,
  found: { readonly entities: readonly number[]; readonly topics: readonly number[] },
  named: { entity: number | null; topic: number | null },
): void {
  addMatches(rows.entityMatches, messageId, found.entities, named.entity);
  addMatches(rows.topicMatches, messageId, found.topics, named.topic);
}

function addMatches(rows: RowValue[], messageId: number, found: readonly number[], named: number | null): void {
  for (const target of found) if (target !== named) rows.push(messageId, target, 'rule');
  if (named !== null) rows.push(messageId, named, 'import');
}
