import ExcelJS from 'exceljs';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chartPng, defaultFontFile } from '../../electron/backend/reports/chart-png';
import { tempFolder } from '../helpers/files';
import { testBackend } from '../helpers/workspace';
import { closeBrowser, openApp, screenshotsAtSizes } from './harness';

afterAll(closeBrowser);

describe('the Reports screen (real renderer, real handlers, real worker)', () => {
  it('writes a deck for the period chosen with progress, says what it wrote, and lists it', async () => {
    const folder = tempFolder();
    let next = '';
    const opened = testBackend(undefined, { chooseFile: async () => next });
    const demo = await opened.client.runJob('demo.create', { messages: 2000 });
    if (demo.state !== 'finished') throw new Error(demo.message);
    await opened.client.call('settings.update', { language: 'en' });
    // In the demo's last quarter: This quarter is the one with its messages.
    const app = await openApp(opened.backend, { now: new Date('2026-09-20T12:00:00Z') });
    const { page } = app;
    try {
      await page.getByRole('button', { name: 'Reports' }).click();
      await page.getByRole('button', { name: 'This quarter' }).click();
      await page.getByRole('checkbox', { name: 'Demographics' }).uncheck();
      // The cover's name and logo, kept for the next decks.
      next = join(folder, 'logo.png');
      writeFileSync(next, chartPng({ title: { text: 'LUMEN' } }, { width: 300, height: 100 }, defaultFontFile()));
      await page.getByRole('button', { name: 'Choose a logo…' }).click();
      await expect.poll(() => page.getByRole('img', { name: 'Logo' }).count()).toBe(1);
      await page.getByRole('textbox', { name: 'Name' }).fill('Lumen Móvil');
      await page.getByRole('textbox', { name: 'Name' }).blur();
      await expect.poll(async () => (await opened.client.call('reports.branding', {})).name).toBe('Lumen Móvil');
      next = join(folder, 'deck.xlsx');
      await page.getByRole('button', { name: 'Write deck…' }).click();
      await expect
        .poll(() => page.getByTestId('report-written').textContent(), { timeout: 30_000 })
        .toMatch(/^deck\.xlsx written: 8 sheets, [1-9]\d* native charts, in [\d.]+ s\./);
      expect(existsSync(next)).toBe(true);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(next);
      expect(workbook.worksheets.map((s) => s.name)).not.toContain('Demographics');
      expect(String(workbook.getWorksheet('Summary')?.getCell('A2').value)).toMatch(/^Lumen Móvil · /);
      await expect.poll(() => page.getByRole('table', { name: 'Recent decks' }).textContent()).toContain('deck.xlsx');
      // The job's toast leaves it to the screen's own bar.
      expect(await page.locator('.jobs .job').count()).toBe(0);
      await screenshotsAtSizes(page, 'reports-en');

      next = join(folder, 'deck.pptx');
      await page.getByRole('navigation').getByRole('combobox', { name: 'Language' }).selectOption('es');
      // The deck's language follows the app's.
      expect(
        await page.getByRole('region', { name: 'Informes' }).getByRole('combobox', { name: 'Idioma' }).inputValue(),
      ).toBe('es');
      await page.getByRole('radio', { name: 'Presentación de PowerPoint (.pptx)' }).check();
      await page.getByRole('button', { name: 'Crear informe…' }).click();
      await expect
        .poll(() => page.getByTestId('report-written').textContent(), { timeout: 30_000 })
        .toMatch(/^deck\.pptx creado: \d+ diapositivas, [1-9]\d* gráficos nativos/);
      await expect
        .poll(() => page.getByRole('table', { name: 'Informes recientes' }).locator('tbody tr').count())
        .toBe(2);
      expect((await opened.client.call('reports.list', {}))[0]).toMatchObject({ format: 'pptx', language: 'es' });
      await screenshotsAtSizes(page, 'reports-es');

      // What the back end refuses is said in the UI's language too, naming the file.
      next = join(folder, 'grande.png');
      writeFileSync(next, Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.alloc(1_100_000)]));
      await page.getByRole('button', { name: 'Cambiar el logotipo…' }).click();
      await expect
        .poll(() => page.locator('.branding [role=alert]').textContent())
        .toBe('El logotipo grande.png ocupa más de 1 MB: elige una imagen más pequeña');
      next = join(folder, 'carpeta.pptx');
      mkdirSync(next);
      await page.getByRole('button', { name: 'Crear informe…' }).click();
      await expect
        .poll(() => page.locator('.reports-screen > [role=alert]').textContent())
        .toBe(`El informe: ${next} es una carpeta; indica un nombre de archivo`);
      await screenshotsAtSizes(page, 'reports-refused-es');
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
