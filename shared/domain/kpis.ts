/**
 * KPI math of DESIGN.md ("KPI definitions"), as pure functions over counts the store
 * aggregates. A ratio whose denominator is zero is null: "—" on screen, never NaN or 0.
 */
import { TEMPERATURES } from './temperature';

/** A temperature as the key of a count or a ratio ('-2' … '2'). */
export type TemperatureCode = '-2' | '-1' | '0' | '1' | '2';
export type TemperatureCounts = Record<TemperatureCode, number>;
export const TEMPERATURE_CODES: TemperatureCode[] = TEMPERATURES.map((t) => String(t) as TemperatureCode);

export const emptyCounts = (): TemperatureCounts => ({ '-2': 0, '-1': 0, '0': 0, '1': 0, '2': 0 });

export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

export const labeledCount = (counts: TemperatureCounts): number =>
  TEMPERATURE_CODES.reduce((sum, key) => sum + counts[key], 0);

/**
 * Net temperature: share of +1/+2 minus share of −1/−2 among labeled messages; neutral ones
 * stay in the denominator (Talkwalker leaves them out; the UI prints which formula this is).
 */
export function netTemperature(counts: TemperatureCounts): number | null {
  return ratio(counts['1'] + counts['2'] - counts['-1'] - counts['-2'], labeledCount(counts));
}

export function meanTemperature(counts: TemperatureCounts): number | null {
  return ratio(
    TEMPERATURE_CODES.reduce((sum, key) => sum + Number(key) * counts[key], 0),
    labeledCount(counts),
  );
}

/** Each key's share of the sum over all keys (Share of Voice, per temperature too). */
export function shares<K extends string>(mentions: Record<K, number>): Record<K, number | null> {
  const total = Object.values<number>(mentions).reduce((sum, n) => sum + n, 0);
  return Object.fromEntries(Object.entries<number>(mentions).map(([key, n]) => [key, ratio(n, total)])) as Record<
    K,
    number | null
  >;
}

/**
 * Percentile by linear interpolation between closest ranks (Excel's PERCENTILE.INC);
 * null for no values.
 */
export function percentile(values: readonly number[], p: number): number | null {
  return percentiles(values, [p])[0] as number | null;
}

/**
 * Several percentiles of the same values (each as `percentile`), from one sort: a dashboard asks for the median and the
 * 90th of every team's and agent's cases. A typed array sorts numbers in order without a comparator, several times
 * faster.
 */
export function percentiles(values: readonly number[], ps: readonly number[]): (number | null)[] {
  if (values.length === 0) return ps.map(() => null);
  const sorted = Float64Array.from(values).sort();
  return ps.map((p) => {
    const rank = (sorted.length - 1) * p;
    const low = sorted[Math.floor(rank)] as number;
    return low + ((sorted[Math.ceil(rank)] as number) - low) * (rank - Math.floor(rank));
  });
}

export interface AuthorLabels {
  /** The author's labeled temperatures in the period, oldest first. */
  temperatures: readonly number[];
}

/**
 * Happy/unhappy: distinct authors whose latest labeled message is above/below 0. Conversion:
 * first below 0 and last above 0 (unhappy → happy), and the reverse.
 */
export function userFlows(authors: Iterable<AuthorLabels>): {
  happy: number;
  unhappy: number;
  unhappyToHappy: number;
  happyToUnhappy: number;
  authors: number;
} {
  const flows = { happy: 0, unhappy: 0, unhappyToHappy: 0, happyToUnhappy: 0, authors: 0 };
  for (const { temperatures } of authors) {
    if (temperatures.length === 0) continue;
    flows.authors++;
    const first = temperatures[0] as number;
    const last = temperatures[temperatures.length - 1] as number;
    if (last > 0) flows.happy++;
    if (last < 0) flows.unhappy++;
    if (first < 0 && last > 0) flows.unhappyToHappy++;
    if (first > 0 && last < 0) flows.happyToUnhappy++;
  }
  return flows;
}

/** Evangelists and detractors: authors with ≥ 2 labeled messages, all ≥ +1 / all ≤ −1. */
export function evangelistsAndDetractors(authors: Iterable<AuthorLabels>): { evangelists: number; detractors: number } {
  let evangelists = 0;
  let detractors = 0;
  for (const { temperatures } of authors) {
    if (temperatures.length < 2) continue;
    if (temperatures.every((t) => t >= 1)) evangelists++;
    if (temperatures.every((t) => t <= -1)) detractors++;
  }
  return { evangelists, detractors };
}

/** Growth from the first to the last value of a series (0.1 = +10 %). */
export function growth(first: number | null, last: number | null): number | null {
  return first === null || last === null ? null : ratio(last - first, first);
}

/** Influence, written the same way in the UI, the README and the SQL that ranks authors. */
export const INFLUENCE_FORMULA =
  'log10(1 + followers) + log10(1 + engagement received) + log10(1 + replies received in the data)';

export interface InfluenceParts {
  reach: number;
  engagement: number;
  conversation: number;
  score: number;
}

/** Each part of an author's influence; engagement = likes + shares + replies on their messages in the period. */
export function influenceParts(followers: number | null, engagement: number, repliesReceived: number): InfluenceParts {
  const reach = Math.log10(1 + (followers ?? 0));
  const engaged = Math.log10(1 + engagement);
  const conversation = Math.log10(1 + repliesReceived);
  return { reach, engagement: engaged, conversation, score: reach + engaged + conversation };
}

/** The ranking's order: higher influence first, then the older author (lower id). */
export function topByInfluence<T extends { authorId: number; score: number }>(rows: readonly T[], n: number): T[] {
  return [...rows].sort((a, b) => b.score - a.score || a.authorId - b.authorId).slice(0, n);
}
