import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testBackend } from '../../../../helpers/workspace';

/** The Data Loader's extract of Opportunity (../shared/datasets/crm-exports: BSD 3-Clause, salesforce.com). */
const EXPORT = resolve('../shared/datasets/crm-exports/salesforce_dataloader_opportunityData.csv');

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
});
