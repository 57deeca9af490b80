import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '../../../../helpers/files';
import { testBackend } from '../../../../helpers/workspace';

// The app runs its worker threads from the build (out/main/<name>-worker.js), not from source: check those files work.
const OUT = resolve('out/main');

describe.skipIf(!existsSync(join(OUT, 'import-worker.js')))('the built worker threads', () => {
  it('import a file, count the grid and compute KPIs from out/main', async () => {
    const { client } = testBackend(undefined, { workerDir: OUT });
    const file = join(tempFolder(), 'built.csv');
    writeFileSync(
      file,
      'fecha;texto;usuario;sentimiento\n13/05/2026 10:00;Hola @LumenMovil, la fibra va genial;ana;contento\n14/05/2026 11:30;Sin línea otra vez;luis;muy enfadado\n',
    );
    const imported = await client.runJob('import.start', { path: file });
    expect(imported.message ?? '').toBe('');
    expect(imported).toMatchObject({ state: 'finished', result: { new: 2, duplicate: 0, rejected: 0 } });
    const preset = await client.runJob('import.start', {
      path: resolve('../shared/datasets/customer-support/sample.csv'),
      preset: 'customer-support-tweets',
    });
    expect(preset.state).toBe('finished');
    const counts = await client.call('messages.count', { filter: { temperatures: [-2] } });
    expect(counts).toMatchObject({ total: 1, unlabeled: 0 });
    const kpis = await client.call('kpis.get', { from: '2026-05-01', to: '2026-05-31' });
    expect(kpis.totals).toEqual({ messages: 2, labeled: 2, unlabeled: 0 });
  });

  it('write the demo and rematch saved rules from out/main', async () => {
    const { client } = testBackend(undefined, { workerDir: OUT });
    const demo = await client.runJob('demo.create', { messages: 300 });
    expect(demo.message ?? '').toBe('');
    expect(demo).toMatchObject({ state: 'finished', result: { messages: 300 } });
    const rematch = await client.runJob('topics.save', { name: 'Router', keywords: ['router'] });
    expect(rematch).toMatchObject({ state: 'finished', result: { messages: 300 } });
    const topics = await client.call('topics.list', {});
    expect(topics.find((topic) => topic.name === 'Router')?.mentions).toBeGreaterThan(0);
  });

  it('write the deck from out/main, its pictures drawn with the shipped font', async () => {
    const { client } = testBackend(undefined, { workerDir: OUT });
    expect((await client.runJob('demo.create', { messages: 600 })).state).toBe('finished');
    const path = join(tempFolder(), 'built.xlsx');
    const deck = await client.runJob('reports.write', { from: '2026-07-01', to: '2026-09-30', path, format: 'xlsx' });
    expect(deck.message ?? '').toBe('');
    expect(deck).toMatchObject({ state: 'finished', result: { sheets: 9 } });
    expect(existsSync(path)).toBe(true);
  });
});
