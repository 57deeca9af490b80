import { describe, expect, it } from 'vitest';
import { localDate, wallTimeToUtc, zoneOffset } from '../../../../shared/domain/time';

describe('time zones', () => {
  it('knows the offset on both sides of a DST change', () => {
    expect(zoneOffset(Date.UTC(2026, 0, 15), 'Europe/Madrid')).toBe(3_600_000);
    expect(zoneOffset(Date.UTC(2026, 6, 15), 'Europe/Madrid')).toBe(7_200_000);
    expect(zoneOffset(Date.UTC(2026, 6, 15), 'America/New_York')).toBe(-4 * 3_600_000);
  });

  it('agrees with Intl at any instant, next to each change too, in zones with odd offsets and changes', () => {
    const formats = new Map<string, Intl.DateTimeFormat>();
    const format = (timeZone: string): Intl.DateTimeFormat =>
      formats.get(timeZone) ??
      (formats
        .set(
          timeZone,
          new Intl.DateTimeFormat('en-US', {
            timeZone,
            hourCycle: 'h23',
            year: 'numeric',
            month: 'numeric',
            day: 'numeric',
            hour: 'numeric',
            minute: 'numeric',
            second: 'numeric',
          }),
        )
        .get(timeZone) as Intl.DateTimeFormat);
    const intl = (instant: number, timeZone: string): number => {
      const parts = Object.fromEntries(
        format(timeZone)
          .formatToParts(instant)
          .filter((p) => p.type !== 'literal')
          .map((p) => [p.type, Number(p.value)]),
      ) as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number>;
      return (
        Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second) -
        Math.floor(instant / 1000) * 1000
      );
    };
    let seed = 7;
    const random = (): number => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (const zone of [
      'Europe/Madrid',
      'America/New_York',
      'Asia/Kolkata',
      'Australia/Lord_Howe',
      'America/Santiago',
      'Asia/Kathmandu',
      'Pacific/Apia',
    ]) {
      for (let i = 0; i < 1000; i++) {
        const instant = Date.UTC(1990, 0, 1) + Math.floor(random() * 50 * 365.25 * 86_400_000);
        expect(zoneOffset(instant, zone), `${zone} ${new Date(instant).toISOString()}`).toBe(intl(instant, zone));
      }
      // The same year asked of two zones in turn: each answers for its own zone.
      for (let day = 0; day < 365; day += 7) {
        const instant = Date.UTC(2026, 0, 1 + day, 12);
        for (const other of [zone, 'Asia/Tokyo', zone])
          expect(zoneOffset(instant, other), `${other} ${new Date(instant).toISOString()}`).toBe(intl(instant, other));
      }
      // Every second of the minute around each change in 2026.
      for (let at = Date.UTC(2026, 0, 1); at < Date.UTC(2027, 0, 1); at += 3_600_000) {
        if (intl(at, zone) === intl(at + 3_600_000, zone)) continue;
        let minute = at;
        while (intl(minute + 60_000, zone) === intl(at, zone)) minute += 60_000;
        for (let s = minute - 5000; s <= minute + 65_000; s += 1000)
          expect(zoneOffset(s, zone), `${zone} ${new Date(s).toISOString()}`).toBe(intl(s, zone));
      }
    }
  });

  it('turns wall times into UTC, including around the spring and autumn changes', () => {
    expect(wallTimeToUtc({ year: 2026, month: 3, day: 5, hour: 10 }, 'Europe/Madrid')).toBe(Date.UTC(2026, 2, 5, 9));
    // 2026-03-29 02:30 does not exist in Madrid (clocks jump 02:00 → 03:00).
    expect(wallTimeToUtc({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }, 'Europe/Madrid')).toBe(
      Date.UTC(2026, 2, 29, 1, 30),
    );
    // 2026-10-25 02:30 happens twice; the first is still summer time (UTC+2).
    expect(wallTimeToUtc({ year: 2026, month: 10, day: 25, hour: 2, minute: 30 }, 'Europe/Madrid')).toBe(
      Date.UTC(2026, 9, 25, 0, 30),
    );
    expect(wallTimeToUtc({ year: 2026, month: 7, day: 1 }, 'UTC')).toBe(Date.UTC(2026, 6, 1));
  });

  it('gives the local calendar date of an instant', () => {
    expect(localDate(Date.UTC(2026, 11, 31, 23, 30), 'Europe/Madrid')).toBe('2027-01-01');
    expect(localDate(Date.UTC(2026, 11, 31, 23, 30), 'America/New_York')).toBe('2026-12-31');
  });
});
