import type { OffsetSegment } from '../../shared/domain/time';
import { UNLABELED_KEY, type Demographics, type RollupCounts } from '../queries/rollups';

const EMPTY = -1;

/** Mixes a key's 53 bits into 32 (murmur3's finalizer over its two halves). */
function hash(key: number): number {
  let h = (key >>> 0) ^ Math.imul((key / 0x100000000) >>> 0, 0x85ebca6b);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * Numbers by integer key (0 to 2^53), open-addressed in two typed arrays: 16 bytes a key where
 * a Map per bucket took about a kilobyte a bucket (a ten-year history of a million messages
 * passed the writer's heap cap) and gave the collector millions of objects to walk.
 */
export function createNumberTable() {
  let capacity = 1 << 10;
  let keys = new Float64Array(capacity).fill(EMPTY);
  let values = new Float64Array(capacity);
  let size = 0;

  function probe(key: number): number {
    const mask = capacity - 1;
    let slot = hash(key) & mask;
    for (let at = keys[slot] as number; at !== key && at !== EMPTY; at = keys[slot] as number) slot = (slot + 1) & mask;
    return slot;
  }

  function grow(): void {
    const [oldKeys, oldValues] = [keys, values];
    capacity *= 2;
    keys = new Float64Array(capacity).fill(EMPTY);
    values = new Float64Array(capacity);
    for (let slot = 0; slot < oldKeys.length; slot++) {
      const key = oldKeys[slot] as number;
      if (key === EMPTY) continue;
      const to = probe(key);
      keys[to] = key;
      values[to] = oldValues[slot] as number;
    }
  }

  /** The key's slot; a new key is stored with 0. */
  function slotOf(key: number): number {
    let slot = probe(key);
    if (keys[slot] === EMPTY) {
      if ((size + 1) * 2 > capacity) {
        grow();
        slot = probe(key);
      }
      keys[slot] = key;
      values[slot] = 0;
      size++;
    }
    return slot;
  }

  return {
    get size(): number {
      return size;
    },
    add(key: number, by: number): void {
      const slot = slotOf(key);
      values[slot] = (values[slot] as number) + by;
    },
    /** The key's sum, 0 for a key never added to. */
    get(key: number): number {
      const slot = probe(key);
      return keys[slot] === EMPTY ? 0 : (values[slot] as number);
    },
    /** The key's number: 0, 1, 2… in the order keys first came. */
    intern(key: number): number {
      const before = size;
      const slot = slotOf(key);
      if (size > before) values[slot] = before;
      return values[slot] as number;
    },
    /** Every key and its number, in no order. */
    entries(): { keys: Float64Array; values: Float64Array } {
      const out = { keys: new Float64Array(size), values: new Float64Array(size) };
      let n = 0;
      for (let slot = 0; slot < capacity; slot++) {
        if (keys[slot] === EMPTY) continue;
        out.keys[n] = keys[slot] as number;
        out.values[n++] = values[slot] as number;
      }
      return out;
    },
  };
}

/**
 * Counts keyed by two numbers, `of` (an entity, a topic, a pair) and the bucket, as one number:
 * of × 2^26 + bucket. Ids and buckets (one a message at most) stay below 2^26 (67 million).
 */
const SPAN = 2 ** 26;
const DIMENSIONS = ['ageBand', 'sex', 'region'] as const;

function checked(id: number): number {
  if (!Number.isInteger(id) || id < 0 || id >= SPAN) throw new Error(`a roll-up key out of range: ${id}`);
  return id;
}

/**
 * Counts new messages for the roll-ups as they are written, by the same keys as the roll-ups
 * (pure: the load's writer keeps it and adds its counts at the end, a row per key instead of a
 * GROUP BY over the messages read back). A bucket is a day, source and temperature, numbered as
 * they come; the entity, topic, pair and demographic counts are keyed by their id and the bucket's
 * number. `firstNewAuthor`: the authors the load makes have consecutive ids from there, so their
 * engagement sums sit in a typed array.
 */
export function createRollupTally(offsets: readonly OffsetSegment[], firstNewAuthor: number) {
  const buckets = createNumberTable();
  const bucketDays: number[] = [];
  const bucketSources: number[] = [];
  const bucketTemperatures: number[] = [];
  const bucketMessages: number[] = [];
  const bucketInteractions: number[] = [];
  const entities = createNumberTable();
  const topics = createNumberTable();
  const pairIds = createNumberTable();
  const pairTopics: number[] = [];
  const pairEntities: number[] = [];
  const pairs = createNumberTable();
  const demographicIds = {
    ageBand: new Map<string, number>(),
    sex: new Map<string, number>(),
    region: new Map<string, number>(),
  };
  const demographicNames: [dimension: string, value: string][] = [];
  const demographics = createNumberTable();
  const matchMessages = createNumberTable();
  const matchInteractions = createNumberTable();
  const matchDemographicIds = createNumberTable();
  const matchDemographicSets: number[] = [];
  const matchDemographicOf: number[] = [];
  const matchDemographics = createNumberTable();
  const olderAuthors = new Map<number, number>();
  let newAuthors = new Float64Array(1024);

  /** The same day as the roll-ups' DAY: the offset of the last change at or before the instant, integer division. */
  function dayOf(postedAt: number): number {
    let low = 0;
    for (let high = offsets.length - 1; low < high;) {
      const middle = (low + high + 1) >> 1;
      if ((offsets[middle] as OffsetSegment).from <= postedAt) low = middle;
      else high = middle - 1;
    }
    const segment = offsets[low];
    return Math.trunc((postedAt + (segment && segment.from <= postedAt ? segment.offset : 0)) / 86_400_000);
  }

  // Days (from before 1700), temperatures and source ids (below 65,536) are small integers: one number keys the bucket,
  // day first.
  const bucketKey = (day: number, source: number, temperature: number): number =>
    ((day + 100_000) * 16 + temperature + 2) * 0x10000 + source;
  const keyOf = (bucket: number): number =>
    bucketKey(bucketDays[bucket] as number, bucketSources[bucket] as number, bucketTemperatures[bucket] as number);

  function bucketOf(day: number, source: number, temperature: number): number {
    const bucket = buckets.intern(bucketKey(day, source, temperature));
    if (bucket === bucketDays.length) {
      checked(bucket);
      bucketDays.push(day);
      bucketSources.push(source);
      bucketTemperatures.push(temperature);
      bucketMessages.push(0);
      bucketInteractions.push(0);
    }
    return bucket;
  }

  function demographicId(dimension: (typeof DIMENSIONS)[number], value: string): number {
    let id = demographicIds[dimension].get(value);
    if (id === undefined) {
      demographicIds[dimension].set(value, (id = demographicNames.length));
      demographicNames.push([dimension, value]);
    }
    return id;
  }

  function pairId(topic: number, entity: number): number {
    const id = pairIds.intern(topic * SPAN + entity);
    if (id === pairTopics.length) {
      pairTopics.push(topic);
      pairEntities.push(entity);
    }
    return id;
  }

  /** A match set and a demographic value together, numbered as they come. */
  function matchDemographicId(matchSet: number, demographic: number): number {
    const id = matchDemographicIds.intern(matchSet * SPAN + demographic);
    if (id === matchDemographicSets.length) {
      matchDemographicSets.push(matchSet);
      matchDemographicOf.push(demographic);
    }
    return id;
  }

  function addEngagement(author: number, value: number): void {
    if (author < firstNewAuthor) {
      olderAuthors.set(author, (olderAuthors.get(author) ?? 0) + value);
      return;
    }
    const index = author - firstNewAuthor;
    if (index >= newAuthors.length) {
      const grown = new Float64Array(Math.max(newAuthors.length * 2, index + 1));
      grown.set(newAuthors);
      newAuthors = grown;
    }
    newAuthors[index] = (newAuthors[index] as number) + value;
  }

  /**
   * A table's rows a bucket at a time, the buckets in key order (day first): each roll-up's rows
   * then go into its key index a day at a time, not all over it. `row` gets the id, bucket and count.
   */
  function byBucket(
    table: ReturnType<typeof createNumberTable>,
    rank: Int32Array,
    row: (of: number, bucket: number, n: number) => void,
  ): void {
    const { keys, values } = table.entries();
    const starts = new Int32Array(rank.length + 1);
    for (const key of keys) (starts[(rank[key % SPAN] as number) + 1] as number)++;
    for (let i = 1; i < starts.length; i++) starts[i] = (starts[i] as number) + (starts[i - 1] as number);
    const order = new Int32Array(keys.length);
    keys.forEach((key, i) => (order[(starts[rank[key % SPAN] as number] as number)++] = i));
    for (const i of order) {
      const key = keys[i] as number;
      row(Math.floor(key / SPAN), key % SPAN, values[i] as number);
    }
  }

  return {
    /**
     * One new message: its columns, its author's demographics as stored, its distinct matches and their match set
     * (arguments, not an object: a million calls).
     */
    add(
      postedAt: number,
      sourceId: number,
      authorId: number,
      temperature: number | null,
      interactions: number,
      demographicsOf: Demographics | null,
      entityIds: readonly number[],
      topicIds: readonly number[],
      matchSet: number,
    ): void {
      const bucket = bucketOf(dayOf(postedAt), checked(sourceId), temperature ?? UNLABELED_KEY);
      bucketMessages[bucket] = (bucketMessages[bucket] as number) + 1;
      bucketInteractions[bucket] = (bucketInteractions[bucket] as number) + interactions;
      const matchKey = checked(matchSet) * SPAN + bucket;
      matchMessages.add(matchKey, 1);
      if (interactions !== 0) matchInteractions.add(matchKey, interactions);
      if (demographicsOf) {
        for (const dimension of DIMENSIONS) {
          const value = demographicsOf[dimension];
          if (value === null) continue;
          const demographic = demographicId(dimension, value);
          demographics.add(demographic * SPAN + bucket, 1);
          matchDemographics.add(checked(matchDemographicId(matchSet, demographic)) * SPAN + bucket, 1);
        }
      }
      for (const entity of entityIds) entities.add(checked(entity) * SPAN + bucket, 1);
      for (const topic of topicIds) {
        topics.add(checked(topic) * SPAN + bucket, 1);
        for (const entity of entityIds) pairs.add(pairId(topic, entity) * SPAN + bucket, 1);
      }
      if (interactions !== 0) addEngagement(authorId, interactions);
    },
    counts(): RollupCounts {
      const counts: RollupCounts = {
        days: [],
        demographics: [],
        entities: [],
        topics: [],
        pairs: [],
        matches: [],
        matchDemographics: [],
        engagement: [],
      };
      // Buckets in key order: byRank[place] is the bucket there, rank[bucket] its place.
      const keys = Float64Array.from(bucketDays, (_, bucket) => keyOf(bucket));
      const byRank = Int32Array.from(bucketDays.keys()).sort((a, b) => (keys[a] as number) - (keys[b] as number));
      const rank = new Int32Array(byRank.length);
      byRank.forEach((bucket, place) => (rank[bucket] = place));
      for (const bucket of byRank) {
        counts.days.push(
          bucketDays[bucket] as number,
          bucketSources[bucket] as number,
          bucketTemperatures[bucket] as number,
          bucketMessages[bucket] as number,
          bucketInteractions[bucket] as number,
        );
      }
      byBucket(demographics, rank, (id, bucket, n) => {
        const [dimension, value] = demographicNames[id] as [string, string];
        counts.demographics.push(
          bucketDays[bucket] as number,
          bucketSources[bucket] as number,
          dimension,
          value,
          bucketTemperatures[bucket] as number,
          n,
        );
      });
      byBucket(entities, rank, (entity, bucket, n) =>
        counts.entities.push(
          bucketDays[bucket] as number,
          entity,
          bucketSources[bucket] as number,
          bucketTemperatures[bucket] as number,
          n,
        ),
      );
      byBucket(topics, rank, (topic, bucket, n) =>
        counts.topics.push(
          bucketDays[bucket] as number,
          topic,
          bucketSources[bucket] as number,
          bucketTemperatures[bucket] as number,
          n,
        ),
      );
      byBucket(pairs, rank, (pair, bucket, n) =>
        counts.pairs.push(
          bucketDays[bucket] as number,
          pairTopics[pair] as number,
          pairEntities[pair] as number,
          bucketSources[bucket] as number,
          bucketTemperatures[bucket] as number,
          n,
        ),
      );
      byBucket(matchMessages, rank, (matchSet, bucket, n) =>
        counts.matches.push(
          bucketDays[bucket] as number,
          matchSet,
          bucketSources[bucket] as number,
          bucketTemperatures[bucket] as number,
          n,
          matchInteractions.get(matchSet * SPAN + bucket),
        ),
      );
      byBucket(matchDemographics, rank, (id, bucket, n) => {
        const [dimension, value] = demographicNames[matchDemographicOf[id] as number] as [string, string];
        counts.matchDemographics.push(
          bucketDays[bucket] as number,
          matchDemographicSets[id] as number,
          bucketSources[bucket] as number,
          dimension,
          value,
          bucketTemperatures[bucket] as number,
          n,
        );
      });
      olderAuthors.forEach((sum, author) => counts.engagement.push(author, sum));
      newAuthors.forEach((sum, index) => {
        if (sum !== 0) counts.engagement.push(firstNewAuthor + index, sum);
      });
      return counts;
    },
  };
}
