import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '../../../../helpers/files';
import { testBackend } from '../../../../helpers/workspace';

/** A Facebook Ads Manager export (../shared/datasets/social-exports: trial-promoter-app's test fixtures). */
const ADS_MANAGER = resolve('../shared/datasets/social-exports/facebook_ads_manager.csv');
const RANGE = { from: '2017-04-19', to: '2017-07-19' };

/** The report's spend added up by papaparse, apart from Pulso's reader: what the import must take. */
function spentInReport(): number {
  const rows = Papa.parse<Record<string, string>>(readFileSync(ADS_MANAGER, 'utf8'), { header: true }).data;
  return rows.reduce((sum, row) => sum + Number(row['Amount Spent (USD)'] || 0), 0);
}

describe("an ads report's spend as the cost model's ads", () => {
  it("takes Ads Manager's export: its spend over the report's days, in the currency its header names", async () => {
    const { client } = testBackend();
    const spent = Math.round(spentInReport() * 100) / 100;
    expect(spent).toBeGreaterThan(4000);
    expect(await client.call('import.adSpend', { path: ADS_MANAGER })).toEqual({
      file: 'facebook_ads_manager.csv',
      ...RANGE,
      ads: spent,
      currency: 'USD',
      rows: 535,
    });
    expect(await client.call('costs.entry', RANGE)).toMatchObject({ ads: spent, currency: 'USD', cmHours: 0 });
    // Taken again, the same: the report's spend is the entry's ads, not added to them.
    await client.call('import.adSpend', { path: ADS_MANAGER });
    expect((await client.call('costs.get', RANGE))?.ads).toBeCloseTo(spent, 6);
  });

  it("keeps an entry's other figures, and refuses to mix its currency with the report's", async () => {
    const { client } = testBackend();
    await client.call('costs.set', { ...RANGE, cmHours: 100, cmRate: 30, currency: 'USD' });
    await client.call('import.adSpend', { path: ADS_MANAGER });
    expect(await client.call('costs.entry', RANGE)).toMatchObject({ cmHours: 100, cmRate: 30, currency: 'USD' });

    await client.call('costs.set', { ...RANGE, cmHours: 100, cmRate: 30, currency: 'EUR' });
    await expect(client.call('import.adSpend', { path: ADS_MANAGER })).rejects.toMatchObject({
      code: 'refused',
      problem: { refusal: 'ads-currency-differs', currency: 'USD', ...RANGE },
    });
    expect(await client.call('costs.entry', RANGE)).toMatchObject({ ads: 0, currency: 'EUR' });
  });

  it('names the row and column of a spend it cannot read, and a file that is not an ads report', async () => {
    const { client } = testBackend();
    const folder = tempFolder();
    const daily = join(folder, 'gasto.csv');
    writeFileSync(daily, 'Día;Campaña;Coste (EUR)\n2026-07-01;Verano;120,50\n2026-07-02;Verano;mucho\n');
    await expect(client.call('import.adSpend', { path: daily })).rejects.toMatchObject({
      message: 'gasto.csv, row 3, column "Coste (EUR)": cannot read amount "mucho"; nothing taken',
      problem: { code: 'ads-row', row: '3' },
    });
    const mentions = join(folder, 'menciones.csv');
    writeFileSync(mentions, 'fecha,usuario,texto\n2026-07-01,@ana,hola\n');
    await expect(client.call('import.adSpend', { path: mentions })).rejects.toMatchObject({
      problem: { code: 'ads-columns-not-found', file: 'menciones.csv' },
    });
    expect(await client.call('costs.entry', { from: '2026-07-01', to: '2026-07-02' })).toBeNull();
  });

  it('reads slashed days as the report tells, or as the user says where it cannot; never guessed', async () => {
    const { client } = testBackend();
    const folder = tempFolder();
    const told = join(folder, 'julio.csv');
    writeFileSync(told, 'Día;Coste (EUR)\n01/07/2026;100\n13/07/2026;50\n');
    expect(await client.call('import.adSpend', { path: told })).toMatchObject({
      from: '2026-07-01',
      to: '2026-07-13',
      ads: 150,
      currency: 'EUR',
    });
    const untold = join(folder, 'primeros.csv');
    writeFileSync(untold, 'Día;Coste (EUR)\n01/07/2026;100\n02/07/2026;50\n');
    await expect(client.call('import.adSpend', { path: untold })).rejects.toMatchObject({
      problem: { code: 'dates-ambiguous', file: 'primeros.csv' },
    });
    expect(await client.call('import.adSpend', { path: untold, dateOrder: 'dmy' })).toMatchObject({
      from: '2026-07-01',
      to: '2026-07-02',
    });
    expect(await client.call('import.adSpend', { path: untold, dateOrder: 'mdy' })).toMatchObject({
      from: '2026-01-07',
      to: '2026-02-07',
    });
  });
});
