import type { Language } from '../domain/vocabulary';

export const LOCALES: Record<Language, string> = { en: 'en-US', es: 'es-ES' };
const PLURAL = /\{(\w+)\|([^|{}]*)\|([^{}]*)\}/g;

/** The UI language for a locale tag such as "es-MX": Spanish for any Spanish, else English. */
export function languageFor(locale: string | undefined): Language {
  return locale?.toLowerCase().startsWith('es') ? 'es' : 'en';
}

/** Whole or `digits`-decimal numbers as the language writes them. */
export function numberFormat(language: Language, digits = 0): Intl.NumberFormat {
  // es-ES omits the grouping separator below 10,000 by default; analysts expect 1.234.
  return new Intl.NumberFormat(LOCALES[language], {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    useGrouping: 'always',
  });
}

/** A catalog's text with `values` put in: {name}, numbers as `number` writes them; {count|one|other} by the count. */
export function fill(
  text: string,
  values: Record<string, string | number> | undefined,
  number: (value: number) => string,
): string {
  if (!values) return text;
  return text
    .replace(PLURAL, (_m, name: string, one: string, other: string) => (Number(values[name]) === 1 ? one : other))
    .replace(/\{(\w+)\}/g, (_m, name: string) => {
      const value = values[name];
      return value === undefined ? `{${name}}` : typeof value === 'number' ? number(value) : value;
    });
}
