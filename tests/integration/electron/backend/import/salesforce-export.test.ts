import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { problemText } from '../../../../../shared/api/refusals';
import { createTranslator } from '../../../../../shared/i18n';
import { tempFolder } from '../../../../helpers/files';
import { testBackend } from '../../../../helpers/workspace';

/** The Data Loader's extract of Opportunity (../shared/datasets/crm-exports: BSD 3-Clause, salesforce.com). */
const EXPORT = resolve('../shared/datasets/crm-exports/salesforce_dataloader_opportunityData.csv');
/** Its extract of Account, from the same place: companies, no messages and no deals. */
const ACCOUNTS = resolve('../shared/datasets/crm-exports/salesforce_dataloader_accountData.csv');

describe("a CRM's deals as Salesforce's Data Loader writes them", () => {
  it('reads its API-named columns (STAGENAME, CLOSEDATE) and its open deals that have no amount yet', async () => {
    const { client } = testBackend();
    // No currency column, nothing in the workspace to say one: EUR, and the summary says it was assumed.
    expect(await client.call('import.deals', { path: EXPORT })).toMatchObject({
      new: 38,
      updated: 0,
      unmatched: 38,
      currencyAssumed: 'EUR',
    });
    const deals = await client.call('leads.deals', { state: 'unmatched' });
    expect(deals.find((deal) => deal.dealId === '006x0000001YtCrAAK')).toMatchObject({
      name: 'George Foundation - 5000 Widgets',
      stage: 'Closed Won',
      amount: 500000,
    });
    // "Prospecting" with AMOUNT "": an open deal, worth nothing yet.
    expect(deals.find((deal) => deal.dealId === '006x0000001YtwOAAS')).toMatchObject({
      stage: 'Prospecting',
      amount: 0,
    });
  });

  it("takes the amounts in the cost model's currency, or the one the user gives, when the file names none", async () => {
    const { client } = testBackend();
    await client.call('costs.set', { from: '2026-01-01', to: '2026-03-31', tools: 1200, currency: 'USD' });
    expect(await client.call('import.deals', { path: EXPORT })).toMatchObject({ new: 38, currencyAssumed: 'USD' });
    const deals = await client.call('leads.deals', {});
    expect(new Set(deals.map((deal) => deal.currency))).toEqual(new Set(['USD']));
    // Given, it wins over the workspace's; a deal whose currency changed is an update, kept in its history.
    expect(await client.call('import.deals', { path: EXPORT, currency: 'GBP' })).toMatchObject({
      new: 0,
      updated: 38,
      currencyAssumed: 'GBP',
    });
    await expect(client.call('import.deals', { path: EXPORT, currency: 'pounds' as never })).rejects.toThrow(
      /currency/,
    );
  });

  it('is refused as messages, once and saying what it is, not row by row; with its text column named it is read', async () => {
    const { client } = testBackend();
    const spanish = createTranslator('es', 'UTC');
    const deals = await client.runJob('import.start', { path: EXPORT });
    expect(deals).toMatchObject({
      state: 'failed',
      problem: { code: 'file-deals-not-messages', file: 'salesforce_dataloader_opportunityData.csv' },
    });
    expect(deals.message).toMatch(/looks like a CRM's export of deals .* import it as deals \(pulso sales import/);
    expect(problemText(deals.problem!, spanish.t)).toMatch(/parece una exportación de ventas de un CRM/);

    // An accounts export: its DESCRIPTION, taken for the text, is empty in 418 of its 423 rows.
    const accounts = await client.runJob('import.start', { path: ACCOUNTS });
    expect(accounts).toMatchObject({
      state: 'failed',
      problem: { code: 'text-column-empty', column: 'DESCRIPTION', empty: 418, count: 423 },
    });
    expect(accounts.message).toBe(
      'salesforce_dataloader_accountData.csv: the column "DESCRIPTION", taken for the message text, is empty in 418 of 423 rows read: the file does not look like messages (an accounts or contacts export?), or the text is in another column: name it in a mapping file (--mapping) or in the wizard\'s Columns; nothing imported',
    );
    expect((await client.call('workspace.info', {})).counts.messages).toBe(0);

    // Told the text is the deals' descriptions, the rows that have one are read (the others refused, as any row).
    const told = await client.runJob('import.start', {
      path: EXPORT,
      mapping: { columns: { text: 'DESCRIPTION', postedAt: 'CREATEDDATE' } },
      rejectsPath: resolve(tempFolder(), 'rechazadas.csv'),
    });
    expect(told).toMatchObject({ state: 'finished', result: { new: 33, rejected: 5 } });
  });
});
