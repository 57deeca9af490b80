/** Wall-clock times in an IANA time zone ↔ UTC instants, with Intl only (no tz database of ours). */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour?: number;
  minute?: number;
  second?: number;
  ms?: number;
}

/** 400 Gregorian years: exactly 146,097 days, so a date 400 years later falls on the same weekday and leap day. */
const FOUR_CENTURIES_MS = 146_097 * 86_400_000;

/**
 * Date.UTC for every year: Date.UTC reads years 0-99 as 1900-1999 (year 0050 became 1950), so
 * those are computed 400 years later and moved back.
 */
export function utc(year: number, month: number, day = 1, hour = 0, minute = 0, second = 0, ms = 0): number {
  if (year >= 0 && year < 100) return Date.UTC(year + 400, month, day, hour, minute, second, ms) - FOUR_CENTURIES_MS;
  return Date.UTC(year, month, day, hour, minute, second, ms);
}

export function daysInMonth(year: number, month: number): number {
  if (month !== 2) return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

/** Whether text is a real calendar day written YYYY-MM-DD (not 2026-02-30, not 2026-13-45). */
export function isCalendarDay(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

const DAY_MS = 86_400_000;
const yearTables = new Map<string, OffsetSegment[]>();
/**
 * The year zoneOffset last looked in: a file's dates mostly fall in the same year, which then needs no key made and
 * looked up.
 */
let lastYear: { timeZone: string; start: number; end: number; segments: OffsetSegment[] } | null = null;

/**
 * Offset of the zone from UTC at an instant, in ms (Madrid in winter: +3,600,000). Asking Intl
 * costs microseconds, and imports ask once per date: each year's offsets are found once (a
 * sample a day, bisected to the millisecond where they change) and looked up after that.
 */
export function zoneOffset(instant: number, timeZone: string): number {
  let cached = lastYear;
  if (cached === null || cached.timeZone !== timeZone || instant < cached.start || instant >= cached.end) {
    const year = new Date(instant).getUTCFullYear();
    cached = lastYear = {
      timeZone,
      start: utc(year, 0, 1),
      end: utc(year + 1, 0, 1),
      segments: yearTable(year, timeZone),
    };
  }
  const segments = cached.segments;
  for (let i = segments.length - 1; i > 0; i--)
    if (instant >= (segments[i] as OffsetSegment).from) return (segments[i] as OffsetSegment).offset;
  return (segments[0] as OffsetSegment).offset;
}

function yearTable(year: number, timeZone: string): OffsetSegment[] {
  const key = `${timeZone}\u0000${year}`;
  let segments = yearTables.get(key);
  if (!segments) yearTables.set(key, (segments = yearSegments(year, timeZone)));
  return segments;
}

function yearSegments(year: number, timeZone: string): OffsetSegment[] {
  const start = utc(year, 0, 1);
  const end = utc(year + 1, 0, 1);
  const segments: OffsetSegment[] = [{ from: start, offset: intlOffset(start, timeZone) }];
  // Where the offset changes is found by its name, a third of the cost of the offset itself (a new workspace's zone
  // table asks about 48,000 days); the offset is worked out where it changes.
  let current = offsetName(start, timeZone);
  for (let at = start; at < end; at += DAY_MS) {
    const next = Math.min(at + DAY_MS, end);
    if (offsetName(next, timeZone) === current) continue;
    let low = at;
    let high = next;
    while (high - low > 1) {
      const middle = low + Math.floor((high - low) / 2);
      if (offsetName(middle, timeZone) === current) low = middle;
      else high = middle;
    }
    current = offsetName(high, timeZone);
    if (high < end) segments.push({ from: high, offset: intlOffset(high, timeZone) });
  }
  return segments;
}

const offsetNames = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset at an instant as Intl writes it, to the second: "GMT+01:00", "GMT-00:44:30", "GMT". */
function offsetName(instant: number, timeZone: string): string {
  let format = offsetNames.get(timeZone);
  if (!format)
    offsetNames.set(timeZone, (format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })));
  const text = format.format(instant); // "1/31/2026, GMT+01:00"
  return text.slice(text.lastIndexOf(' ') + 1);
}

/** The instant cut to its whole second (earlier ones too: before 1970 as after). */
export const toSecond = (instant: number): number => instant - (((instant % 1000) + 1000) % 1000);

