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

  it("takes Google Ads' report: the report's title lines, each row's currency code, its totals rows left out", async () => {
    const { client } = testBackend();
    const folder = tempFolder();
    // As Google Ads downloads a campaign report by day: a title, the range, the days, then a totals row per level.
    const rows = [
      'Campaign report',
      '"November 1, 2026 - November 3, 2026"',
      'Campaign,Day,Currency code,Cost,Impr.,Clicks,Conversions',
      'Marca Lumen,2026-11-01,EUR,12.34,1000,50,1.00',
      'Marca Lumen,2026-11-02,EUR,"1,012.50",1200,60,2.00',
      'Fibra empresas,2026-11-03,EUR,7.00,300,10,0.00',
      'Total: Account,--,EUR,"1,031.84",2500,120,3.00',
      'Total: Search,--,EUR,"1,031.84",2500,120,3.00',
    ];
    const report = join(folder, 'Campaign report.csv');
    writeFileSync(report, rows.join('\r\n'));
    expect(await client.call('import.adSpend', { path: report })).toEqual({
      file: 'Campaign report.csv',
      from: '2026-11-01',
      to: '2026-11-03',
      ads: 1031.84,
      currency: 'EUR',
      rows: 3,
    });
    // LinkedIn Campaign Manager's: its report lines, US days, the spend as "Total Spent" beside a currency column.
    const linkedin = join(folder, 'campaign_performance_report.csv');
    writeFileSync(
      linkedin,
      [
        'Campaign Performance Report (in UTC)',
        'Report Start: 11/1/2026, 12:00 AM',
        'Report End: 11/30/2026, 11:59 PM',
        '',
        'Start Date (in UTC),Account Name,Campaign Name,Currency,Impressions,Clicks,Total Spent',
        '11/1/2026,Lumen,Fibra B2B,EUR,4000,30,55.10',
        '11/30/2026,Lumen,Fibra B2B,EUR,3000,20,44.90',
      ].join('\r\n'),
    );
    expect(await client.call('import.adSpend', { path: linkedin })).toMatchObject({
      from: '2026-11-01',
      to: '2026-11-30',
      ads: 100,
      currency: 'EUR',
      rows: 2,
    });
    // A report whose rows are in two currencies has no one sum: refused at the first row in the second.
    writeFileSync(report, [...rows.slice(0, 5), 'Fibra empresas,2026-11-03,USD,7.00,300,10,0.00'].join('\r\n'));
    await expect(client.call('import.adSpend', { path: report })).rejects.toMatchObject({
      message:
        'Campaign report.csv, row 6, column "Currency code": a second currency, "USD": one report is summed in one currency; nothing taken',
    });
  });

  it("leaves out Ads Manager's summary row (the report's days and total, no campaign), not counting the spend twice", async () => {
    const { client } = testBackend();
    // The first rows of the real export, with the summary row Ads Manager adds on request above them.
    const [header, ...rows] = readFileSync(ADS_MANAGER, 'utf8').trim().split('\n').slice(0, 4);
    const spent = rows.reduce((sum, row) => sum + Math.round(Number(row.split(',').at(-1)) * 100), 0) / 100;
    const summary = `"",,,,,,,,,,2017-04-19,2017-07-19,${spent.toFixed(2)}`;
    const report = join(tempFolder(), 'summary.csv');
    writeFileSync(report, [header, summary, ...rows].join('\n'));
    expect(await client.call('import.adSpend', { path: report })).toMatchObject({ ads: spent, rows: 3, ...RANGE });
    // Without the summary, the same rows: nothing left out.
    writeFileSync(report, [header, ...rows].join('\n'));
    expect(await client.call('import.adSpend', { path: report })).toMatchObject({ ads: spent, rows: 3 });
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
