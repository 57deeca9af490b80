import { afterAll, describe, expect, it } from 'vitest';
import { demoBackend } from '../helpers/workspace';
import { closeBrowser, openApp } from './harness';

afterAll(closeBrowser);

describe('entities and topics (real renderer, real handlers)', () => {
  it('previews what typed rules match, then saves them and rematches the workspace as a job', async () => {
    const { backend, client } = await demoBackend(2000);
    await client.call('settings.update', { language: 'en' });
    const expected = await client.call('rules.preview', { rules: ['router', 'wifi', '"summer deal"'] });
    expect(expected.matches).toBeGreaterThan(0);
    const app = await openApp(backend);
    const { page } = app;
    try {
      await page.getByRole('button', { name: 'Tracking' }).click();
      await page.getByRole('button', { name: 'New topic' }).click();
      await page.getByLabel('Name').fill('Conexión');
      await page.getByLabel('Keywords').fill('router, wifi\n"summer deal"\nWIFI');
      await expect
        .poll(() => page.getByTestId('preview-count').textContent())
        .toBe(`${expected.matches.toLocaleString('en')} messages match now`);
      await expect(page.locator('.rule-preview tbody tr').count()).resolves.toBe(3);
      await page.getByRole('button', { name: 'Save and rematch' }).click();
      await expect
        .poll(() => page.locator('.tracking-form [role="status"]').textContent())
        .toBe('Saved: 2,000 messages rematched.');
      const topic = (await client.call('topics.list', {})).find((t) => t.name === 'Conexión');
      expect(topic).toMatchObject({ keywords: ['router', 'wifi', '"summer deal"'], mentions: expected.matches });
      await expect
        .poll(() =>
          page
            .getByRole('button', { name: new RegExp(`^Conexión ${expected.matches.toLocaleString('en')} mentions`) })
            .count(),
        )
        .toBe(1);
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
