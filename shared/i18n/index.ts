import type { Language } from '../domain/vocabulary';
import { en, type MessageKey } from './en';
import { es } from './es';

export type { MessageKey };
const CATALOGS: Record<Language, Record<MessageKey, string>> = { en, es };
const LOCALES: Record<Language, string> = { en: 'en-US', es: 'es-ES' };
const PLURAL = /\{(\w+)\|([^|{}]*)\|([^{}]*)\}/g;

/** The UI language for a locale tag such as "es-MX": Spanish for any Spanish, else English. */
export function languageFor(locale: string | undefined): Language {
  return locale?.toLowerCase().startsWith('es') ? 'es' : 'en';
}

export interface Translator {
  language: Language;
  t(key: MessageKey, values?: Record<string, string | number>): string;
  number(value: number, digits?: number): string;
  dateTime(epochMs: number): string;
  date(epochMs: number): string;
  /** A calendar day (YYYY-MM-DD) as the language writes it (29/06/2026, 06/29/2026). */
  day(isoDay: string): string;
}

export function createTranslator(language: Language, timeZone: string): Translator {
  const catalog = CATALOGS[language];
  const locale = LOCALES[language];
  const numbers = new Map<number, Intl.NumberFormat>();
  const dateTime = new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'short', timeStyle: 'short' });
  const date = new Intl.DateTimeFormat(locale, { timeZone, day: '2-digit', month: '2-digit', year: 'numeric' });
  // A day is a day wherever the workspace is: formatted as the UTC midnight that names it.
  const day = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric' });
  const number = (value: number, digits = 0): string => {
    let format = numbers.get(digits);
    if (!format) {
      // es-ES omits the grouping separator below 10,000 by default; analysts expect 1.234.
      format = new Intl.NumberFormat(locale, {
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
        useGrouping: 'always',
      });
      numbers.set(digits, format);
    }
    return format.format(value);
  };
  return {
    language,
    t(key, values) {
      const text = catalog[key];
      if (!values) return text;
      // {count|message|messages}: the word for one, or for any other number.
      return text
        .replace(PLURAL, (_m, name: string, one: string, other: string) => (Number(values[name]) === 1 ? one : other))
        .replace(/\{(\w+)\}/g, (_m, name: string) => {
          const value = values[name];
          return value === undefined ? `{${name}}` : typeof value === 'number' ? number(value) : value;
        });
    },
    number,
    dateTime: (epochMs) => dateTime.format(epochMs),
    date: (epochMs) => date.format(epochMs),
    day: (isoDay) => day.format(Date.parse(`${isoDay}T00:00:00Z`)),
  };
}
