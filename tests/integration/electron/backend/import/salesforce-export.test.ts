import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testBackend } from '../../../../helpers/workspace';

/** The Data Loader's extract of Opportunity (../shared/datasets/crm-exports: BSD 3-Clause, salesforce.com). */
const EXPORT = resolve('../shared/datasets/crm-exports/salesforce_dataloader_opportunityData.csv');

describe("a CRM's deals as Salesforce's Data Loader writes them", () => {
  it('reads its API-named columns (STAGENAME, CLOSEDATE) and its open deals that have no amount yet', async () => {
    const { client } = testBackend();
    expect(await client.call('import.deals', { path: EXPORT })).toMatchObject({ new: 38, updated: 0, unmatched: 38 });
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
});
