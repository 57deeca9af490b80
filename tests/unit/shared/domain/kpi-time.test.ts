import { describe, expect, it } from 'vitest';
import { parseRuleList } from '../../../../shared/domain/matching';
import { builtinView } from '../../../../shared/domain/views';
import { influenceParts } from '../../../../shared/domain/kpis';
import { addDays, autoGranularity, bucketStart, quickPeriod } from '../../../../shared/domain/period';
import { dayStart, offsetSegments, zoneOffset } from '../../../../shared/domain/time';

describe('local days for KPI series', () => {
  it('finds the exact instants a zone changes its offset within a period', () => {
    // Madrid: 29 March 2026 02:00 CET → 03:00 CEST is 01:00 UTC.
    const start = dayStart('2026-03-01', 'Europe/Madrid');
    const end = dayStart('2026-11-01', 'Europe/Madrid');
    expect(offsetSegments(start, end, 'Europe/Madrid')).toEqual([
      { from: start, offset: 3_600_000 },
      { from: Date.UTC(2026, 2, 29, 1), offset: 7_200_000 },
      { from: Date.UTC(2026, 9, 25, 1), offset: 3_600_000 },
    ]);
    expect(offsetSegments(start, end, 'Asia/Kolkata')).toEqual([{ from: start, offset: 19_800_000 }]);
  });

  it('buckets days into ISO weeks and months, and picks a granularity from the span', () => {
    expect(bucketStart('2026-03-29', 'week')).toBe('2026-03-23');
    expect(bucketStart('2026-03-30', 'week')).toBe('2026-03-30');
    expect(bucketStart('2026-02-17', 'month')).toBe('2026-02-01');
    expect(addDays('1970-01-01', 20_540)).toBe('2026-03-28'); // how SQL's local day numbers become dates
    expect([
      autoGranularity('2026-01-01', '2026-01-31'),
      autoGranularity('2026-04-01', '2026-06-30'),
      autoGranularity('2025-01-01', '2026-06-30'),
    ]).toEqual(['day', 'week', 'month']);
  });
});

describe('influence', () => {
  it('adds log10 parts of followers, engagement and replies, so each part can be shown', () => {
    expect(influenceParts(999, 99, 9)).toEqual({ reach: 3, engagement: 2, conversation: 1, score: 6 });
    expect(influenceParts(null, 0, 0).score).toBe(0);
  });
});

describe('quick periods', () => {
  it('gives whole months, quarters and years around a day, and the ones before', () => {
    expect(quickPeriod('thisMonth', '2026-03-15')).toEqual({ from: '2026-03-01', to: '2026-03-31' });
    expect(quickPeriod('lastMonth', '2026-03-15')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(quickPeriod('thisQuarter', '2026-08-02')).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(quickPeriod('lastQuarter', '2026-02-02')).toEqual({ from: '2025-10-01', to: '2025-12-31' });
    expect(quickPeriod('thisYear', '2024-02-29')).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    expect(quickPeriod('lastYear', '2024-02-29')).toEqual({ from: '2023-01-01', to: '2023-12-31' });
  });
});

describe('rule lists as typed', () => {
  it('splits on lines, commas and semicolons, trims, and drops blanks and repeats (any case or accents)', () => {
    expect(parseRuleList(' router, wifi\n"summer deal";\n\nWIFI, Atención ,atencion')).toEqual([
      'router',
      'wifi',
      '"summer deal"',
      'Atención',
    ]);
  });
});

describe('built-in views', () => {
  it('"unlabeled this week" runs from Monday to today; "angry without a case" needs no dates', () => {
    expect(builtinView('unlabeledThisWeek', '2026-11-26')).toEqual({
      from: '2026-11-23',
      to: '2026-11-26',
      temperatures: ['unlabeled'],
      kinds: ['none'],
    });
    expect(builtinView('angryWithoutCase', '2026-11-26')).toEqual({ temperatures: [-2, -1], hasCase: false });
  });
});

describe('zone offsets, cached per quarter hour', () => {
  it("agree with Intl at every minute around daylight-saving changes (Madrid, and Lord Howe's half-hour shift)", () => {
    const oracle = (instant: number, timeZone: string): number => {
      const parts: Record<string, number> = Object.fromEntries(
        new Intl.DateTimeFormat('en-US', {
          timeZone,
          hourCycle: 'h23',
          year: 'numeric',
          month: 'numeric',
          day: 'numeric',
          hour: 'numeric',
          minute: 'numeric',
          second: 'numeric',
        })
          .formatToParts(instant)
          .filter((p) => p.type !== 'literal')
          .map((p) => [p.type, Number(p.value)]),
      );
      const part = (name: string): number => parts[name] as number;
      return (
        Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second')) -
        Math.floor(instant / 1000) * 1000
      );
    };
    for (const [timeZone, around] of [
      ['Europe/Madrid', Date.UTC(2026, 2, 29, 1)],
      ['Europe/Madrid', Date.UTC(2026, 9, 25, 1)],
      ['Australia/Lord_Howe', Date.UTC(2026, 3, 4, 15)],
    ] as const) {
      for (let instant = around - 3 * 3_600_000; instant <= around + 3 * 3_600_000; instant += 60_000 + 7) {
        expect(zoneOffset(instant, timeZone), `${timeZone} ${new Date(instant).toISOString()}`).toBe(
          oracle(instant, timeZone),
        );
      }
    }
  });
});
