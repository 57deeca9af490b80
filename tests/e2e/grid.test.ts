import { afterAll, describe, expect, it } from 'vitest';
import { sourceText } from '../../shared/domain/grid-text';
import { createTranslator } from '../../shared/i18n';
import type { Page } from 'playwright-core';
import { demoBackend } from '../helpers/workspace';
import { closeBrowser, openApp, screenshotPath, screenshotsAtSizes } from './harness';
import { neutralizeFormula } from '../../shared/domain/spreadsheet-cell';

afterAll(closeBrowser);

const countText = (page: Page) => page.getByTestId('message-count').textContent();

describe('the grid: filters, selections, copy and paste (real renderer, real handlers)', () => {
  it('searches the full text with and without accents, and combines filters', async () => {
    const { backend, client } = await demoBackend(1500);
    await client.call('settings.update', { language: 'en' });
    const app = await openApp(backend);
    const { page } = app;
    try {
      const expected = await client.call('messages.count', { filter: { search: 'atención' } });
      expect(expected.total).toBeGreaterThan(0);
      const search = page.getByRole('searchbox');
      await search.fill('atencion');
      await expect
        .poll(() => countText(page))
        .toBe(`${expected.total.toLocaleString('en')} of 1,500 · ${expected.unlabeled.toLocaleString('en')} unlabeled`);
      await search.fill('atención');
      await expect.poll(() => countText(page)).toContain(`${expected.total.toLocaleString('en')} of 1,500`);
      const phrase = await client.call('messages.count', {
        filter: { search: '"atención al cliente"', temperatures: ['unlabeled'] },
      });
      await search.fill('"atención al cliente"');
      await page.getByRole('combobox', { name: 'Temperature' }).selectOption('unlabeled');
      await expect
        .poll(() => countText(page))
        .toBe(`${phrase.total.toLocaleString('en')} of 1,500 · ${phrase.unlabeled.toLocaleString('en')} unlabeled`);
      expect(phrase.total).toBe(phrase.unlabeled);
      // No match is not an empty workspace: it says so, and clears the filters on request.
      await search.fill('zxqwv');
      await expect
        .poll(() => page.getByTestId('no-match').textContent())
        .toBe('No messages match these filters.Clear filters');
      await screenshotsAtSizes(page, 'grid-no-match-en');
      await page.getByRole('button', { name: 'Clear filters' }).click();
      await expect.poll(() => countText(page)).toMatch(/^1,500 messages/);
      expect(await search.inputValue()).toBe('');
      expect(await page.getByRole('combobox', { name: 'Temperature' }).inputValue()).toBe('');
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('counts the filter last chosen when filters change while a count is on its way', async () => {
    const { backend, client } = await demoBackend(1500);
    await client.call('settings.update', { language: 'en' });
    const app = await openApp(backend);
    const { page } = app;
    try {
      await expect.poll(() => countText(page)).toMatch(/^1,500 messages/);
      const angry = await client.call('messages.count', { filter: { temperatures: [-2] } });
      // Two choices a moment apart: the second while the first one's count is still being read.
      await page.getByRole('combobox', { name: 'Temperature' }).evaluate(async (element) => {
        const select = element as HTMLSelectElement;
        const choose = (value: string): void => {
          select.value = value;
          select.dispatchEvent(new Event('change', { bubbles: true }));
        };
        choose('unlabeled');
        await new Promise((resolve) => setTimeout(resolve, 0)); // the grid asks for its count
        choose('-2');
      });
      await expect
        .poll(() => countText(page))
        .toBe(`${angry.total.toLocaleString('en')} of 1,500 · ${angry.unlabeled.toLocaleString('en')} unlabeled`);
      // Settled: nothing later replaces it with the first choice's count.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await countText(page)).toBe(
        `${angry.total.toLocaleString('en')} of 1,500 · ${angry.unlabeled.toLocaleString('en')} unlabeled`,
      );
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('bulk-labels a selection, copies it as TSV and pastes a column of labels', async () => {
    const { backend, client } = await demoBackend(400);
    await client.call('settings.update', { language: 'en', annotator: 'ana' });
    const app = await openApp(backend);
    const { page } = app;
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    try {
      const grid = page.getByRole('grid', { name: 'Messages' });
      await expect.poll(() => grid.locator('[aria-rowindex="2"] .col-text').count()).toBe(1);
      await grid.focus();
      await page.keyboard.press('Shift+ArrowDown');
      await page.keyboard.press('Shift+ArrowDown');
      await expect.poll(() => grid.locator('[aria-selected="true"]').count()).toBe(3);
      await page.keyboard.press('x');
      const first = (await client.call('messages.page', { offset: 0, limit: 4 })).rows;
      expect(first.map((row) => row.kind)).toEqual([
        'spam',
        'spam',
        'spam',
        expect.not.stringMatching(/^spam$/) as unknown as string,
      ]);
      // One action: one undo takes back all three.
      await page.keyboard.press('Control+z');
      await expect
        .poll(
          async () =>
            (await client.call('messages.page', { offset: 0, limit: 3 })).rows.filter((row) => row.kind === 'spam')
              .length,
        )
        .toBe(0);
      // The undo reads the rows again: copy once they are back on screen.
      await expect
        .poll(() =>
          grid
            .locator('[aria-rowindex="2"], [aria-rowindex="3"], [aria-rowindex="4"]')
            .locator('.col-kind')
            .filter({ hasText: 'spam' })
            .count(),
        )
        .toBe(0);
      await expect.poll(() => grid.locator('[aria-rowindex="4"] .col-text').count()).toBe(1);

      await page.keyboard.press('Control+c');
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      const rows = (await client.call('messages.page', { offset: 0, limit: 3 })).rows;
      const lines = copied.split('\r\n');
      expect(lines[0]).toBe(
        'Posted\tSource\tAuthor\tText\tEntities\tTopics\tTemperature\tKind\tCase\tAnnotator\tLabeled',
      );
      expect(lines).toHaveLength(4);
      // Handles and texts from the public that could run as formulas in Excel (@…, =…) carry a leading '.
      expect(lines.slice(1).map((line) => line.split('\t').slice(1, 4))).toEqual(
        rows.map((row) =>
          [sourceText(row.source, createTranslator('en', 'UTC')), row.authorHandle, row.text].map(neutralizeFormula),
        ),
      );

      const paste = (text: string) =>
        page.locator('.grid-body').evaluate((element, data) => {
          const transfer = new DataTransfer();
          transfer.setData('text/plain', data);
          element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true }));
        }, text);
      await paste('muy enfadado\r\n1\r\npositivo\r\n');
      await expect
        .poll(async () =>
          (await client.call('messages.page', { offset: 0, limit: 3 })).rows.map((row) => row.temperature),
        )
        .toEqual([-2, 1, 1]);
      await paste('-1\nfurioso\n2');
      await expect
        .poll(() => page.getByRole('status').filter({ hasText: 'Nothing pasted' }).textContent())
        .toBe('Nothing pasted: line 2: unknown temperature "furioso"');
      expect((await client.call('messages.page', { offset: 0, limit: 3 })).rows.map((row) => row.temperature)).toEqual([
        -2, 1, 1,
      ]);

      // Enter opens the side panel with the whole message and its label history.
      await grid.focus();
      await page.keyboard.press('Enter');
      const panel = page.getByRole('complementary', { name: 'Message' });
      const selectedFirst = (await client.call('messages.page', { offset: 2, limit: 1 })).rows[0];
      await expect.poll(() => panel.getByTestId('panel-text').textContent()).toBe(selectedFirst?.text);
      expect(await panel.getByText('ana', { exact: false }).count()).toBeGreaterThan(0);
      await page.screenshot({ path: screenshotPath('grid-panel.png') });
      await page.keyboard.press('Escape');
      await expect.poll(() => panel.count()).toBe(0);
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
