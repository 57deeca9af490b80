import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DEMO_MESSAGES } from '../../../../../electron/backend/demo/handlers';
import { demoBackend } from '../../../../helpers/workspace';

const EXPORT = join(import.meta.dirname, '../../../../../resources/demo/crm-deals.csv');

describe("the demo's CRM export (resources/demo/crm-deals.csv)", () => {
  it("fits the demo: its won deals are the demo's, two open ones match leads, one is left to match by hand", async () => {
    const { client } = await demoBackend(DEFAULT_DEMO_MESSAGES);
    const first = await client.call('import.deals', { path: EXPORT });
    expect(first).toMatchObject({ new: 3, updated: 0, unchanged: 4, matched: 2, unmatched: 1, ambiguous: 0 });
    expect((await client.call('leads.deals', { state: 'unmatched' })).map((d) => d.dealId)).toEqual(['CRM-3000']);
    // A second import of the same export adds nothing.
    expect(await client.call('import.deals', { path: EXPORT })).toMatchObject({ new: 0, updated: 0, unchanged: 7 });
  }, 60_000);
});
