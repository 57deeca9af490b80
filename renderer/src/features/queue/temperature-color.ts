/** The one temperature ramp (the chips' CSS variables), for a temperature rounded to the scale. */
export const temperatureColor = (temperature: number): string =>
  `var(--t${Math.max(-2, Math.min(2, Math.round(temperature)))})`;
