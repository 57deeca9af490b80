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
