import { describe, expect, it } from 'vitest';
import { testBackend } from '../../../../helpers/workspace';
import { apiFailure } from '../../../../helpers/api';

async function invalid(promise: Promise<unknown>): Promise<string> {
  const error = await apiFailure(promise);
  expect(error.code).toBe('invalid-input');
  return error.message;
}

describe('dates in KPI and grid requests', () => {
  it('are checked to exist, naming the field, by every call alike (no NaN reaches a query, no 30 February means 2 March)', async () => {
    const { client } = testBackend();
    expect(await invalid(client.call('kpis.get', { from: '2026-13-45', to: '2026-12-31' }))).toMatch(
      /^Invalid input for kpis\.get: from: a real date as YYYY-MM-DD/,
    );
    expect(await invalid(client.call('kpis.get', { from: '2026-01-01', to: '2026-02-30' }))).toMatch(/to: a real date/);
    expect(await invalid(client.call('messages.count', { filter: { from: '0000-00-00' } }))).toMatch(
      /filter\.from: a real date/,
    );
    expect(
      await invalid(client.call('messages.page', { offset: 0, limit: 10, filter: { from: '0000-00-00' } })),
    ).toMatch(/filter\.from: a real date/);
    await expect(client.call('kpis.get', { from: '2024-02-29', to: '2024-03-31' })).resolves.toMatchObject({
      totals: { messages: 0 },
    });
  });
});
