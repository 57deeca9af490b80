/** The five-point temperature scale of DESIGN.md; unlabeled is null, never 0. */
export const TEMPERATURES = [-2, -1, 0, 1, 2] as const;
export type Temperature = (typeof TEMPERATURES)[number];

/** Each temperature's name in the UI strings (i18n message keys). */
export const TEMPERATURE_LABELS = {
  '-2': 'temperature.veryAngry',
  '-1': 'temperature.angry',
  '0': 'temperature.neutral',
  '1': 'temperature.happy',
  '2': 'temperature.veryHappy',
} as const satisfies Record<`${Temperature}`, string>;

export function isTemperature(value: unknown): value is Temperature {
  return typeof value === 'number' && (TEMPERATURES as readonly number[]).includes(value);
}

/** The point of the scale nearest a mean temperature (a customer's mood, an idea's): what its chip and colour show. */
export function nearestTemperature(mean: number): Temperature;
export function nearestTemperature(mean: number | null): Temperature | null;
export function nearestTemperature(mean: number | null): Temperature | null {
  return mean === null ? null : (Math.max(-2, Math.min(2, Math.round(mean))) as Temperature);
}