function intlOffset(instant: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(instant))
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  const asUtc = utc(
    parts.year as number,
    (parts.month as number) - 1,
    parts.day,
    parts.hour,
    parts.minute,
    parts.second,
  );
  return asUtc - toSecond(instant);
}

/**
 * The UTC instant of a wall time in a zone. A time skipped by a DST change moves forward by
 * the gap; a repeated one takes its first occurrence, as most calendars do.
 */
export function wallTimeToUtc(wall: WallTime, timeZone: string): number {
  return wallClockToUtc(
    utc(wall.year, wall.month - 1, wall.day, wall.hour ?? 0, wall.minute ?? 0, wall.second ?? 0, wall.ms ?? 0),
    timeZone,
  );
}

/** The same, for a wall time given as the instant that has its fields in UTC. */
export function wallClockToUtc(asUtc: number, timeZone: string): number {
  // The offsets a day before and after cover both sides of any change near this time.
  const before = asUtc - zoneOffset(asUtc - DAY_MS, timeZone);
  const after = asUtc - zoneOffset(asUtc + DAY_MS, timeZone);
  const beforeValid = before + zoneOffset(before, timeZone) === asUtc;
  const afterValid = after + zoneOffset(after, timeZone) === asUtc;
  if (beforeValid && afterValid) return Math.min(before, after);
  return afterValid ? after : before;
}

/** The wall-clock date (YYYY-MM-DD) of an instant in a zone. */
export function localDate(instant: number, timeZone: string): string {
  const shifted = new Date(instant + zoneOffset(instant, timeZone));
  return shifted.toISOString().slice(0, 10);
}

/** The instant a calendar day (YYYY-MM-DD, plus some days) starts in a zone. */
export function dayStart(day: string, timeZone: string, plusDays = 0): number {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return wallTimeToUtc({ year, month, day: date + plusDays }, timeZone);
}

export interface OffsetSegment {
  from: number;
  offset: number;
}

/**
 * The zone's UTC offsets over [start, end): the offset in force from each instant on, so SQL
 * can turn an instant into its local day with a CASE over these few rows (two a year at most
 * where there is daylight saving). Read from the yearly tables zoneOffset keeps.
 */
export function offsetSegments(start: number, end: number, timeZone: string): OffsetSegment[] {
  const segments: OffsetSegment[] = [{ from: start, offset: zoneOffset(start, timeZone) }];
  for (let year = new Date(start).getUTCFullYear(); year <= new Date(end).getUTCFullYear(); year++) {
    for (const segment of yearTable(year, timeZone)) {
      if (segment.from <= start || segment.from >= end) continue;
      if (segment.offset !== (segments[segments.length - 1] as OffsetSegment).offset) segments.push(segment);
    }
  }
  return segments;
}

/** An instant in ISO 8601 with the zone's offset at it (2026-07-03T16:30:00+02:00), as people and scripts read it. */
export function isoInZone(instant: number, timeZone: string): string {
  const offset = zoneOffset(instant, timeZone);
  const local = new Date(instant + offset).toISOString().slice(0, 19);
  const minutes = Math.abs(offset) / 60_000;
  const sign = offset < 0 ? '-' : '+';
  return `${local}${sign}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * `2026-07-03`, `2026-07-03T16:30` or `2026-07-03T16:30+02:00` as an instant: with no offset, a wall time in the zone
 * (a day: its start).
 */
export function parseInstant(text: string, timeZone: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(
    text.trim(),
  );
  if (!match) return null;
  const [year, month, day, hour = 0, minute = 0, second = 0] = match.slice(1, 7).map((part) => Number(part ?? 0));
  const ms = Number(((match[7] ?? '') + '000').slice(0, 3));
  const asUtc = utc(year as number, (month as number) - 1, day, hour, minute, second, ms);
  if (new Date(asUtc).getUTCDate() !== day || (hour as number) > 23 || (minute as number) > 59) return null;
  const zone = match[8];
  if (zone === undefined) return wallClockToUtc(asUtc, timeZone);
  if (zone === 'Z') return asUtc;
  const sign = zone.startsWith('-') ? -1 : 1;
  const [h, m] = [Number(zone.slice(1, 3)), Number(zone.slice(-2))];
  return asUtc - sign * (h * 60 + m) * 60_000;
}
