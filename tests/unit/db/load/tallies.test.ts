import { describe, expect, it } from 'vitest';
import { createNumberTable, createRollupTally } from '../../../../db/load/tallies';
import { createRandom } from '../../../../electron/backend/demo/generate';

describe('the roll-up tally', () => {
  it('counts by number keys as a Map does, up to 2^52, through growing', () => {
    const random = createRandom(3);
    const table = createNumberTable();
    const expected = new Map<number, number>();
    for (let i = 0; i < 200_000; i++) {
      // Keys that differ only in their high bits, or only in their low ones, and some repeats.
      const key = i % 3 === 0 ? Math.floor(random.next() * 2 ** 52) : i % 3 === 1 ? (i % 5000) * 2 ** 26 : i % 7000;
      table.add(key, i % 4);
      expected.set(key, (expected.get(key) ?? 0) + (i % 4));
    }
    expect(table.size).toBe(expected.size);
    const { keys, values } = table.entries();
    expect(new Map([...keys].map((key, i) => [key, values[i]]))).toEqual(expected);
    expect(keys.includes(2 ** 52 + 1)).toBe(false);
    const names = createNumberTable();
    expect([7, 2 ** 40, 7, 0, 2 ** 40].map((key) => names.intern(key))).toEqual([0, 1, 0, 2, 1]);
  });

  it("gives each key its sum, a day's rows before the next day's", () => {
    const tally = createRollupTally([], 10);
    const day = 86_400_000;
    tally.add(3 * day, 2, 10, -1, 5, { ageBand: '25-34', sex: null, region: 'Murcia' }, [4, 6], [7], 1);
    tally.add(1 * day + 5, 2, 11, null, 0, null, [4], [7, 8], 2);
    tally.add(3 * day + 9, 2, 3, -1, 2, { ageBand: '25-34', sex: 'f', region: null }, [6], [], 3);
    tally.add(3 * day + 20, 2, 3, -1, 4, { ageBand: '25-34', sex: 'f', region: null }, [6], [], 3);
    const counts = tally.counts();
    const rows = (flat: readonly (number | string)[], width: number) =>
      Array.from({ length: flat.length / width }, (_, i) => flat.slice(i * width, (i + 1) * width));
    const sorted = (list: (number | string)[][]) =>
      [...list].sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));
    const expected = {
      days: [
        [1, 2, 9, 1, 0],
        [3, 2, -1, 3, 11],
      ],
      demographics: [
        [3, 2, 'ageBand', '25-34', -1, 3],
        [3, 2, 'region', 'Murcia', -1, 1],
        [3, 2, 'sex', 'f', -1, 2],
      ],
      entities: [
        [1, 4, 2, 9, 1],
        [3, 4, 2, -1, 1],
        [3, 6, 2, -1, 3],
      ],
      topics: [
        [1, 7, 2, 9, 1],
        [1, 8, 2, 9, 1],
        [3, 7, 2, -1, 1],
      ],
      pairs: [
        [1, 7, 4, 2, 9, 1],
        [1, 8, 4, 2, 9, 1],
        [3, 7, 4, 2, -1, 1],
        [3, 7, 6, 2, -1, 1],
      ],
      // Day, match set, source, temperature, messages, interactions.
      matches: [
        [1, 2, 2, 9, 1, 0],
        [3, 1, 2, -1, 1, 5],
        [3, 3, 2, -1, 2, 6],
      ],
      matchDemographics: [
        [3, 1, 2, 'ageBand', '25-34', -1, 1],
        [3, 1, 2, 'region', 'Murcia', -1, 1],
        [3, 3, 2, 'ageBand', '25-34', -1, 2],
        [3, 3, 2, 'sex', 'f', -1, 2],
      ],
    };
    for (const [name, want] of Object.entries(expected) as [keyof typeof expected, (number | string)[][]][]) {
      const got = rows(counts[name], (want[0] as unknown[]).length);
      expect(sorted(got), name).toEqual(sorted(want));
      expect(
        got.map((row) => row[0]),
        `${name} by day`,
      ).toEqual(want.map((row) => row[0]));
    }
    // Authors before the load's first new one (10) are summed apart; a new author with nothing is left out.
    expect(counts.engagement).toEqual([3, 6, 10, 5]);
  });

  it('keeps a long history compactly: 300,000 messages, each on a day of its own, in a few MB of heap', () => {
    const tally = createRollupTally([], 1);
    const demographics = { ageBand: '25-34', sex: 'f', region: 'Murcia' };
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 300_000; i++)
      tally.add(
        i * 86_400_000,
        1 + (i % 5),
        1 + i,
        (i % 5) - 2,
        3,
        demographics,
        [1 + (i % 4), 5],
        [2, 3],
        1 + (i % 4),
      );
    // A Map of counts per day, source and temperature took 410 MB here (and a ten-year import passed the writer's heap
    // cap).
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(64_000_000);
    expect(tally.counts().pairs.length).toBe(300_000 * 4 * 6);
  });
});
