import iconv from 'iconv-lite';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fingerprint, protectedNorthwind, tempFolder, writeEncoded } from '../helpers/files';
import { meltwaterExport } from '../helpers/listening-exports';
import { testBackend } from '../helpers/workspace';
import { closeBrowser, openApp, screenshotPath, screenshotsAtSizes } from './harness';

afterAll(closeBrowser);

const SPANISH_CSV = [
  'Fecha;Usuario;Red social;Texto;Sentimiento;Tipo;Me gusta',
  '05/03/2026 14:30;@lucia;Twitter;Pésima atención, llevo días sin fibra;muy enfadado;queja;1.234',
  '25/03/2026 09:05;@jordi;Facebook;La factura de marzo, perfecta;contento;opinión;3',
  '26/03/2026 18:00;@lucia;Instagram;¿Alguien sabe el precio?;;;0',
].join('\r\n');

/** The app on a new workspace (Madrid, English) whose file dialog answers `file`, with the wizard opened on it. */
async function wizardOn(file: string) {
  // The OS file dialog is the shell's; here it answers with our file.
  const opened = testBackend(undefined, { chooseFile: async () => file });
  await opened.client.call('settings.update', { timeZone: 'Europe/Madrid', language: 'en' });
  const app = await openApp(opened.backend);
  await app.page
    .getByRole('button', { name: /Import/ })
    .first()
    .click();
  await app.page.getByRole('button', { name: 'Choose a file…' }).click();
  return { opened, app, page: app.page };
}

