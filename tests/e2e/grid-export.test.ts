import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempFolder } from '../helpers/files';
import { testBackend } from '../helpers/workspace';
import { closeBrowser, openApp, screenshotsAtSizes } from './harness';

afterAll(closeBrowser);

describe('searching and exporting the grid (real renderer, real handlers)', () => {
  it('writes the messages the grid shows, with its filter and columns, to a workbook', async () => {
    const path = join(tempFolder(), 'menciones.xlsx');
    const { backend, client } = testBackend(undefined, { chooseFile: async () => path });
    expect((await client.runJob('demo.create', { messages: 800 })).state).toBe('finished');
    await client.call('settings.update', { language: 'en' });
    const expected = await client.call('messages.count', { filter: { search: 'roaming' } });
    const app = await openApp(backend);
    const { page } = app;
    try {
      await page.getByRole('searchbox').first().fill('roaming');
      await expect
        .poll(() => page.getByTestId('message-count').textContent())
        .toMatch(new RegExp(`^${expected.total} of 800`));
      // The search's matches are marked in the text column.
      const marks = page.getByRole('grid', { name: 'Messages' }).locator('mark');
      await expect.poll(() => marks.count()).toBeGreaterThan(0);
      expect((await marks.allTextContents()).every((text) => text.toLowerCase() === 'roaming')).toBe(true);
      // And in the side panel's whole text.
      await page.getByRole('grid', { name: 'Messages' }).focus();
      await page.keyboard.press('Enter');
      const panelMarks = page.getByRole('complementary', { name: 'Message' }).getByTestId('panel-text').locator('mark');
      await expect.poll(() => panelMarks.count()).toBeGreaterThan(0);
      expect((await panelMarks.allTextContents()).every((text) => text.toLowerCase() === 'roaming')).toBe(true);
      await screenshotsAtSizes(page, 'grid-search-en');
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Export…' }).click();
      await expect
        .poll(() => page.getByRole('status').last().textContent())
        .toBe(`${expected.total} messages written to menciones.xlsx`);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(path);
      const sheet = workbook.worksheets[0];
      expect(sheet?.rowCount).toBe(expected.total + 1);
      expect(sheet?.getRow(1).getCell(1).value).toBe('Posted');
      for (let row = 2; row <= (sheet?.rowCount ?? 0); row++)
        expect(String(sheet?.getRow(row).getCell(4).value).toLowerCase()).toContain('roaming');
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
