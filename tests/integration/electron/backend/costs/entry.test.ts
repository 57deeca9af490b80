import { describe, expect, it } from 'vitest';
import { testBackend } from '../../../../helpers/workspace';

const Q3 = { from: '2026-07-01', to: '2026-09-30' };

describe("a period's cost entry, as the app's form edits it", () => {
  it('gives back what was entered for exactly those days, every amount, and replaces it when saved again', async () => {
    const { client } = testBackend();
    expect(await client.call('costs.entry', Q3)).toBeNull();
    await client.call('costs.set', { ...Q3, cmHours: 120, cmRate: 35, agencyFee: 6000, agencyShare: 0.4 });
    expect(await client.call('costs.entry', Q3)).toEqual({
      ...Q3,
      cmHours: 120,
      cmRate: 35,
      agencyFee: 6000,
      agencyShare: 0.4,
      tools: 0,
      ads: 0,
      currency: 'EUR',
    });
    // An entry for the whole year covers the quarter's cost, but it is not the quarter's own entry.
    await client.call('costs.set', { from: '2026-01-01', to: '2026-12-31', tools: 3650, currency: 'EUR' });
    expect(await client.call('costs.entry', { from: '2026-10-01', to: '2026-12-31' })).toBeNull();
    // 92 of the year's 365 days.
    expect((await client.call('costs.get', { from: '2026-10-01', to: '2026-12-31' }))?.tools).toBeCloseTo(920, 9);

    await client.call('costs.set', { ...Q3, ads: 5000, currency: 'USD' });
    expect(await client.call('costs.entry', Q3)).toMatchObject({ cmHours: 0, ads: 5000, currency: 'USD' });
  });
});
