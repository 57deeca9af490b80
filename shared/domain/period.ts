/** Periods as inclusive calendar days (YYYY-MM-DD), which is how people name them. */
const DAY = 86_400_000;

const toUtc = (day: string): number => {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, date);
};
const fromUtc = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export const addDays = (day: string, days: number): string => fromUtc(toUtc(day) + days * DAY);
export const daysIn = (from: string, to: string): number => Math.round((toUtc(to) - toUtc(from)) / DAY) + 1;

const lastDayOfMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();
const parts = (day: string): [number, number, number] => day.split('-').map(Number) as [number, number, number];

/**
 * The period just before: whole months give the same number of months before (a quarter's
 * previous quarter), any other span the same number of days.
 */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const [fy, fm, fd] = parts(from);
  const [ty, tm, td] = parts(to);
  if (fd === 1 && td === lastDayOfMonth(ty, tm)) {
    const months = (ty - fy) * 12 + (tm - fm) + 1;
    const start = new Date(Date.UTC(fy, fm - 1 - months, 1));
    return { from: start.toISOString().slice(0, 10), to: addDays(from, -1) };
  }
  const length = daysIn(from, to);
  return { from: addDays(from, -length), to: addDays(from, -1) };
}

/** The same days a year earlier (29 February becomes the 28th). */
export function yearBefore(from: string, to: string): { from: string; to: string } {
  const back = (day: string): string => {
    const [year, month, date] = day.split('-').map(Number) as [number, number, number];
    const last = new Date(Date.UTC(year - 1, month, 0)).getUTCDate();
    return `${year - 1}-${String(month).padStart(2, '0')}-${String(Math.min(date, last)).padStart(2, '0')}`;
  };
  return { from: back(from), to: back(to) };
}

export type Granularity = 'day' | 'week' | 'month';

/** Days for up to two months, weeks for up to a year, months beyond. */
export function autoGranularity(from: string, to: string): Granularity {
  const days = daysIn(from, to);
  return days <= 62 ? 'day' : days <= 366 ? 'week' : 'month';
}

/** The first day of the bucket a day falls in: itself, its ISO week's Monday, or its month's 1st. */
export function bucketStart(day: string, granularity: Granularity): string {
  if (granularity === 'day') return day;
  if (granularity === 'month') return `${day.slice(0, 7)}-01`;
  const weekday = (new Date(toUtc(day)).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

export const QUICK_PERIODS = ['thisMonth', 'lastMonth', 'thisQuarter', 'lastQuarter', 'thisYear', 'lastYear'] as const;
export type QuickPeriod = (typeof QUICK_PERIODS)[number];

/** A month, quarter or year holding a day, or the one before it: whole calendar periods, inclusive. */
export function quickPeriod(kind: QuickPeriod, anchor: string): { from: string; to: string } {
  const [year, month] = parts(anchor);
  const span = kind.endsWith('Month') ? 1 : kind.endsWith('Quarter') ? 3 : 12;
  const firstMonth = span === 12 ? 1 : Math.floor((month - 1) / span) * span + 1;
  const start = new Date(Date.UTC(year, firstMonth - 1 - (kind.startsWith('last') ? span : 0), 1));
  const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + span, 0));
  return { from: fromUtc(start.getTime()), to: fromUtc(end.getTime()) };
}

/**
 * A day typed as the UI's language writes it (es 29/06/2026, en 06/29/2026; / - or . between, a two-digit year is
 * this century) or as ISO 2026-06-29: the ISO day, or null when it is no calendar day.
 */
export function parseDay(text: string, language: 'es' | 'en'): string | null {
  const trimmed = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  const local = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(trimmed);
  let parts: [number, number, number] | null = null;
  if (iso) parts = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (local) {
    const [first, second, year] = [Number(local[1]), Number(local[2]), Number(local[3])];
    const fullYear = year < 100 ? 2000 + year : year;
    parts = language === 'es' ? [fullYear, second, first] : [fullYear, first, second];
  }
  if (!parts) return null;
  const [year, month, day] = parts;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}
