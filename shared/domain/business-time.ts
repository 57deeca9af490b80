import { wallClockToUtc, zoneOffset } from './time';

const MINUTE = 60_000;
const DAY_MS = 86_400_000;
/** No SLA target is years long: a calendar with no working time is refused long before this. */
const MAX_DAYS = 3_660;
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/** Working periods of a day, in minutes from local midnight: [[540, 840], [900, 1080]] is 09:00–14:00, 15:00–18:00. */
export type DayPeriods = readonly (readonly [number, number])[];

/** A team's working time: periods per weekday (0 Sunday … 6 Saturday), holidays, in the workspace's zone. */
export interface BusinessCalendar {
  week: readonly DayPeriods[];
  holidays: readonly string[];
  timeZone: string;
}

export class BusinessHoursError extends Error {
  override name = 'BusinessHoursError';
}

/**
 * Business hours as people write them: `mon-fri 09:00-18:00`, several groups by `;` or `,`, several periods in a
 * group (`mon-thu 09:00-14:00 15:00-18:00; fri 08:00-15:00`). Weekday names are English or Spanish (lun-vie).
 */
export function parseBusinessHours(text: string): DayPeriods[] {
  const week: [number, number][][] = WEEKDAYS.map(() => []);
  const groups = text
    .split(/[;\n]/)
    .map((group) => group.trim())
    .filter(Boolean);
  if (groups.length === 0)
    throw new BusinessHoursError('Business hours are empty: write them as "mon-fri 09:00-18:00"');
  for (const group of groups) {
    const match = /^([a-zé,\s-]+?)\s+(\d.*)$/i.exec(group);
    if (!match) throw new BusinessHoursError(`"${group}": write days then hours, as "mon-fri 09:00-18:00"`);
    const days = weekdays(match[1] as string, group);
    const periods = (match[2] as string).split(/[\s,]+/).map((period) => hours(period, group));
    for (const day of days) week[day]?.push(...periods);
  }
  for (const day of week) {
    day.sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < day.length; i++)
      if ((day[i] as [number, number])[0] < (day[i - 1] as [number, number])[1])
        throw new BusinessHoursError(`"${text}": two periods of the same day overlap`);
  }
  return week;
}

const DAY_NAMES: Record<string, number> = {
  sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6,
  dom: 0, lun: 1, mar: 2, mie: 3, 'mié': 3, jue: 4, vie: 5, sab: 6, 'sáb': 6,
}; // prettier-ignore

function weekdays(text: string, group: string): number[] {
  const days = new Set<number>();
  for (const part of text.split(',').map((p) => p.trim().toLowerCase())) {
    const [from, to = from] = part.split('-').map((name) => DAY_NAMES[name.slice(0, 3)]);
    if (from === undefined || to === undefined)
      throw new BusinessHoursError(`"${group}": "${part}" is not a weekday (mon, tue, wed, thu, fri, sat, sun)`);
    for (let day = from; ; day = (day + 1) % 7) {
      days.add(day);
      if (day === to) break;
    }
  }
  return [...days];
}

function hours(text: string, group: string): [number, number] {
  const match = /^(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})$/.exec(text);
  const minutes = match?.slice(1).map(Number);
  if (!minutes) throw new BusinessHoursError(`"${group}": "${text}" is not a period (09:00-18:00)`);
  const [h1, m1, h2, m2] = minutes as [number, number, number, number];
  const start = h1 * 60 + m1;
  const end = h2 === 24 && m2 === 0 ? 1440 : h2 * 60 + m2;
  if (m1 > 59 || m2 > 59 || h1 > 23 || end > 1440 || end <= start)
    throw new BusinessHoursError(`"${group}": "${text}" does not end after it starts`);
  return [start, end];
}

/** The calendar written back the way parseBusinessHours reads it (for lists and the CLI). */
export function formatBusinessHours(week: readonly DayPeriods[]): string {
  const groups: { days: number[]; periods: string }[] = [];
  for (const day of [1, 2, 3, 4, 5, 6, 0]) {
    const periods = (week[day] ?? []).map(([s, e]) => `${clock(s)}-${clock(e)}`).join(' ');
    if (!periods) continue;
    const last = groups[groups.length - 1];
    const previous = last?.days[last.days.length - 1];
    if (last && last.periods === periods && previous !== undefined && (previous + 1) % 7 === day) last.days.push(day);
    else groups.push({ days: [day], periods });
  }
  return groups
    .map(({ days, periods }) => {
      const first = WEEKDAYS[days[0] as number];
      const last = WEEKDAYS[days[days.length - 1] as number];
      return `${days.length > 1 ? `${first}-${last}` : first} ${periods}`;
    })
    .join('; ');
}

const clock = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * A calendar's working periods per local day (days counted from 1970-01-01), as instants: a period a DST change
 * shortens or lengthens keeps its wall times. Kept per calendar, so recomputing many cases' SLA asks the zone once a
 * day, not once a case.
 */
const periodsByCalendar = new WeakMap<
  BusinessCalendar,
  { holidays: Set<number>; days: Map<number, [number, number][]> }
>();

function dayPeriods(day: number, calendar: BusinessCalendar): [number, number][] {
  let known = periodsByCalendar.get(calendar);
  if (!known) {
    const holidays = new Set(calendar.holidays.map((holiday) => Date.parse(`${holiday}T00:00:00Z`) / DAY_MS));
    periodsByCalendar.set(calendar, (known = { holidays, days: new Map() }));
  }
  let periods = known.days.get(day);
  if (periods) return periods;
  const midnight = day * DAY_MS;
  // 1970-01-01 was a Thursday.
  const weekday = (((day + 4) % 7) + 7) % 7;
  periods = known.holidays.has(day)
    ? []
    : (calendar.week[weekday] ?? []).map(([start, end]): [number, number] => [
        wallClockToUtc(midnight + start * MINUTE, calendar.timeZone),
        wallClockToUtc(midnight + end * MINUTE, calendar.timeZone),
      ]);
  known.days.set(day, periods);
  return periods;
}

/**
 * The instant `minutes` of working time after `start`: time outside the calendar's periods, on its holidays, does
 * not count. With no calendar, plain clock time.
 */
export function addBusinessMinutes(start: number, minutes: number, calendar: BusinessCalendar | null): number {
  if (calendar === null) return start + minutes * MINUTE;
  let left = minutes * MINUTE;
  const first = Math.floor((start + zoneOffset(start, calendar.timeZone)) / DAY_MS);
  for (let day = first; day < first + MAX_DAYS; day++) {
    for (const [from, to] of dayPeriods(day, calendar)) {
      const begin = Math.max(from, start);
      if (begin >= to) continue;
      if (begin + left <= to) return begin + left;
      left -= to - begin;
    }
  }
  throw new BusinessHoursError('The business hours have no working time in the next ten years');
}
