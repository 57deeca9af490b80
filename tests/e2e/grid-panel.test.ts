import { afterAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { demoBackend } from '../helpers/workspace';
import { closeBrowser, openApp, screenshotsAtSizes } from './harness';

afterAll(closeBrowser);

/** Right edges, in px, of what must be seen: a locator's box. */
const right = async (locator: Locator): Promise<number> => {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not on screen');
  return box.x + box.width;
};

/** Every temperature chip on screen inside its cell (none spills into the next column). */
async function chipsInsideCells(page: Page): Promise<boolean> {
  return page.locator('.grid-body .col-temperature').evaluateAll((cells) =>
    cells.every((cell) => {
      const chip = cell.querySelector('.chip');
      return !chip || chip.getBoundingClientRect().right <= cell.getBoundingClientRect().right + 0.5;
    }),
  );
}

describe('the grid fits the window, and its side panel follows the cursor (real renderer, real handlers)', () => {
  for (const language of ['es', 'en'] as const) {
    it(`shrinks columns to fit, then narrows beside the panel, which shows each row and label as it comes (${language})`, async () => {
      const { backend, client } = await demoBackend(300);
      // Spanish in the dark theme, English in the light one: the screenshots show both.
      await client.call('settings.update', { language, theme: language === 'es' ? 'dark' : 'light' });
      const app = await openApp(backend);
      const { page } = app;
      const name = language === 'es' ? { grid: 'Menciones', panel: 'Mención' } : { grid: 'Messages', panel: 'Message' };
      try {
        await page.setViewportSize({ width: 1280, height: 720 });
        const grid = page.getByRole('grid', { name: name.grid });
        const body = page.locator('.grid-body');
        await expect.poll(() => grid.locator('[aria-rowindex="2"] .col-text').count()).toBe(1);
        // Every column on screen at 1280 px, none scrolled off to the right, no chip spilling.
        const header = page.locator('.virtual-header [role="columnheader"]');
        expect(await header.count()).toBe(11);
        const bodyRight = await right(body);
        expect(await right(header.last())).toBeLessThanOrEqual(bodyRight + 0.5);
        expect(await body.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
        expect(await chipsInsideCells(page)).toBe(true);
        // Header and rows line up, the scrollbar's gutter included.
        const firstRowTemperature = grid.locator('[aria-rowindex="2"] .col-temperature');
        expect(await right(firstRowTemperature)).toBeCloseTo(await right(header.nth(6)), 0);

        const rows = (await client.call('messages.page', { offset: 0, limit: 3 })).rows;
        await grid.focus();
        await page.keyboard.press('Enter');
        const panel = page.getByRole('complementary', { name: name.panel });
        await expect.poll(() => panel.getByTestId('panel-text').textContent()).toBe(rows[0]?.text);
        // The panel narrows the grid: the label columns stay in view beside it.
        const panelLeft = (await panel.boundingBox())?.x ?? 0;
        expect(await right(header.nth(6))).toBeLessThanOrEqual(panelLeft + 0.5);
        expect(await right(header.nth(7))).toBeLessThanOrEqual(panelLeft + 0.5);
        expect(await chipsInsideCells(page)).toBe(true);

        // The cursor moves: the panel shows its row.
        await page.keyboard.press('ArrowDown');
        await expect.poll(() => panel.getByTestId('panel-text').textContent()).toBe(rows[1]?.text);
        // A label on it (the cursor moves on, and the panel with it); back up, its chip and history show the label.
        await page.keyboard.press('1');
        await expect.poll(() => panel.getByTestId('panel-text').textContent()).toBe(rows[2]?.text);
        await page.keyboard.press('ArrowUp');
        await expect
          .poll(() => panel.getByTestId('panel-label').locator('.chip').getAttribute('data-temperature'))
          .toBe('-2');
        const history = panel.getByTestId('panel-history').locator('li');
        await expect.poll(() => history.first().textContent()).toMatch(/-2 \//);
        await screenshotsAtSizes(page, `grid-panel-${language}`);
        // Undone, the panel says so at once: the chip as it was, the label struck through in the history.
        await page.keyboard.press('Control+z');
        await expect
          .poll(() => panel.getByTestId('panel-label').locator('.chip').getAttribute('data-temperature'))
          .toBe(rows[1]?.temperature === null ? null : String(rows[1]?.temperature));
        await expect.poll(() => history.first().getAttribute('class')).toBe('undone');
        await page.keyboard.press('Escape');
        await expect.poll(() => panel.count()).toBe(0);
        // A paste that is no column of labels is refused in the UI's language, naming its line.
        await page.locator('.grid-body').evaluate((element) => {
          const transfer = new DataTransfer();
          transfer.setData('text/plain', '-1\nfurioso');
          element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true }));
        });
        await expect
          .poll(() => page.getByRole('status').last().textContent())
          .toBe(
            language === 'es'
              ? 'No se ha pegado nada: línea 2: temperatura desconocida «furioso»'
              : 'Nothing pasted: line 2: unknown temperature "furioso"',
          );
        await screenshotsAtSizes(page, `grid-fit-${language}`);
        expect(app.errors).toEqual([]);
      } finally {
        await app.close();
      }
    });
  }
});
