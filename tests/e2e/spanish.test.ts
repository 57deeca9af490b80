import { afterAll, describe, expect, it } from 'vitest';
import { en } from '../../shared/i18n/en';
import { es } from '../../shared/i18n/es';
import { demoBackend } from '../helpers/workspace';
import { closeBrowser, openApp } from './harness';

afterAll(closeBrowser);

/**
 * The English catalogue's texts a Spanish screen must not show: each one that differs from its Spanish, cut at its
 * placeholders, the pieces long enough to be part of a sentence (a word such as "Leads" is both languages').
 */
function englishPieces(): { key: string; piece: string }[] {
  const pieces: { key: string; piece: string }[] = [];
  for (const [key, text] of Object.entries(en)) {
    if (text === es[key as keyof typeof es]) continue;
    for (const piece of text.split(/\{\w+\}/)) {
      const trimmed = piece.trim();
      if (trimmed.length >= 12 && /[a-z]{3}/.test(trimmed) && !Object.values(es).some((s) => s.includes(trimmed)))
        pieces.push({ key, piece: trimmed });
    }
  }
  return pieces;
}

const DATA_WORDS = /\b(billing|technical|coverage|contract|female|male|unknown|unlabeled|import|rematch|report)\b:?/g;

describe('the app in Spanish', () => {
  it('shows no text of the English catalogue on any screen, tab or dialog', async () => {
    const { backend, client } = await demoBackend(1500);
    await client.call('settings.update', { language: 'es' });
    const app = await openApp(backend, { now: new Date('2026-09-30T10:00:00Z') });
    const { page } = app;
    const pieces = englishPieces();
    expect(pieces.length).toBeGreaterThan(300);
    const found: string[] = [];
    /** What the screen shows and says: its text, and the names, titles and placeholders of its controls. */
    const check = async (where: string): Promise<void> => {
      const shown = await page.evaluate(() =>
        [
          // The public's own words (a message in English) are theirs to write: left out.
          [...document.querySelectorAll('.col-text, .queue-text, .full-text, .panel li div')].reduce(
            (text, element) => text.replace((element as HTMLElement).innerText, ''),
            document.body.innerText,
          ),
          ...[...document.querySelectorAll('[title], [aria-label], [placeholder]')]
            .filter((el) => !el.matches('.col-text, .queue-text'))
            .flatMap((el) => ['title', 'aria-label', 'placeholder'].map((name) => el.getAttribute(name) ?? '')),
        ].join('\n'),
      );
      for (const { key, piece } of pieces) if (shown.includes(piece)) found.push(`${where}: ${key} "${piece}"`);
      // Short words the data keeps in English (case types, sex, placeholders) and job names, said in Spanish.
      for (const word of shown.match(DATA_WORDS) ?? []) found.push(`${where}: "${word}"`);
    };
    try {
      const rail = page.getByRole('navigation');
      for (const section of [
        'Etiquetado',
        'Cola',
        'Panel',
        'Leads',
        'Informes',
        'Importar',
        'Seguimiento',
        'Ajustes',
      ]) {
        await rail.getByRole('button', { name: section }).click();
        await page.waitForTimeout(600);
        await check(section);
        for (const tab of await page.getByRole('tab').all()) {
          await tab.click();
          await page.waitForTimeout(300);
          await check(`${section} ▸ ${await tab.textContent()}`);
        }
      }
      await rail.getByRole('button', { name: 'Etiquetado' }).click();
      await page.keyboard.press('?');
      await check('Atajos');
      expect(found).toEqual([]);
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
