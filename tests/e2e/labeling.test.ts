import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend/backend';
import { createClient } from '../../shared/api/client';
import { LINKED_AT_ONCE } from '../../shared/api/contract';
import { demoBackend } from '../helpers/workspace';
import { closeBrowser, openApp, screenshotPath, screenshotsAtSizes } from './harness';

afterAll(closeBrowser);

describe('labeling from the keyboard (real renderer, real handlers)', () => {
  it('labels every message of a selection that runs past the rows read (Shift+End), as one undoable action', async () => {
    const { backend, client } = await demoBackend(1500);
    await client.call('settings.update', { language: 'en' });
    const spam = async (): Promise<number> =>
      (await client.call('messages.count', { filter: { kinds: ['spam'] } })).total;
    const before = await spam();
    const app = await openApp(backend);
    try {
      const grid = app.page.getByRole('grid', { name: 'Messages' });
      await expect.poll(() => grid.locator('[aria-rowindex="2"] .col-text').count()).toBe(1);
      // End goes to the last row counted: before the counts come, the last of the first page.
      await expect.poll(() => app.page.getByTestId('message-count').textContent()).toMatch(/^1,500 messages/);
      await grid.focus();
      // The list has read its first pages and, once there, its last: not the 1,200 rows between.
      await app.page.keyboard.press('Shift+End');
      const status = app.page.getByRole('status').filter({ hasText: 'selected' });
      await expect.poll(() => status.textContent()).toBe('1,500 selected');
      await app.page.keyboard.press('x');
      await expect.poll(spam).toBe(1500);
      await app.page.keyboard.press('Control+z');
      await expect.poll(spam).toBe(before);

      // One value pasted fills the whole selection likewise.
      await app.page.locator('.grid-body').evaluate((element) => {
        const transfer = new DataTransfer();
        transfer.setData('text/plain', 'muy contento\r\n');
        element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true }));
      });
      const veryHappy = async (): Promise<number> =>
        (await client.call('messages.count', { filter: { temperatures: [2] } })).total;
      await expect.poll(veryHappy).toBe(1500);
      await expect.poll(() => app.page.getByRole('status').textContent()).toBe('Pasted 1,500 labels');

      // A copy takes only the rows read (the clipboard is written while the key is down), and says so.
      await grid.focus();
      await app.page.keyboard.press('Control+c');
      await expect
        .poll(() => app.page.getByRole('status').textContent())
        .toMatch(
          /^Copied the \d+ rows shown so far of the 1,500 selected: scroll through the rest first, or use Export…$/,
        );
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('refuses a case or a lead from more messages than one may take, and says so, in the UI language', async () => {
    const { backend, client } = await demoBackend(LINKED_AT_ONCE + 20);
    await client.call('settings.update', { language: 'es' });
    const cases = async (): Promise<number> => (await client.call('cases.list', {})).length;
    const leads = async (): Promise<number> => (await client.call('leads.list', {})).length;
    const [casesBefore, leadsBefore] = [await cases(), await leads()];
    const app = await openApp(backend);
    try {
      const grid = app.page.getByRole('grid', { name: 'Menciones' });
      await expect.poll(() => grid.locator('[aria-rowindex="2"] .col-text').count()).toBe(1);
      await expect.poll(() => app.page.getByTestId('message-count').textContent()).toMatch(/^10\.020 menciones/);
      await grid.focus();
      await app.page.keyboard.press('Shift+End');
      await expect.poll(() => app.page.getByRole('status').filter({ hasText: 'seleccionadas' }).count()).toBe(1);
      const refused = 'Un caso o un lead admite como mucho 10.000 menciones de una vez: hay 10.020 seleccionadas';
      for (const key of ['n', 'l']) {
        await app.page.keyboard.press(key);
        await expect.poll(() => app.page.getByRole('status').filter({ hasText: refused }).count()).toBe(1);
        expect(await app.page.getByRole('dialog').count()).toBe(0);
      }
      expect([await cases(), await leads()]).toEqual([casesBefore, leadsBefore]);
      // One message fewer than the most: a case opens with them all.
      await app.page.keyboard.press('Home');
      for (let i = 0; i < 21; i++) await app.page.keyboard.press('ArrowDown');
      await app.page.keyboard.press('Shift+End');
      await app.page.keyboard.press('n');
      await expect.poll(cases).toBe(casesBefore + 1);
      await expect
        .poll(() => app.page.getByRole('status').filter({ hasText: 'abierto con 9.999 menciones' }).count())
        .toBe(1);
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('shows the suggested labels faint in the empty cells, takes them with A and gives them back with Ctrl+Z', async () => {
    const { backend, client } = await demoBackend(1500);
    await client.call('settings.update', { language: 'es' });
    const app = await openApp(backend);
    try {
      const grid = app.page.getByRole('grid', { name: 'Menciones' });
      const suggestedRow = grid.locator('.row:has(.col-temperature .suggested)').first();
      await expect.poll(() => suggestedRow.count()).toBe(1);
      await screenshotsAtSizes(app.page, 'grid-suggestions-es');
      const chip = suggestedRow.locator('.col-temperature .suggested [data-temperature]');
      // Heard as a suggestion, not as the message's label.
      expect(await suggestedRow.locator('.col-temperature').textContent()).toMatch(/^Sugerida: [+−-]?\d /);
      const value = Number(await chip.getAttribute('data-temperature'));
      expect(await suggestedRow.locator('.col-temperature .suggested').getAttribute('title')).toMatch(
        /^Sugerida \(con un \d+% de seguridad\), por las menciones ya etiquetadas: A para aceptarla/,
      );
      const rowIndex = Number(await suggestedRow.getAttribute('aria-rowindex'));
      const at = grid.locator(`[aria-rowindex="${rowIndex}"]`);
      await at.locator('.col-text').click();
      await app.page.keyboard.press('a');
      await expect.poll(() => app.page.getByRole('status').filter({ hasText: 'como se sugería' }).count()).toBe(1);
      await expect.poll(() => at.locator('.col-temperature .suggested').count()).toBe(0);
      await expect
        .poll(() => at.locator('.col-temperature [data-temperature]').getAttribute('data-temperature'))
        .toBe(String(value));
      await app.page.keyboard.press('Control+z');
      await expect.poll(() => at.locator('.col-temperature .suggested').count()).toBe(1);
      // The side panel says it too, with a button for those who label with the mouse (A moved the cursor on: back).
      await at.locator('.col-text').click();
      await app.page.keyboard.press('Enter');
      const offer = app.page.getByTestId('panel-suggestion');
      await expect.poll(() => offer.locator('[data-temperature]').getAttribute('data-temperature')).toBe(String(value));
      await screenshotsAtSizes(app.page, 'grid-suggestion-panel-es');
      await offer.getByRole('button', { name: 'Aceptar (A)' }).click();
      // Taken, as with A; the panel follows the cursor on to the next row.
      await expect.poll(() => at.locator('.col-temperature .suggested').count()).toBe(0);
      await expect
        .poll(() => at.locator('.col-temperature [data-temperature]').getAttribute('data-temperature'))
        .toBe(String(value));
      await client.call('settings.update', { language: 'en' });
      await app.page.reload();
      await expect
        .poll(() =>
          grid
            .or(app.page.getByRole('grid', { name: 'Messages' }))
            .locator('.suggested')
            .count(),
        )
        .toBeGreaterThan(0);
      await screenshotsAtSizes(app.page, 'grid-suggestions-en');
      await app.page.locator('.row:has(.col-temperature .suggested) .col-text').first().click();
      await app.page.keyboard.press('Enter');
      await app.page.getByTestId('panel-suggestion').getByRole('button', { name: 'Accept (A)' }).waitFor();
      await screenshotsAtSizes(app.page, 'grid-suggestion-panel-en');
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('labels rows, moves on, undoes and redoes, and keeps the undo history across a restart', async () => {
    const { backend, client, path } = await demoBackend(300);
    await client.call('settings.update', { annotator: 'lucía', language: 'en' });
    const rows = (await client.call('messages.page', { offset: 0, limit: 3 })).rows;
    let app = await openApp(backend);
    try {
      const grid = app.page.getByRole('grid', { name: 'Messages' });
      await expect.poll(() => grid.locator('[aria-rowindex="2"] .col-text').textContent()).toBe(rows[0]?.text);
      await grid.focus();
      await app.page.keyboard.press('1');
      await expect.poll(() => grid.locator('[aria-rowindex="3"]').getAttribute('aria-selected')).toBe('true');
      expect(await grid.locator('[aria-rowindex="2"] [data-temperature]').textContent()).toBe('-2 very angry');
      await app.page.keyboard.press('q');
      await expect.poll(() => grid.locator('[aria-rowindex="4"]').getAttribute('aria-selected')).toBe('true');
      const stored = (await client.call('messages.page', { offset: 0, limit: 2 })).rows;
      expect(stored.map((row) => [row.temperature, row.kind, row.annotator])).toEqual([
        [-2, rows[0]?.kind ?? null, 'lucía'],
        [rows[1]?.temperature ?? null, 'complaint', 'lucía'],
      ]);

      await app.page.keyboard.press('Control+z');
      await expect
        .poll(async () => (await client.call('messages.page', { offset: 1, limit: 1 })).rows[0]?.kind)
        .toBe(rows[1]?.kind ?? null);
      await expect
        .poll(async () => (await grid.locator('[aria-rowindex="3"] .col-kind').textContent()) === '')
        .toBe(!rows[1]?.kind);
      await app.page.keyboard.press('Control+Shift+z');
      await expect
        .poll(async () => (await client.call('messages.page', { offset: 1, limit: 1 })).rows[0]?.kind)
        .toBe('complaint');
      await app.page.keyboard.press('?');
      await expect.poll(() => app.page.getByRole('dialog', { name: 'Keyboard shortcuts' }).isVisible()).toBe(true);
      await app.page.screenshot({ path: screenshotPath('shortcuts.png') });
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
      await backend.close();
    }

    // Close and reopen the workspace: labels and the undo history are in the store.
    const reopened = createBackend(path);
    app = await openApp(reopened);
    try {
      const grid = app.page.getByRole('grid', { name: 'Messages' });
      await expect.poll(() => grid.locator('[aria-rowindex="3"] .col-kind').textContent()).toBe('complaint');
      await grid.focus();
      await app.page.keyboard.press('Control+z');
      await app.page.keyboard.press('Control+z');
      const again = createClient(reopened);
      await expect
        .poll(async () =>
          (await again.call('messages.page', { offset: 0, limit: 2 })).rows.map((row) => [row.temperature, row.kind]),
        )
        .toEqual([
          [rows[0]?.temperature ?? null, rows[0]?.kind ?? null],
          [rows[1]?.temperature ?? null, rows[1]?.kind ?? null],
        ]);
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
      await reopened.close();
    }
  });

  it('keeps a label made while another program holds the write lock, marks its row, and stores it when the lock is free', async () => {
    const { backend, client, path } = await demoBackend(100);
    await client.call('settings.update', { language: 'en' });
    const first = (await client.call('messages.page', { offset: 0, limit: 1 })).rows[0];
    const app = await openApp(backend);
    // Another program holds the store's write lock for longer than the app waits for it.
    const other = new Database(path);
    try {
      const grid = app.page.getByRole('grid', { name: 'Messages' });
      await expect.poll(() => grid.locator('[aria-rowindex="2"] .col-text').textContent()).toBe(first?.text);
      await grid.focus();
      other.exec('BEGIN IMMEDIATE');
      const temperature = first?.temperature === -2 ? -1 : -2;
      const started = Date.now();
      await app.page.keyboard.press(temperature === -1 ? '2' : '1');
      // Answered at once (the app used to wait 5 s for the lock, then say "Not saved: database is locked").
      await expect
        .poll(() => app.page.locator('.statusbar').textContent(), { timeout: 15_000 })
        .toMatch(/^Kept: stored as soon as the workspace is free/);
      expect(Date.now() - started).toBeLessThan(3000);
      await expect
        .poll(() => grid.locator('[aria-rowindex="2"] [role="img"]').getAttribute('aria-label'))
        .toBe('Kept: stored as soon as the workspace is free');
      await expect
        .poll(() => app.page.locator('.writes-pending').textContent())
        .toBe('Changes kept safe until the workspace is free: 1');
      expect((await client.call('messages.page', { offset: 0, limit: 1 })).rows[0]).toMatchObject({
        temperature,
        pending: true,
      });
      await screenshotsAtSizes(app.page, 'grid-pending-en');
      // Choosing a language is a write too: kept, and the screen speaks it at once.
      await app.page.getByRole('combobox', { name: 'Language' }).selectOption('es');
      await expect
        .poll(() => app.page.locator('.writes-pending').textContent())
        .toBe('Cambios a salvo en espera de que el espacio de trabajo quede libre: 2');
      await screenshotsAtSizes(app.page, 'grid-pending-es');
      other.exec('ROLLBACK');
      // The lock let go: the label is stored, the mark and the notice go.
      await expect
        .poll(() => other.prepare('SELECT temperature FROM messages WHERE id = ?').pluck().get(first?.id))
        .toBe(temperature);
      // The grid is named in Spanish now.
      const rows = app.page.getByRole('grid', { name: 'Menciones' });
      await expect.poll(() => rows.locator('[aria-rowindex="2"] .col-text').textContent()).toBe(first?.text);
      await expect.poll(() => rows.locator('[aria-rowindex="2"] [role="img"]').count()).toBe(0);
      await expect.poll(() => app.page.locator('.writes-pending').count()).toBe(0);
      expect((await client.call('settings.get', {})).language).toBe('es');
      // The cursor moved on, as after any label.
      expect(await rows.locator('[aria-rowindex="3"]').getAttribute('aria-selected')).toBe('true');
      expect(app.errors).toEqual([]);
    } finally {
      if (other.inTransaction) other.exec('ROLLBACK');
      other.close();
      await app.close();
      await backend.close();
    }
  });
});