describe('the import wizard (real renderer, real handlers, real worker)', () => {
  it('says in its summary when the file was imported before and when its dates look wrong, in English and Spanish', async () => {
    const path = writeEncoded(
      join(tempFolder(), 'fechas.csv'),
      'fecha;usuario;texto\n25/03/0050 10:00;@ana;año cincuenta\n25/03/2026 10:00;@luis;normal\n',
      'utf8',
    );
    const { opened, app, page } = await wizardOn(path);
    try {
      await expect.poll(() => page.getByRole('status').filter({ hasText: 'Rows dated before 1990' }).count()).toBe(1);
      await page.getByRole('button', { name: 'Import file' }).click();
      await expect
        .poll(() => page.getByTestId('implausible-dates').textContent(), { timeout: 20_000 })
        .toBe('Rows dated before 1990 or more than a day ahead: 1. They are kept as the file says; check its dates');
      expect(await page.getByTestId('same-file').count()).toBe(0);
      await page.getByRole('button', { name: 'Import another file' }).click();
      await page.getByRole('button', { name: 'Choose a file…' }).click();
      await page.getByRole('button', { name: 'Import file' }).click();
      await expect
        .poll(() => page.getByTestId('same-file').textContent(), { timeout: 20_000 })
        .toBe('This same file was imported before (batch #1): its rows already there are counted as duplicates');
      // Its rows were all there: none brought, none with a date to check.
      expect(await page.getByTestId('implausible-dates').count()).toBe(0);
      await screenshotsAtSizes(page, 'import-summary-en');
      await page.getByRole('combobox', { name: 'Language' }).selectOption('es');
      await expect
        .poll(() => page.getByTestId('same-file').textContent())
        .toContain('Este mismo archivo ya se importó antes (lote #1)');
      await screenshotsAtSizes(page, 'import-summary-es');
      expect((await opened.client.call('workspace.info', {})).counts.importBatches).toBe(2);
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('says what undoing a batch takes and keeps before it does it, in English and Spanish', async () => {
    const folder = tempFolder();
    const path = writeEncoded(join(folder, 'a.csv'), SPANISH_CSV, 'utf8');
    const more = writeEncoded(
      join(folder, 'b.csv'),
      `${SPANISH_CSV}\r\n27/03/2026 10:00;@nuevo;Twitter;Otra;;;0`,
      'utf8',
    );
    const opened = testBackend();
    await opened.client.call('settings.update', { timeZone: 'Europe/Madrid', language: 'en' });
    for (const file of [path, more]) {
      const end = await opened.client.runJob('import.start', { path: file, dateOrder: 'dmy' });
      expect(end.state).toBe('finished');
    }
    const [newest] = (await opened.client.call('messages.page', { offset: 0, limit: 1 })).rows;
    await opened.client.call('labels.set', { ids: [newest?.id as number], temperature: 2 });
    const app = await openApp(opened.backend);
    const page = app.page;
    try {
      await page
        .getByRole('button', { name: /Import/ })
        .first()
        .click();
      const row = (batch: number) =>
        page.getByRole('row').filter({ has: page.getByRole('cell', { name: `${batch}`, exact: true }) });
      await row(2).getByRole('button', { name: 'Undo' }).click();
      await expect
        .poll(() => row(2).getByRole('alert').textContent())
        .toBe(
          'Remove batch 2? It takes 1 message, 1 label analysts gave them since. 3 messages stay: another batch brought them too.',
        );
      await screenshotsAtSizes(page, 'import-undo-en');
      await page.getByRole('combobox', { name: 'Language' }).selectOption('es');
      await expect.poll(() => row(2).getByRole('alert').textContent()).toContain('Se quedan 3 menciones');
      await screenshotsAtSizes(page, 'import-undo-es');
      await row(2).getByRole('button', { name: 'Deshacer' }).click();
      await expect
        .poll(() => page.getByRole('status').first().textContent())
        .toBe('Lote 2 deshecho: 1 mención eliminada');
      expect((await opened.client.call('workspace.info', {})).counts.messages).toBe(3);
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('asks a research corpus without dates for one time, says which guessed column it left out, and imports it', async () => {
    const path = writeEncoded(
      join(tempFolder(), 'corpus.tsv'),
      [
        'id\ttexto\tpolaridad\tType',
        '1\t"Hola" me dijo el técnico, y se fue sin arreglar nada\tN+\tPhoto',
        '2\tMe encanta el "nuevo" plan de datos, por fin rápido\tP+\tLink',
        '3\tNo sé qué pensar del cambio de tarifa de este mes\tNEU\tPhoto',
        '4\tLa tienda de Sol, regular tirando a mala\tregular\tPhoto',
        '',
      ].join('\n'),
      'utf8',
    );
    const { opened, app, page } = await wizardOn(path);
    try {
      await expect
        .poll(() => page.getByTestId('dropped-guess').textContent())
        .toContain('Column "Type" looked like Kind');
      expect(await page.getByRole('button', { name: 'Import file' }).isDisabled()).toBe(true);
      expect(await page.getByTestId('row-count').textContent()).toBe('4 rows');
      // Each label value as written, with what it becomes; one the wizard does not know, the user says.
      const becomes = (value: string) => page.getByRole('combobox', { name: `What “${value}” becomes` });
      await expect.poll(() => becomes('NEU').inputValue()).toBe('0');
      expect(await becomes('N+').inputValue()).toBe('-2');
      expect(await becomes('regular').inputValue()).toBe('?');
      await becomes('regular').selectOption('-1');
      await expect.poll(() => becomes('regular').inputValue()).toBe('-1');
      await page.getByRole('textbox', { name: 'Time of the rows without one' }).fill('2019-06-30');
      await page.getByRole('textbox', { name: 'Time of the rows without one' }).blur();
      await expect.poll(() => page.getByRole('button', { name: 'Import file' }).isDisabled()).toBe(false);
      await screenshotsAtSizes(page, 'import-corpus-en');
      await page.getByRole('navigation').getByRole('combobox', { name: 'Language' }).selectOption('es');
      await expect.poll(() => page.getByTestId('dropped-guess').textContent()).toContain('La columna "Type" parecía');
      await screenshotsAtSizes(page, 'import-corpus-es');
      await page.getByRole('button', { name: 'Importar archivo' }).click();
      await expect
        .poll(() => page.getByTestId('import-summary').textContent(), { timeout: 20_000 })
        .toMatch(/^4 nuevas/);
      const rows = (await opened.client.call('messages.page', { offset: 0, limit: 5 })).rows;
      expect(rows.map((m) => m.temperature).sort()).toEqual([-1, -2, 0, 2]);
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('offers a CRM export of deals as deals, imports it matched to the leads, and says what is left to match', async () => {
    const { opened, app, page } = await wizardOn(join(import.meta.dirname, '../../resources/demo/crm-deals.csv'));
    try {
      // The leads the export's deals belong to: the demo's.
      expect((await opened.client.runJob('demo.create', {})).state).toBe('finished');
      const offer = page.getByTestId('deals-import');
      await expect.poll(() => offer.textContent()).toContain('This looks like a CRM export of deals');
      await screenshotsAtSizes(page, 'import-deals-en');
      await offer.getByRole('button', { name: 'Import as CRM deals' }).click();
      await expect
        .poll(() => offer.textContent())
        .toBe('Deals: 3 new, 0 updated, 4 unchanged; 2 matched to leads, 1 to match by hand (Leads ▸ Deals to match).');
      expect((await opened.client.call('leads.deals', { state: 'unmatched' })).map((d) => d.dealId)).toEqual([
        'CRM-3000',
      ]);
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('asks the currency of a deals export that names none, and says which its amounts were taken in', async () => {
    // Salesforce Data Loader's Opportunity extract (../shared/datasets/crm-exports, BSD 3-Clause): no currency column.
    const extract = resolve('../shared/datasets/crm-exports/salesforce_dataloader_opportunityData.csv');
    const { opened, app, page } = await wizardOn(extract);
    try {
      const offer = page.getByTestId('deals-import');
      const currency = offer.getByLabel('Currency of the amounts');
      await expect.poll(() => currency.isVisible()).toBe(true);
      await currency.fill('us');
      expect(await offer.getByRole('button', { name: 'Import as CRM deals' }).isDisabled()).toBe(true);
      await currency.fill('usd');
      expect(await currency.inputValue()).toBe('USD');
      await page.getByRole('navigation').getByRole('combobox', { name: 'Language' }).selectOption('es');
      await screenshotsAtSizes(page, 'import-deals-currency-es');
      await offer.getByRole('button', { name: 'Importar como ventas del CRM' }).click();
      await expect.poll(() => offer.textContent()).toContain('Los importes sin moneda se tomaron en USD.');
      expect(new Set((await opened.client.call('leads.deals', {})).map((deal) => deal.currency))).toEqual(
        new Set(['USD']),
      );
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it("warns of a text column empty in most rows read (a CRM's accounts export), in both languages", async () => {
    // Salesforce Data Loader's Account extract (../shared/datasets/crm-exports, BSD 3-Clause): companies, not messages.
    const extract = resolve('../shared/datasets/crm-exports/salesforce_dataloader_accountData.csv');
    const { app, page } = await wizardOn(extract);
    try {
      const warning = page.getByTestId('empty-text');
      await expect
        .poll(() => warning.textContent())
        .toBe(
          'The column "DESCRIPTION", taken for the message text, is empty in 418 of the 423 rows read: is this a file of messages? Choose the text\'s column below',
        );
      await screenshotsAtSizes(page, 'import-empty-text-en');
      await page.getByRole('navigation').getByRole('combobox', { name: 'Language' }).selectOption('es');
      await expect.poll(() => warning.textContent()).toMatch(/^La columna «DESCRIPTION», tomada como texto/);
      await screenshotsAtSizes(page, 'import-empty-text-es');
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it("reads Meltwater's export as the tool writes it, its Not Rated as no label, in both languages", async () => {
    const { opened, app, page } = await wizardOn(meltwaterExport(tempFolder()));
    try {
      await expect.poll(() => page.getByLabel('Text', { exact: true }).inputValue()).toBe('Hit Sentence');
      expect(await page.getByLabel('Author handle', { exact: true }).inputValue()).toBe('Influencer');
      const notRated = page.getByRole('combobox', { name: 'What “Not Rated” becomes' });
      await expect.poll(() => notRated.inputValue()).toBe('');
      expect(await notRated.locator('option:checked').textContent()).toBe('unlabeled');
      expect(await page.getByRole('combobox', { name: 'What “Reddit” becomes' }).inputValue()).toBe('forum');
      await screenshotsAtSizes(page, 'import-meltwater-en');
      await page.getByRole('navigation').getByRole('combobox', { name: 'Language' }).selectOption('es');
      const sinValorar = page.getByRole('combobox', { name: 'En qué se convierte «Not Rated»' });
      await expect.poll(() => sinValorar.locator('option:checked').textContent()).toBe('sin etiquetar');
      // Networks are named as the grid names them, in the values and in the preview.
      const reddit = page.getByRole('combobox', { name: 'En qué se convierte «Reddit»' });
      expect(await reddit.locator('option:checked').textContent()).toBe('Foro');
      const preview = page.getByRole('table', { name: /^Vista previa/ });
      expect(await preview.getByRole('row').nth(4).textContent()).toContain(
        'Anyone tried Lumen roaming?17/11/25, 8:00u/carlForo',
      );
      await screenshotsAtSizes(page, 'import-meltwater-es');
      await page.getByRole('button', { name: 'Importar archivo' }).click();
      await expect
        .poll(() => page.getByTestId('import-summary').textContent(), { timeout: 20_000 })
        .toBe('4 nuevas, 0 duplicadas, 0 rechazadas');
      expect((await opened.client.call('workspace.info', {})).counts).toMatchObject({ messages: 4, labels: 3 });
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it("offers an ads report as what it is, and takes its spend as the cost model's ads for its days", async () => {
    // Facebook Ads Manager's export (../shared/datasets/social-exports, trial-promoter-app's test fixtures).
    const report = resolve('../shared/datasets/social-exports/facebook_ads_manager.csv');
    const { opened, app, page } = await wizardOn(report);
    try {
      const offer = page.getByTestId('ads-import');
      await expect.poll(() => offer.textContent()).toContain('This looks like an ads report');
      // Its header names the currency (Amount Spent (USD)): nothing to ask.
      expect(await offer.getByRole('textbox').count()).toBe(0);
      await screenshotsAtSizes(page, 'import-ads-en');
      await offer.getByRole('button', { name: 'Take as ads spend' }).click();
      const entry = async () => opened.client.call('costs.entry', { from: '2017-04-19', to: '2017-07-19' });
      await expect.poll(async () => (await entry())?.ads).toBeGreaterThan(4000);
      const ads = ((await entry())?.ads ?? 0).toLocaleString('en', { minimumFractionDigits: 2 });
      await expect
        .poll(() => offer.textContent())
        .toBe(
          `Ads: ${ads} USD from 04/19/2017 to 07/19/2017 (535 rows), now the cost model’s ads for those days (Leads ▸ ROI).`,
        );
      expect(await opened.client.call('workspace.info', {})).toMatchObject({ counts: { messages: 0 } });
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('names the line of a file that mixes encodings, and imports it once the user chooses its encoding', async () => {
    const folder = tempFolder();
    const path = join(folder, 'mezcla.csv');
    const utf8 = (i: number) => Buffer.from(`2026-03-0${(i % 9) + 1} 10:00;@ana${i};la atención número ${i}\n`);
    const rows = Array.from({ length: 1500 }, (_, i) =>
      i === 1200 ? iconv.encode('2026-03-05 10:00;@eva;sin conexión\n', 'win1252') : utf8(i),
    );
    writeFileSync(path, Buffer.concat([Buffer.from('fecha;usuario;texto\n'), ...rows]));
    const { opened, app, page } = await wizardOn(path);
    try {
      const encoding = page.getByLabel('Encoding');
      // The wizard's first look reaches the line: it says which, and offers the encoding beside it.
      await expect
        .poll(() => page.getByRole('alert').first().textContent(), { timeout: 20_000 })
        .toContain('mezcla.csv: line 1202 has bytes that are not UTF-8');
      await screenshotsAtSizes(page, 'import-encoding-en');
      await page.getByRole('navigation').getByRole('combobox', { name: 'Language' }).selectOption('es');
      await expect
        .poll(() => page.getByRole('alert').first().textContent())
        .toContain('mezcla.csv: la línea 1202 tiene bytes que no son UTF-8');
      await screenshotsAtSizes(page, 'import-encoding-es');
      await page.getByRole('navigation').getByRole('combobox', { name: 'Idioma' }).selectOption('en');
      await encoding.selectOption('windows1252');
      await expect.poll(() => encoding.inputValue()).toBe('windows1252');
      await page.getByRole('button', { name: 'Import file' }).click();
      await expect
        .poll(() => page.getByTestId('import-summary').textContent(), { timeout: 20_000 })
        .toBe('1,500 new, 0 duplicate, 0 rejected');
      expect((await opened.client.call('workspace.info', {})).counts.messages).toBe(1500);
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it("says why a file cannot be read in the UI's language, and says it again when the language changes", async () => {
    const path = join(tempFolder(), 'vacío.csv');
    writeFileSync(path, '');
    const { app, page } = await wizardOn(path);
    try {
      const said = () => page.getByRole('alert').first().locator('pre').textContent();
      await expect.poll(said, { timeout: 20_000 }).toBe('vacío.csv is empty (0 bytes)');
      await page.getByRole('navigation').getByRole('combobox', { name: 'Language' }).selectOption('es');
      await expect.poll(said).toBe('vacío.csv está vacío (0 bytes)');
      await screenshotsAtSizes(page, 'import-file-problem-es');
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('picks a file, shows the mapping and preview, imports with a summary and opens the batch', async () => {
    const folder = tempFolder();
    const { opened, app, page } = await wizardOn(writeEncoded(join(folder, 'menciones.csv'), SPANISH_CSV, 'win1252'));
    try {
      await expect.poll(() => page.getByLabel('Posted at').inputValue()).toBe('Fecha');
      expect(await page.getByLabel('Temperature', { exact: true }).inputValue()).toBe('Sentimiento');
      // Named in either language: the test switches to Spanish and back.
      const preview = page.getByRole('table', { name: /^Preview|^Vista previa/ });
      await expect.poll(() => preview.getByRole('row').count()).toBe(4);
      expect(await preview.getByRole('row').nth(1).textContent()).toContain('1,234');
      // Changing the mapping marks cells that would not import: Kind read from the text column.
      await page.getByLabel('Kind', { exact: true }).selectOption('Texto');
      await expect.poll(() => preview.locator('[aria-invalid="true"]').count()).toBe(3);
      const unread = preview.locator('[aria-invalid="true"]').first();
      expect(await unread.textContent()).toBe('unknown kind "Pésima atención, llevo días sin fibra"');
      // Why a cell cannot be read is said in the UI's language.
      await page.getByRole('navigation').getByRole('combobox', { name: 'Language' }).selectOption('es');
      await expect.poll(() => unread.textContent()).toBe('tipo desconocido «Pésima atención, llevo días sin fibra»');
      await screenshotsAtSizes(page, 'import-preview-errors-es');
      await page.getByRole('navigation').getByRole('combobox', { name: 'Idioma' }).selectOption('en');
      await expect.poll(() => unread.textContent()).toMatch(/^unknown kind/);
      await page.getByLabel('Kind', { exact: true }).selectOption('Tipo');
      await expect.poll(() => preview.locator('[aria-invalid="true"]').count()).toBe(0);
      await page.screenshot({ path: screenshotPath('import-wizard.png') });

      await page.getByRole('button', { name: 'Import file' }).click();
      await expect
        .poll(() => page.getByTestId('import-summary').textContent(), { timeout: 20_000 })
        .toBe('3 new, 0 duplicate, 0 rejected');
      await page.getByRole('button', { name: 'Open the imported messages' }).click();
      await expect.poll(() => page.getByTestId('message-count').textContent()).toBe('3 messages');
      expect(await page.getByRole('button', { name: /Import batch 1/ }).isVisible()).toBe(true);
      const { counts } = await opened.client.call('workspace.info', {});
      expect([counts.messages, counts.labels, counts.importBatches]).toEqual([3, 2, 1]);
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('takes the header from the row the user names when the guess is wrong, and goes back to the guess', async () => {
    const folder = tempFolder();
    // A row of column codes above the names: as full as a header, so the guess takes it.
    const file = writeEncoded(
      join(folder, 'codigos.csv'),
      [
        'C1;C2;C3',
        '',
        'Fecha;Usuario;Texto',
        '25/03/2026 10:00;@ana;el router no funciona',
        '26/03/2026 11:00;@luis;gracias por la factura',
      ].join('\n'),
      'utf8',
    );
    const { app, page } = await wizardOn(file);
    try {
      const headerRow = page.getByLabel('Column names on row');
      await expect.poll(() => headerRow.inputValue()).toBe('1');
      await expect
        .poll(() =>
          page
            .getByRole('alert')
            .filter({ hasText: /Text, Posted at|Posted at, Text/ })
            .count(),
        )
        .toBe(1);
      expect(await page.getByRole('button', { name: 'Import file' }).isDisabled()).toBe(true);
      // Row 2 is blank: said so, with the way back to the row Pulso found.
      await headerRow.fill('2');
      await expect
        .poll(() => page.getByRole('alert').filter({ hasText: 'codigos.csv: row 2 is blank' }).count())
        .toBe(1);
      await page.getByRole('button', { name: 'Back to the row Pulso found' }).click();
      await expect.poll(() => page.getByLabel('Column names on row').inputValue()).toBe('1');
      await page.getByLabel('Column names on row').fill('3');
      await expect.poll(() => page.getByLabel('Posted at').inputValue()).toBe('Fecha');
      const preview = page.getByRole('table', { name: /Preview/ });
      await expect.poll(() => preview.getByRole('row').count()).toBe(3);
      await page.getByRole('button', { name: 'Import file' }).click();
      await expect
        .poll(() => page.getByTestId('import-summary').textContent(), { timeout: 20_000 })
        .toBe('2 new, 0 duplicate, 0 rejected');
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('shows progress for a large file and cancels, leaving the store as it was', async () => {
    const folder = tempFolder();
    const lines = ['id,date,user,text'];
    for (let i = 0; i < 400_000; i++)
      lines.push(
        `${i},2026-04-${String((i % 28) + 1).padStart(2, '0')}T10:00:00Z,@u${i % 5000},mensaje de prueba número ${i}`,
      );
    const file = writeEncoded(join(folder, 'big.csv'), lines.join('\n'), 'utf8');
    const opened = testBackend(undefined, { chooseFile: async () => file });
    await opened.client.call('settings.update', { language: 'es' });
    const app = await openApp(opened.backend);
    const before = fingerprint(opened.path);
    const { page } = app;
    try {
      await page
        .getByRole('button', { name: /Importar/ })
        .first()
        .click();
      await page.getByRole('button', { name: 'Elegir un archivo…' }).click();
      await page.getByRole('button', { name: 'Importar archivo' }).click();
      // From the first moment it says what it does: never "0 rows · 0 rows/s" while the file is opened.
      expect(await page.getByTestId('import-progress').textContent()).toMatch(
        /^Abriendo el archivo y leyendo sus primeras filas… \d+ s$|^[1-9][\d.]* filas · /,
      );
      await expect
        .poll(() => page.getByTestId('import-progress').textContent(), { timeout: 20_000 })
        .toMatch(/[1-9][\d.]* filas · [\d.]+ filas\/s · faltan/);
      // The screen's own bar is the only one: the job toast leaves this job to it.
      expect(await page.locator('.jobs .job').count()).toBe(0);
      await page.getByRole('region', { name: 'Importar' }).getByRole('button', { name: 'Cancelar' }).click();
      await expect.poll(() => page.getByRole('status').filter({ hasText: 'Importación cancelada' }).count()).toBe(1);
      expect(fingerprint(opened.path)).toBe(before);
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('says so while a large import builds its indexes after the last row, then shows the summary', async () => {
    const folder = tempFolder();
    const lines = ['id,date,user,text'];
    for (let i = 0; i < 60_000; i++)
      lines.push(
        `${i},2026-04-${String((i % 28) + 1).padStart(2, '0')}T10:00:00Z,@u${i % 5000},test message number ${i}`,
      );
    const { app, page } = await wizardOn(writeEncoded(join(folder, 'large.csv'), lines.join('\n'), 'utf8'));
    try {
      await expect.poll(() => page.getByLabel('Posted at').inputValue()).toBe('date');
      // Every text the progress line shows, however briefly.
      await page.evaluate(() => {
        const seen: string[] = [];
        (window as unknown as { progressTexts: string[] }).progressTexts = seen;
        new MutationObserver(() => {
          const text = document.querySelector('[data-testid="import-progress"]')?.textContent;
          if (text && seen.at(-1) !== text) seen.push(text);
        }).observe(document.body, { subtree: true, childList: true, characterData: true });
      });
      await page.getByRole('button', { name: 'Import file' }).click();
      await expect
        .poll(() => page.getByTestId('import-summary').textContent(), { timeout: 30_000 })
        .toBe('60,000 new, 0 duplicate, 0 rejected');
      const texts = await page.evaluate(() => (window as unknown as { progressTexts: string[] }).progressTexts);
      const firstIndexing = texts.findIndex((text) => text.includes('building the indexes'));
      expect(texts.slice(0, firstIndexing).some((text) => / rows\/s · /.test(text))).toBe(true);
      expect(texts.slice(firstIndexing)).toContainEqual(
        expect.stringMatching(/^60,000 rows read · building the indexes for search and sorting \(\d+ of \d+\)$/),
      );
      expect(texts.slice(firstIndexing).every((text) => text.includes('building the indexes'))).toBe(true);
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('asks for the password of a protected Access database, then shows its tables', async () => {
    const file = protectedNorthwind('secreto');
    const opened = testBackend(undefined, { chooseFile: async () => file });
    await opened.client.call('settings.update', { language: 'en' });
    const app = await openApp(opened.backend);
    const { page } = app;
    try {
      await page
        .getByRole('button', { name: /Import/ })
        .first()
        .click();
      await page.getByRole('button', { name: 'Choose a file…' }).click();
      const ask = page.locator('.password-ask');
      await expect
        .poll(() => ask.getByRole('alert').textContent())
        .toBe('nwind-protegida.mdb is protected by a password: give it (--password, or in the import wizard)');
      await ask.getByLabel('Password of the Access database').fill('mal');
      await ask.getByRole('button', { name: 'Open' }).click();
      await expect
        .poll(() => ask.getByRole('alert').textContent())
        .toBe('nwind-protegida.mdb: the password is not right');
      await ask.getByLabel('Password of the Access database').fill('secreto');
      await ask.getByRole('button', { name: 'Open' }).click();
      await expect.poll(() => page.getByLabel('Table', { exact: false }).first().inputValue()).toBeTruthy();
      await expect.poll(() => ask.count()).toBe(0);
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
