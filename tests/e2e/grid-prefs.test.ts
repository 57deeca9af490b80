import { afterAll, describe, expect, it } from 'vitest';
import { builtinView } from '../../shared/domain/views';
import { demoBackend } from '../helpers/workspace';
import { closeBrowser, openApp, screenshotPath, screenshotsAtSizes } from './harness';

afterAll(closeBrowser);

describe('the grid, arranged by the analyst (real renderer, real handlers)', () => {
  it('hides, moves and resizes columns and wraps text, kept in the workspace across a reload', async () => {
    const { backend, client } = await demoBackend(300);
    await client.call('settings.update', { language: 'en' });
    const app = await openApp(backend);
    const { page } = app;
    try {
      const headers = async () =>
        (await page.getByRole('columnheader').allTextContents()).map((text) => text.replace(/ [▲▼]$/, ''));
      await expect
        .poll(headers)
        .toEqual([
          'Posted',
          'Source',
          'Author',
          'Text',
          'Entities',
          'Topics',
          'Temperature',
          'Kind',
          'Case',
          'Annotator',
          'Labeled',
        ]);
      await page.getByText('Columns').click();
      await page.getByRole('checkbox', { name: 'Source' }).uncheck();
      await page.getByRole('button', { name: 'Move Text left' }).click();
      await page.getByRole('button', { name: 'Move Text left' }).click();
      await expect
        .poll(headers)
        .toEqual([
          'Posted',
          'Text',
          'Author',
          'Entities',
          'Topics',
          'Temperature',
          'Kind',
          'Case',
          'Annotator',
          'Labeled',
        ]);
      const handle = page.getByRole('separator', { name: 'Resize Author' });
      await handle.focus();
      await page.keyboard.press('Shift+ArrowRight');
      await page.keyboard.press('ArrowRight');
      await expect
        .poll(async () => (await client.call('grid.prefs.get', {})).columns.find((c) => c.id === 'author')?.width)
        .toBe(140 + 50);
      await page.getByRole('button', { name: 'Wrap text' }).click();
      await expect
        .poll(() => page.locator('[aria-rowindex="2"]').evaluate((row) => row.getBoundingClientRect().height))
        .toBe(64);

      await page.reload();
      // Wide enough for every chosen width (narrower, the columns shrink to fit: grid-panel.test.ts).
      await page.setViewportSize({ width: 1700, height: 860 });
      await expect
        .poll(headers)
        .toEqual([
          'Posted',
          'Text',
          'Author',
          'Entities',
          'Topics',
          'Temperature',
          'Kind',
          'Case',
          'Annotator',
          'Labeled',
        ]);
      await expect
        .poll(() =>
          page.getByRole('columnheader', { name: 'Author' }).evaluate((cell) => cell.getBoundingClientRect().width),
        )
        .toBe(190);
      await expect
        .poll(() => page.locator('[aria-rowindex="2"]').evaluate((row) => row.getBoundingClientRect().height))
        .toBe(64);
      await page.screenshot({ path: screenshotPath('grid-layout.png') });
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it("jumps to the next unlabeled row, fills down, uses the analyst's own keys, and applies and saves views", async () => {
    const { backend, client } = await demoBackend(400);
    await client.call('settings.update', { language: 'en', annotator: 'pau' });
    const app = await openApp(backend);
    const { page } = app;
    try {
      const grid = page.getByRole('grid', { name: 'Messages' });
      const rows = (await client.call('messages.page', { offset: 0, limit: 100 })).rows;
      await expect.poll(() => grid.locator('[aria-rowindex="2"] .col-text').textContent()).toBe(rows[0]?.text);

      // Jump to unlabeled: after a label the cursor skips rows that already have one.
      await page.getByRole('button', { name: 'Jump to unlabeled' }).click();
      await grid.focus();
      await page.keyboard.press('4');
      const next = rows.findIndex((row, i) => i > 0 && row.temperature === null && row.kind === null);
      expect(next).toBeGreaterThan(1);
      await expect
        .poll(() => grid.locator('[aria-current="true"]').getAttribute('aria-rowindex'))
        .toBe(String(next + 2));

      // Fill down: the first selected row's label onto the rest, as one action.
      await page.keyboard.press('Home');
      await page.keyboard.press('Shift+ArrowDown');
      await page.keyboard.press('Shift+ArrowDown');
      await page.keyboard.press('Control+d');
      await expect
        .poll(async () =>
          (await client.call('messages.page', { offset: 0, limit: 3 })).rows.map((r) => [r.temperature, r.kind]),
        )
        .toEqual([
          [1, rows[0]?.kind ?? null],
          [1, rows[0]?.kind ?? null],
          [1, rows[0]?.kind ?? null],
        ]);

      // Ctrl+click picks rows one by one; a key labels just those.
      await grid.locator('[aria-rowindex="6"] .col-text').click();
      await grid.locator('[aria-rowindex="8"] .col-text').click({ modifiers: ['Control'] });
      await expect.poll(() => grid.locator('[aria-selected="true"]').count()).toBe(2);
      await page.keyboard.press('i');
      await expect
        .poll(async () => (await client.call('messages.page', { offset: 4, limit: 3 })).rows.map((r) => r.kind))
        .toEqual(['irrelevant', rows[5]?.kind ?? null, 'irrelevant']);
      await page.keyboard.press('Home');

      // The analyst's keys: "a" for very angry instead of "1".
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('?');
      const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
      await help.getByRole('textbox', { name: 'Key for -2' }).fill('a');
      await help.getByRole('button', { name: 'Save keys' }).click();
      await expect
        .poll(async () => (await client.call('grid.prefs.get', {})).keys.temperature)
        .toEqual(['a', '2', '3', '4', '5']);
      await help.getByRole('textbox', { name: 'Key for spam' }).fill('A');
      await help.getByRole('button', { name: 'Save keys' }).click();
      await expect.poll(() => help.getByRole('alert').textContent()).toBe('each key may do one thing only');
      // Every shortcut fits a 1280×720 window, the last one included; key names in the app's language.
      await page.setViewportSize({ width: 1280, height: 720 });
      const fits = async (dialog: typeof help): Promise<boolean> => {
        const box = await dialog.boundingBox();
        const last = await dialog.locator('table').last().locator('tr').last().boundingBox();
        return box !== null && last !== null && box.y >= 0 && box.y + box.height <= 720 && last.y + last.height <= 720;
      };
      expect(await fits(help)).toBe(true);
      expect(await help.textContent()).toContain('Shift+↑ ↓Extend the selection up or down');
      await screenshotsAtSizes(page, 'shortcuts-en');
      await help.getByRole('button', { name: 'Close' }).click();
      await page.getByRole('navigation').getByRole('combobox', { name: 'Language' }).selectOption('es');
      await page.getByRole('grid', { name: 'Menciones' }).focus();
      await page.keyboard.press('?');
      const ayuda = page.getByRole('dialog', { name: 'Atajos de teclado' });
      await expect.poll(() => ayuda.textContent()).toContain('0 / Supr');
      expect(await ayuda.textContent()).toContain('↑ ↓ RePág AvPág Inicio Fin');
      await page.setViewportSize({ width: 1280, height: 720 });
      expect(await fits(ayuda)).toBe(true);
      await screenshotsAtSizes(page, 'shortcuts-es');
      await ayuda.getByRole('button', { name: 'Cerrar' }).click();
      await page.getByRole('navigation').getByRole('combobox', { name: 'Idioma' }).selectOption('en');
      await grid.focus();
      const cursor = Number(await grid.locator('[aria-current="true"]').getAttribute('aria-rowindex')) - 2;
      await page.keyboard.press('a');
      await expect
        .poll(async () => (await client.call('messages.page', { offset: cursor, limit: 1 })).rows[0]?.temperature)
        .toBe(-2);

      // Views: a built-in one, and the current filter saved under a name.
      const angry = await client.call('messages.count', { filter: builtinView('angryWithoutCase', '2026-11-23') });
      const views = page.getByRole('combobox', { name: 'Views' });
      await views.selectOption({ label: 'Angry without a case' });
      await expect
        .poll(() => page.getByTestId('message-count').textContent())
        .toMatch(new RegExp(`^${angry.total.toLocaleString('en')} of 400`));
      // The view keeps its name in the selector, and what it filters is written out as chips.
      expect(await views.inputValue()).toBe('builtin:angryWithoutCase');
      // The controls show what the view set, two temperatures included.
      expect(
        await page
          .getByRole('combobox', { name: 'Temperature' })
          .evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent),
      ).toBe('-2, -1');
      const chips = page.getByRole('group', { name: 'Filters' });
      await expect
        .poll(() => chips.getByRole('button').allTextContents())
        .toEqual(['Temperature: -2 very angry, -1 angry ×', 'Without a case ×', 'Clear all']);
      await page.getByRole('combobox', { name: 'Annotator' }).selectOption('pau');
      // Changed, it is no longer that view.
      await expect.poll(() => views.inputValue()).toBe('');
      await page.getByRole('button', { name: 'Save view' }).click();
      await page.getByRole('textbox', { name: 'View name' }).fill('Mine, angry');
      await page.keyboard.press('Enter');
      await expect
        .poll(async () => (await client.call('grid.prefs.get', {})).views)
        .toEqual([{ name: 'Mine, angry', filter: { temperatures: [-2, -1], hasCase: false, annotators: ['pau'] } }]);
      expect(await views.inputValue()).toBe('saved:Mine, angry');
      // A chip removes its filter; "Clear all" the rest.
      await chips.getByRole('button', { name: 'Remove the filter “Annotator: pau”' }).click();
      await expect.poll(() => page.getByRole('combobox', { name: 'Annotator' }).inputValue()).toBe('');
      await expect
        .poll(() => page.getByTestId('message-count').textContent())
        .toMatch(new RegExp(`^${angry.total.toLocaleString('en')} of 400`));
      await chips.getByRole('button', { name: 'Clear all' }).click();
      await expect.poll(() => page.getByTestId('message-count').textContent()).toMatch(/^400 messages/);
      expect(await chips.count()).toBe(0);
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
