import type { Language } from '../domain/vocabulary';
import { en, type MessageKey } from './en';
import { es } from './es';
import { fill, LOCALES, numberFormat } from './fill';

export type { MessageKey };
export { languageFor } from './fill';
const CATALOGS: Record<Language, Record<MessageKey, string>> = { en, es };

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
    if (!format) numbers.set(digits, (format = numberFormat(language, digits)));
    return format.format(value);
  };
  return {
    language,
    t: (key, values) => fill(catalog[key], values, number),
    number,
    dateTime: (epochMs) => dateTime.format(epochMs),
    date: (epochMs) => date.format(epochMs),
    day: (isoDay) => day.format(Date.parse(`${isoDay}T00:00:00Z`)),
  };
}
