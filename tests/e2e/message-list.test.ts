import { existsSync, statSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import { closeBrowser, openApp, screenshotPath } from './harness';
import { demoBackend } from '../helpers/workspace';

afterAll(closeBrowser);

describe('the app on a demo workspace (real renderer in Chromium, real handlers)', () => {
  it('shows the messages, scrolls to the last one, switches language and keeps it', async () => {
    const { backend, client } = await demoBackend(3000);
    const app = await openApp(backend);
    const { page } = app;
    try {
      const grid = page.getByRole('grid', { name: 'Messages' });
      await expect.poll(() => page.getByTestId('message-count').textContent()).toBe('3,000 messages');
      const newest = (await client.call('messages.page', { offset: 0, limit: 1 })).rows[0];
      await expect.poll(() => grid.locator('[aria-rowindex="2"] .col-text').textContent()).toBe(newest?.text);
      await page.screenshot({ path: screenshotPath('message-list.png') });
      expect(statSync(screenshotPath('message-list.png')).size).toBeGreaterThan(10_000);

      // Far down: the keyboard's End, then the last row is the oldest message in the store.
      await grid.focus();
      await page.keyboard.press('End');
      const oldest = (await client.call('messages.page', { offset: 2999, limit: 1 })).rows[0];
      await expect.poll(() => grid.locator('[aria-rowindex="3001"] .col-text').textContent()).toBe(oldest?.text);
      await expect.poll(() => grid.locator('[aria-rowindex="3001"]').getAttribute('aria-selected')).toBe('true');
      // Only a window of rows is in the DOM, never the whole table.
      expect(await grid.getByRole('row').count()).toBeLessThan(60);

      await page.getByRole('combobox', { name: 'Language' }).selectOption('es');
      await expect.poll(() => page.getByTestId('message-count').textContent()).toBe('3.000 menciones');
      await expect
        .poll(() => page.getByRole('navigation').getByRole('button').first().textContent())
        .toContain('Etiquetado');
      expect((await client.call('settings.get', {})).language).toBe('es');
      await page.reload();
      await expect.poll(() => page.getByTestId('message-count').textContent()).toBe('3.000 menciones');
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('follows the OS language until the user picks one', async () => {
    const { backend } = await demoBackend(20);
    const app = await openApp(backend, { locale: 'es-ES' });
    try {
      await expect.poll(() => app.page.getByTestId('message-count').textContent()).toBe('20 menciones');
      await app.page.getByRole('button', { name: /Panel/ }).click();
      await expect.poll(() => app.page.getByRole('region', { name: 'Panel' }).isVisible()).toBe(true);
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('reaches the last of 250,000 rows, beyond the browser height cap, and keeps its place when the counts come', async () => {
    const { backend, client } = await demoBackend(250_000);
    const app = await openApp(backend);
    try {
      const grid = app.page.getByRole('grid', { name: 'Messages' });
      await expect.poll(() => app.page.getByTestId('message-count').textContent()).toBe('250,000 messages');
      // Drag the scrollbar to the very bottom, as a user would.
      await app.page.locator('.virtual-scroller').evaluate((element) => {
        element.scrollTop = element.scrollHeight;
      });
      const oldest = (await client.call('messages.page', { offset: 249_999, limit: 1 })).rows[0];
      await expect
        .poll(() => grid.locator('[aria-rowindex="250001"] .col-text').textContent(), { timeout: 10_000 })
        .toBe(oldest?.text);
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }

    // The counts come after the first page: the list has 100 rows until they do. With wrapped
    // rows, 250,000 are twice the browser's cap, so a pixel of scrolling stands for two rows once
    // the counts are in; the row at the top, and the cursor, must stay where they were.
    await client.call('grid.prefs.save', { wrap: true });
    let countsIn: () => void = () => undefined;
    const countsHeld = new Promise<void>((resolve) => {
      countsIn = resolve;
    });
    const slowCounts: Backend = {
      ...backend,
      invoke: async (name, input) => {
        if (name === 'messages.count') await countsHeld;
        return backend.invoke(name, input);
      },
    };
    const later = await openApp(slowCounts);
    try {
      const grid = later.page.getByRole('grid', { name: 'Messages' });
      await grid.locator('[aria-rowindex="2"] .col-text').waitFor();
      await grid.focus();
      await later.page.keyboard.press('End');
      await expect.poll(() => grid.locator('[aria-current="true"]').getAttribute('aria-rowindex')).toBe('101');
      const topRow = (): Promise<string | null> =>
        grid.locator('.virtual-scroller').evaluate((scroller) => {
          const top = scroller.getBoundingClientRect().top;
          const rows = [...scroller.querySelectorAll('[role="row"]')].filter(
            (row) => row.getBoundingClientRect().bottom > top + 1,
          );
          return rows[0]?.getAttribute('aria-rowindex') ?? null;
        });
      const cursorAt = async (): Promise<number | undefined> =>
        (await grid.locator('[aria-current="true"]').boundingBox())?.y;
      const before = await topRow();
      const cursorBefore = await cursorAt();
      expect(Number(before)).toBeGreaterThan(80);
      countsIn();
      await expect.poll(() => later.page.getByTestId('message-count').textContent()).toBe('250,000 messages');
      expect(await topRow()).toBe(before);
      expect(Math.abs(((await cursorAt()) ?? Infinity) - (cursorBefore ?? 0))).toBeLessThan(1);
      // And the keys go on from there.
      await later.page.keyboard.press('ArrowDown');
      await expect.poll(() => grid.locator('[aria-current="true"]').getAttribute('aria-rowindex')).toBe('102');
      expect(later.errors).toEqual([]);
    } finally {
      countsIn();
      await later.close();
    }
  }, 120_000);
});

it('wrote the screenshot to a git-ignored folder', () => {
  expect(existsSync(screenshotPath('message-list.png'))).toBe(true);
});
