import { describe, expect, it } from 'vitest';
import { localDate, wallTimeToUtc, zoneOffset } from '../../shared/domain/time';

describe('time zones', () => {
  it('knows the offset on both sides of a DST change', () => {
    expect(zoneOffset(Date.UTC(2026, 0, 15), 'Europe/Madrid')).toBe(3_600_000);
    expect(zoneOffset(Date.UTC(2026, 6, 15), 'Europe/Madrid')).toBe(7_200_000);
    expect(zoneOffset(Date.UTC(2026, 6, 15), 'America/New_York')).toBe(-4 * 3_600_000);
  });

  it('turns wall times into UTC, including around the spring and autumn changes', () => {
    expect(wallTimeToUtc({ year: 2026, month: 3, day: 5, hour: 10 }, 'Europe/Madrid')).toBe(Date.UTC(2026, 2, 5, 9));
    // 2026-03-29 02:30 does not exist in Madrid (clocks jump 02:00 → 03:00).
    expect(wallTimeToUtc({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }, 'Europe/Madrid')).toBe(Date.UTC(2026, 2, 29, 1, 30));
    // 2026-10-25 02:30 happens twice; the first is still summer time (UTC+2).
    expect(wallTimeToUtc({ year: 2026, month: 10, day: 25, hour: 2, minute: 30 }, 'Europe/Madrid')).toBe(Date.UTC(2026, 9, 25, 0, 30));
    expect(wallTimeToUtc({ year: 2026, month: 7, day: 1 }, 'UTC')).toBe(Date.UTC(2026, 6, 1));
  });

  it('gives the local calendar date of an instant', () => {
    expect(localDate(Date.UTC(2026, 11, 31, 23, 30), 'Europe/Madrid')).toBe('2027-01-01');
    expect(localDate(Date.UTC(2026, 11, 31, 23, 30), 'America/New_York')).toBe('2026-12-31');
  });
});
