import { describe, expect, it } from 'vitest';
import { parseDate } from '../../../../shared/domain/import/dates';
import { isCalendarDay, utc, wallTimeToUtc } from '../../../../shared/domain/time';

describe('years before 100 and days that do not exist', () => {
  it('keeps year 0050 as 50, not 1950 (Date.UTC reads 0-99 as the 1900s)', () => {
    expect(new Date(utc(50, 2, 5)).toISOString()).toBe('0050-03-05T00:00:00.000Z');
    expect(new Date(utc(0, 1, 29)).toISOString()).toBe('0000-02-29T00:00:00.000Z');
    expect(utc(2026, 2, 5, 10, 30)).toBe(Date.UTC(2026, 2, 5, 10, 30));
    const parsed = parseDate('0050-03-05T10:00:00Z', null, 'UTC');
    expect(parsed.ok && new Date(parsed.value as number).toISOString()).toBe('0050-03-05T10:00:00.000Z');
    const local = parseDate('05/03/0050 10:00', 'dmy', 'Europe/Madrid');
    expect(local.ok && new Date(local.value as number).getUTCFullYear()).toBe(50);
    expect(new Date(wallTimeToUtc({ year: 99, month: 12, day: 31, hour: 23 }, 'UTC')).toISOString()).toBe(
      '0099-12-31T23:00:00.000Z',
    );
  });

  it('tells a real calendar day from one of the right shape only', () => {
    for (const day of ['2026-02-28', '2024-02-29', '2000-02-29', '0050-01-01']) expect(isCalendarDay(day)).toBe(true);
    for (const day of [
      '2026-02-29',
      '2026-02-30',
      '2026-13-45',
      '0000-00-00',
      '2026-04-31',
      '1900-02-29',
      '2026-1-5',
      '2026-01-05x',
    ])
      expect(isCalendarDay(day)).toBe(false);
  });
});
