import { describe, expect, it } from 'vitest';
import { createTranslator, languageFor } from '../../../../shared/i18n';
import { en } from '../../../../shared/i18n/en';
import { es } from '../../../../shared/i18n/es';

describe('i18n', () => {
  it('has every key in both languages', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
  });

  it('fills the same values into both languages: a placeholder neither drops nor invents one', () => {
    const names = (text: string): string[] =>
      [...new Set([...text.matchAll(/\{(\w+)[}|]/g)].map((m) => m[1] as string))].sort();
    const differing = (Object.keys(en) as (keyof typeof en)[]).filter(
      (key) => names(en[key]).join() !== names(es[key]).join(),
    );
    expect(differing).toEqual([]);
  });

  it('formats numbers and dates for the language, in the workspace time zone', () => {
    const spanish = createTranslator('es', 'Europe/Madrid');
    const english = createTranslator('en', 'America/New_York');
    expect(spanish.number(1234.5, 1)).toBe('1.234,5');
    expect(english.number(1234.5, 1)).toBe('1,234.5');
    const instant = Date.UTC(2026, 10, 23, 3, 0); // 04:00 in Madrid, 22:00 the day before in New York
    expect(spanish.date(instant)).toBe('23/11/2026');
    expect(english.date(instant)).toBe('11/22/2026');
    expect(spanish.t('grid.count', { count: 12345 })).toBe('12.345 menciones');
  });

  it('says one in the singular and any other number in the plural, in both languages', () => {
    const spanish = createTranslator('es', 'UTC');
    const english = createTranslator('en', 'UTC');
    expect(spanish.t('grid.count', { count: 1 })).toBe('1 mención');
    expect(spanish.t('grid.count', { count: 0 })).toBe('0 menciones');
    expect(english.t('grid.did.undo', { count: 1 })).toBe('Undone: 1 message');
    expect(english.t('grid.filledDown', { count: 2 })).toBe("Filled 2 rows with the first row's label");
    expect(english.t('case.event.messages', { value: '1' })).toBe('1 message added');
    // Every plural stands beside the number it agrees with, both of its forms written.
    for (const catalog of [en, es])
      for (const text of Object.values(catalog))
        for (const [, name, one, other] of text.matchAll(/\{(\w+)\|([^|{}]*)\|([^{}]*)\}/g)) {
          expect(text).toContain(`{${name}}`);
          expect(one && other).toBeTruthy();
        }
  });

  it('names no grid column as a section of the app: one word per concept', () => {
    for (const catalog of [en, es]) {
      const entries = Object.entries(catalog);
      const sections = entries.filter(([key]) => key.startsWith('nav.') && key !== 'nav.label').map(([, text]) => text);
      const columns = entries.filter(([key]) => key.startsWith('grid.col.')).map(([, text]) => text);
      expect(columns.filter((column) => sections.includes(column))).toEqual([]);
    }
  });

  it('follows the OS locale: any Spanish is Spanish, anything else English', () => {
    expect(languageFor('es-MX')).toBe('es');
    expect(languageFor('de-DE')).toBe('en');
    expect(languageFor(undefined)).toBe('en');
  });
});
