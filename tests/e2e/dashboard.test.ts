import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addDays, quickPeriod } from '../../shared/domain/period';
import { createTranslator } from '../../shared/i18n';
import { tempFolder } from '../helpers/files';
import { testBackend } from '../helpers/workspace';
import { closeBrowser, openApp, screenshotPath, screenshotsAtSizes } from './harness';

afterAll(closeBrowser);

describe('the dashboard (real renderer, real handlers)', () => {
  it('shows the KPIs of the last quarter with data, changes period, clicks through to the grid and saves charts', async () => {
    const folder = tempFolder();
    const saved: string[] = [];
    const { backend, client } = testBackend(undefined, {
      chooseFile: async (_purpose, name) => join(folder, name ?? 'chart'),
    });
    const demo = await client.runJob('demo.create', { messages: 3000 });
    expect(demo.state).toBe('finished');
    await client.call('settings.update', { language: 'en' });
    const span = await client.call('messages.span', {});
    const quarter = quickPeriod('thisQuarter', span.to as string);
    const previous = quickPeriod('lastQuarter', span.to as string);
    const [report, before] = [await client.call('kpis.get', quarter), await client.call('kpis.get', previous)];
    expect(report.totals.messages).not.toBe(before.totals.messages);

    // Today is the last day with data: this quarter is the data's latest, last quarter the one before.
    const app = await openApp(backend, { now: new Date(`${span.to}T12:00:00Z`) });
    const { page } = app;
    try {
      await page.getByRole('button', { name: 'Dashboard' }).click();
      const messages = page.locator('[data-kpi="Messages"]');
      await expect.poll(() => messages.textContent()).toBe(report.totals.messages.toLocaleString('en'));
      await expect.poll(() => page.locator('canvas').count()).toBeGreaterThan(5);
      await page.screenshot({ path: screenshotPath('dashboard.png'), fullPage: true });
      // Each card says how it moved since the previous period: ▲ or ▼ and by how much.
      const moved =
        (report.totals.messages - report.previousPeriod.totals.messages) / report.previousPeriod.totals.messages;
      await expect(page.locator('.kpi-card').first().locator('.kpi-change').textContent()).resolves.toBe(
        `${moved > 0 ? '▲' : '▼'} ${(Math.abs(moved) * 100).toLocaleString('en', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} %`,
      );

      // The period picker changes the figures.
      await page.getByRole('button', { name: 'Last quarter' }).click();
      await expect.poll(() => messages.textContent()).toBe(before.totals.messages.toLocaleString('en'));
      await page.getByRole('button', { name: 'This quarter' }).click();
      await expect.poll(() => messages.textContent()).toBe(report.totals.messages.toLocaleString('en'));

      // Narrowed to one source, every figure follows.
      const twitter = await client.call('kpis.get', { ...quarter, sources: ['twitter'] });
      await page.getByRole('combobox', { name: 'Source' }).selectOption('twitter');
      await expect.poll(() => messages.textContent()).toBe(twitter.totals.messages.toLocaleString('en'));
      await page.getByRole('combobox', { name: 'Source' }).selectOption('');
      await expect.poll(() => messages.textContent()).toBe(report.totals.messages.toLocaleString('en'));

      // Saving a chart writes a real PNG and a real SVG where the dialog said.
      const sov = page.locator('[data-chart="share-of-voice"]');
      await sov.getByRole('button', { name: 'PNG' }).click();
      await expect.poll(() => sov.getByRole('status').textContent()).toMatch(/Saved .*\.png/);
      await sov.getByRole('button', { name: 'SVG' }).click();
      await expect.poll(() => sov.getByRole('status').textContent()).toMatch(/Saved .*\.svg/);
      const base = join(folder, `share-of-voice ${quarter.from} ${quarter.to}`);
      saved.push(`${base}.png`, `${base}.svg`);
      expect(readFileSync(`${base}.png`).subarray(0, 8)).toEqual(
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      );
      const svg = readFileSync(`${base}.svg`, 'utf8');
      expect(svg).toMatch(/^<svg[\s\S]*<\/svg>$/);
      // The saved chart says what it is and when: its title and period on it.
      expect(svg).toContain('Share of Voice');
      expect(svg).toContain(`${quarter.from.slice(5, 7)}/${quarter.from.slice(8)}/${quarter.from.slice(0, 4)}`);
      for (const entity of report.entities.filter((e) => e.mentions > 0)) expect(svg).toContain(entity.name);

      // A click on the donut's first slice (it starts at 12 o'clock, clockwise) opens the grid on exactly its messages.
      const first = report.entities[0];
      expect(first && first.shareOfVoice).toBeGreaterThan(0.05);
      const canvas = sov.locator('.chart-canvas');
      const box = await canvas.boundingBox();
      if (!box || !first) throw new Error('no chart');
      const radius = (Math.min(box.width, box.height) / 2) * 0.575;
      const angle = Math.PI * 2 * 0.02;
      await canvas.click({
        position: { x: box.width / 2 + radius * Math.sin(angle), y: box.height / 2 - radius * Math.cos(angle) },
      });
      const count = page.getByTestId('message-count');
      await expect
        .poll(() => count.textContent())
        .toMatch(new RegExp(`^${first.mentions.toLocaleString('en')} of 3,000`));
      // What the slice filters is shown as chips: its period and its entity.
      await expect
        .poll(() => page.getByRole('group', { name: 'Filters' }).getByRole('button').allTextContents())
        .toEqual([
          `${createTranslator('en', 'UTC').day(quarter.from)} – ${createTranslator('en', 'UTC').day(quarter.to)} ×`,
          `Entity: ${first.name} ×`,
          'Clear all',
        ]);
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('walks a chart from the keyboard, says each element, and drills into it with Enter (Spanish)', async () => {
    const { backend, client } = testBackend();
    expect((await client.runJob('demo.create', { messages: 1500 })).state).toBe('finished');
    await client.call('settings.update', { language: 'es', timeZone: 'UTC' });
    const span = await client.call('messages.span', {});
    const quarter = quickPeriod('thisQuarter', span.to as string);
    const report = await client.call('kpis.get', quarter);
    const [first, second] = report.entities;
    if (!first || !second) throw new Error('two entities expected');
    const es = createTranslator('es', 'UTC');
    const app = await openApp(backend, { now: new Date(`${span.to}T12:00:00Z`) });
    const { page } = app;
    try {
      await page.getByRole('button', { name: 'Panel' }).click();
      const sov = page.getByRole('group', { name: /^Share of Voice \(cuota de voz\): ← →/ });
      await expect.poll(() => page.locator('canvas').count()).toBeGreaterThan(5);
      // A control like any other (tabIndex 0): focused, it starts on its first element.
      await sov.focus();
      const said = page.locator('section[data-chart="share-of-voice"]').getByTestId('chart-focus');
      await expect.poll(() => said.textContent()).toBe(`${first.name}: ${es.number(first.mentions)}`);
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => said.textContent()).toBe(`${second.name}: ${es.number(second.mentions)}`);
      await screenshotsAtSizes(page, 'dashboard-keyboard-es');
      await page.keyboard.press('Enter');
      await expect
        .poll(() => page.getByTestId('message-count').textContent())
        .toMatch(new RegExp(`^${es.number(second.mentions)} de `));
      await expect
        .poll(() => page.getByRole('group', { name: 'Filtros' }).getByRole('button').allTextContents())
        .toEqual([`${es.day(quarter.from)} – ${es.day(quarter.to)} ×`, `Entidad: ${second.name} ×`, 'Quitar todos']);
      // The date fields write the day as Spanish does, whatever the OS, and take one typed that way.
      const from = page.getByRole('textbox', { name: 'Desde' });
      expect(await from.inputValue()).toBe(es.day(quarter.from));
      expect(await from.getAttribute('placeholder')).toBe('dd/mm/aaaa');
      const mid = addDays(quarter.from, 45);
      await from.fill(es.day(mid));
      await from.press('Enter');
      const narrowed = await client.call('messages.count', {
        filter: { from: mid, to: quarter.to, entities: [second.id] },
      });
      await expect
        .poll(() => page.getByTestId('message-count').textContent())
        .toMatch(new RegExp(`^${es.number(narrowed.total)} de `));
      await from.fill('31/02/2026');
      await from.press('Enter');
      expect(await from.getAttribute('aria-invalid')).toBe('true');
      expect(await page.getByRole('group', { name: 'Filtros' }).getByRole('button').first().textContent()).toBe(
        `${es.day(mid)} – ${es.day(quarter.to)} ×`,
      );
      await screenshotsAtSizes(page, 'grid-day-field-es');
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('says when this quarter has no messages yet and shows the latest with data; All time covers every message', async () => {
    const { backend, client } = testBackend();
    expect((await client.runJob('demo.create', { messages: 1500 })).state).toBe('finished');
    await client.call('settings.update', { language: 'en', timeZone: 'UTC' });
    const span = await client.call('messages.span', {});
    const latest = quickPeriod('thisQuarter', span.to as string);
    const [shown, all] = [
      await client.call('kpis.get', latest),
      await client.call('kpis.get', { from: span.from as string, to: span.to as string }),
    ];
    // The demo ends in September 2026; the calendar says December.
    const app = await openApp(backend, { now: new Date('2026-12-06T10:00:00Z') });
    const { page } = app;
    try {
      await page.getByRole('button', { name: 'Dashboard' }).click();
      const messages = page.locator('[data-kpi="Messages"]');
      await expect.poll(() => messages.textContent()).toBe(shown.totals.messages.toLocaleString('en'));
      await expect
        .poll(() => page.locator('.period-fallback').textContent())
        .toBe('This quarter has no messages yet: showing Q3 2026, the latest quarter with data.');
      await page.getByRole('button', { name: 'All time' }).click();
      await expect.poll(() => messages.textContent()).toBe(all.totals.messages.toLocaleString('en'));
      expect(await page.locator('.period-fallback').count()).toBe(0);
      // This month is the calendar's: December, with no messages.
      await page.getByRole('button', { name: 'This month' }).click();
      await expect.poll(() => messages.textContent()).toBe('0');
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('draws in the dark theme chosen in Settings, in Spanish: light text on the dark card, marks in colour', async () => {
    const { backend, client } = testBackend();
    expect((await client.runJob('demo.create', { messages: 1500 })).state).toBe('finished');
    await client.call('settings.update', { language: 'es', theme: 'dark' });
    const app = await openApp(backend, { now: new Date('2026-09-30T10:00:00Z') });
    const { page } = app;
    try {
      await page.getByRole('button', { name: 'Panel' }).click();
      await expect.poll(() => page.locator('canvas').count()).toBeGreaterThan(5);
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
      // The page's text is light on dark, the charts' canvases transparent over the dark card.
      expect(await page.evaluate(() => getComputedStyle(document.body).color)).toBe('rgb(228, 231, 236)');
      await expect.poll(() => page.locator('.kpi-change').count()).toBeGreaterThan(3);
      await screenshotsAtSizes(page, 'dashboard-es-dark');
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
