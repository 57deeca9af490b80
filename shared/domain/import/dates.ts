import { daysInMonth, toSecond, utc, wallClockToUtc, wallTimeToUtc, type WallTime } from '../time';
import { cellText, type Cell, type Parsed } from './values';

export type DateOrder = 'dmy' | 'mdy';

/** Months by their first three letters, in English and Spanish (septiembre's "set" too). */
const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  ene: 1,
  abr: 4,
  ago: 8,
  set: 9,
  dic: 12,
};
const MONTH_NAMES = new Set([
  'january',
  'february',
  'march',
  'april',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'enero',
  'febrero',
  'marzo',
  'abril',
  'mayo',
  'junio',
  'julio',
  'agosto',
  'septiembre',
  'setiembre',
  'octubre',
  'noviembre',
  'diciembre',
]);

/** A month written as a word: its whole name, or three or four letters of it ("mar", "Sept."); 0 for any other word. */
function monthOf(word: string): number {
  const name = word.toLowerCase().replace(/\.$/, '');
  const month = MONTHS[name.slice(0, 3)] ?? 0;
  return month !== 0 && (name.length <= 4 || MONTH_NAMES.has(name)) ? month : 0;
}

/** A time after a date: "14:30", "14:30:05", "2:30 PM", "2:30 p. m.". */
const TIME = String.raw`(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?\s?m\.?)?)?`;
/** Year first, with - / or . (the same twice): ISO 8601 and its relatives, with an offset, Z, UTC or GMT. */
const ISO =
  /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,6}))?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;
const SLASHED = new RegExp(String.raw`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})${TIME}$`, 'i');
/** "5 mar 2026", "5 de marzo de 2026", "05-Mar-2026", "5 March 2026, 14:30". */
const DAY_MONTH_NAME = new RegExp(
  String.raw`^(\d{1,2})(?:\s+de\s+|[\s/.-]+)([a-z]{3,10}\.?)(?:\s+de\s+|[\s/.,-]+)(\d{4})${TIME}$`,
  'i',
);
/** "March 5, 2026", "Mar 5th 2026 2:30 PM". */
const MONTH_NAME_DAY = new RegExp(String.raw`^([a-z]{3,10}\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})${TIME}$`, 'i');
/** Seconds (ten digits) or milliseconds (thirteen) since 1970, as APIs give times: from 2001 to 2286. */
const EPOCH = /^\d{10}(\d{3})?$/;
// Twitter's "Sat Dec 02 15:24:09 +0000 2017".
const TWITTER = /^\w{3} (\w{3}) (\d{1,2}) (\d{2}):(\d{2}):(\d{2}) ([+-]\d{4}) (\d{4})$/;
const EXCEL_EPOCH = utc(1899, 11, 30);

function offsetMs(zone: string): number {
  if (/^(z|utc|gmt)$/i.test(zone)) return 0;
  const sign = zone[0] === '-' ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4))) * 60_000;
}

function valid(wall: WallTime): boolean {
  const { year, month, day, hour = 0, minute = 0, second = 0 } = wall;
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return false;
  return day <= daysInMonth(year, month);
}

/** What a file says of a time, whatever the workspace's zone: see parseDate. */
export interface AsWritten {
  value: number;
}

function fromWall(
  wall: WallTime,
  text: string,
  timeZone: string,
  written: AsWritten | undefined,
  offset?: number,
): Parsed<number> {
  if (!valid(wall)) return { ok: false, problem: { code: 'date-not-real', value: text } };
  const { year, month, day, hour = 0, minute = 0, second = 0, ms = 0 } = wall;
  const asUtc = utc(year, month - 1, day, hour, minute, second, ms);
  if (offset === undefined) {
    if (written) written.value = asUtc;
    return { ok: true, value: wallTimeToUtc(wall, timeZone) };
  }
  if (written) written.value = asUtc - offset;
  return { ok: true, value: asUtc - offset };
}

const digitsAt = (text: string, start: number, length: number): number => {
  let value = 0;
  for (let i = start; i < start + length; i++) {
    const digit = text.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
};

/**
 * The instant of "YYYY-MM-DDTHH:MM:SSZ" or "…:SS.sssZ", the UTC form most exports write, read
 * without a regular expression; null for any other form (parseDate reads those).
 */
function utcInstant(text: string): number | null {
  if ((text.length !== 20 && text.length !== 24) || text.charCodeAt(text.length - 1) !== 0x5a) return null;
  if (text[4] !== '-' || text[7] !== '-' || text[10] !== 'T' || text[13] !== ':' || text[16] !== ':') return null;
  if (text.length === 24 && text[19] !== '.') return null;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  const hour = digitsAt(text, 11, 2);
  const minute = digitsAt(text, 14, 2);
  const second = digitsAt(text, 17, 2);
  const ms = text.length === 24 ? digitsAt(text, 20, 3) : 0;
  if (year < 0 || hour < 0 || minute < 0 || second < 0 || ms < 0 || !valid({ year, month, day, hour, minute, second }))
    return null;
  return utc(year, month - 1, day, hour, minute, second, ms);
}

/** Excel's day count (1900 system) as a wall time: Excel stores no zone. */
export function excelSerialToWall(serial: number): WallTime {
  const date = new Date(EXCEL_EPOCH + Math.round(serial * 86_400_000));
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
  };
}

/** A date with the time a pattern's TIME read (hour, minute, second, a.m./p.m.), in the workspace's zone. */
function withTime(
  date: { year: number; month: number; day: number },
  [h, mi, s, meridiem]: (string | undefined)[],
  text: string,
  timeZone: string,
  written: AsWritten | undefined,
): Parsed<number> {
  let hour = +(h ?? 0);
  if (meridiem) {
    if (hour < 1 || hour > 12) return { ok: false, problem: { code: 'date-12-hour', value: text } };
    hour = (hour % 12) + (/^p/i.test(meridiem) ? 12 : 0);
  }
  return fromWall({ ...date, hour, minute: +(mi ?? 0), second: +(s ?? 0) }, text, timeZone, written);
}

/**
 * A date as exports write it, to a UTC instant. Values without a zone are wall times in the
 * workspace's zone. Slashed dates need the file's order (dmy or mdy) unless only one reading is
 * possible. `written`, when given, gets what the file says whatever the workspace's zone: the
 * instant where the value has a zone, else its wall time read as UTC (the dedupe key's time: a
 * file imported again after the zone changed is the same file).
 */
export function parseDate(
  cell: Cell,
  order: DateOrder | null,
  timeZone: string,
  written?: AsWritten,
): Parsed<number | null> {
  if (cell === null) return { ok: true, value: null };
  // Readers give date cells as Date objects holding the sheet's wall time in UTC fields.
  if (cell instanceof Date) {
    const wall = cell.getTime();
    if (Number.isNaN(wall)) return { ok: false, problem: { code: 'date-not-real', value: String(cell) } };
    // To the second, as a serial number's date.
    if (written) written.value = toSecond(wall);
    return { ok: true, value: wallClockToUtc(toSecond(wall), timeZone) };
  }
  const text = cellText(cell);
  if (text === '') return { ok: true, value: null };
  const instant = utcInstant(text);
  if (instant !== null) {
    if (written) written.value = instant;
    return { ok: true, value: instant };
  }
  const serial = typeof cell === 'number' ? cell : /^\d{5}(\.\d+)?$/.test(text) ? Number(text) : NaN;
  if (serial >= 1 && serial < 2_958_466) return fromWall(excelSerialToWall(serial), text, timeZone, written);

  if (EPOCH.test(text)) {
    const epoch = text.length === 10 ? Number(text) * 1000 : Number(text);
    if (written) written.value = epoch;
    return { ok: true, value: epoch };
  }

  let match = ISO.exec(text);
  if (match) {
    const [, y, , mo, d, h, mi, s, frac, zone] = match;
    const wall = {
      year: +y!,
      month: +mo!,
      day: +d!,
      hour: +(h ?? 0),
      minute: +(mi ?? 0),
      second: +(s ?? 0),
      ms: frac ? Math.round(Number(`0.${frac}`) * 1000) : 0,
    };
    return fromWall(wall, text, timeZone, written, zone ? offsetMs(zone) : undefined);
  }
  match = TWITTER.exec(text);
  if (match) {
    const [, mon, d, h, mi, s, zone, y] = match;
    const month = MONTHS[mon!.toLowerCase()];
    if (!month) return { ok: false, problem: { code: 'date-unread', value: text } };
    return fromWall(
      { year: +y!, month, day: +d!, hour: +h!, minute: +mi!, second: +s! },
      text,
      timeZone,
      written,
      offsetMs(zone!),
    );
  }
  match = SLASHED.exec(text);
  if (match) {
    const [, a, b, y, h, mi, s, meridiem] = match;
    const first = +a!;
    const second = +b!;
    const resolved = order ?? (first > 12 ? 'dmy' : second > 12 ? 'mdy' : first === second ? 'dmy' : null);
    if (!resolved) return { ok: false, problem: { code: 'date-order', value: text } };
    const year = y!.length === 2 ? 2000 + +y! : +y!;
    return withTime(
      { year, month: resolved === 'dmy' ? second : first, day: resolved === 'dmy' ? first : second },
      [h, mi, s, meridiem],
      text,
      timeZone,
      written,
    );
  }
  match = DAY_MONTH_NAME.exec(text) ?? MONTH_NAME_DAY.exec(text);
  if (match) {
    const dayFirst = /^\d/.test(text);
    const [, a, b, y, h, mi, s, meridiem] = match;
    const month = monthOf((dayFirst ? b : a)!);
    if (month === 0) return { ok: false, problem: { code: 'date-unread', value: text } };
    return withTime({ year: +y!, month, day: +(dayFirst ? a : b)! }, [h, mi, s, meridiem], text, timeZone, written);
  }
  return { ok: false, problem: { code: 'date-unread', value: text } };
}

/**
 * The order of slashed dates in a column: a first part above 12 means day first, a second part
 * above 12 means month first; both in one file is an inconsistent file; neither cannot tell.
 */
export function detectDateOrder(values: Iterable<string>): DateOrder | 'ambiguous' | 'inconsistent' | null {
  let dayFirst = false;
  let monthFirst = false;
  let slashed = false;
  for (const value of values) {
    const match = SLASHED.exec(value.trim());
    if (!match) continue;
    slashed = true;
    if (+match[1]! > 12) dayFirst = true;
    if (+match[2]! > 12) monthFirst = true;
  }
  if (!slashed) return null;
  if (dayFirst && monthFirst) return 'inconsistent';
  return dayFirst ? 'dmy' : monthFirst ? 'mdy' : 'ambiguous';
}

/** Dates before this are kept as they are, but flagged: social networks did not exist, a year is likely mistyped. */
export const EARLIEST_PLAUSIBLE = Date.UTC(1990, 0, 1);
const DAY_MS = 86_400_000;

/** Whether a message's time is one to flag: before 1990, or more than a day after `now`. */
export const isImplausibleTime = (instant: number, now: number): boolean =>
  instant < EARLIEST_PLAUSIBLE || instant > now + DAY_MS;
