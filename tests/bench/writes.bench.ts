import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createBackend } from '../../electron/backend/backend';
import { createClient, type Client } from '../../shared/api/client';
import { isPending } from '../../shared/api/envelope';
import { writeCsv } from '../helpers/write-rule';
import type { BenchResult } from './run';

const ROWS = Number(process.env.BENCH_WRITES_ROWS ?? 300_000);
const CALLS = 200;
const TARGET_MS = 50;

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
};

/** CALLS label writes (every tenth an undo), one every 10 ms; each one's answer time in ms, and how many were kept. */
async function label(client: Client, until: () => boolean): Promise<{ ms: number[]; kept: number }> {
  const ms: number[] = [];
  let kept = 0;
  for (let i = 0; i < CALLS && until(); i++) {
    const started = performance.now();
    const result =
      i % 10 === 9
        ? await client.call('labels.undo', {})
        : await client.call('labels.set', { ids: [1 + (i % 50)], temperature: (i % 5) - 2 });
    ms.push(performance.now() - started);
    if (isPending(result)) kept++;
    await new Promise((done) => setTimeout(done, 10));
  }
  return { ms, kept };
}

/**
 * The write rule's target: while an import holds the store's write lock, a label answers within 50 ms (kept for
 * later); beside it, the same labels with the store free.
 */
export async function run(): Promise<BenchResult> {
  const folder = mkdtempSync(join(tmpdir(), 'pulso-bench-writes-'));
  try {
    const built = resolve('out/main');
    const backend = createBackend(
      join(folder, 'writes.pulso'),
      existsSync(join(built, 'import-worker.js')) ? { workerDir: built } : {},
    );
    const client = createClient(backend);
    const seed = await client.runJob('import.start', { path: writeCsv(join(folder, 'seed.csv'), 1000) });
    if (seed.state !== 'finished') throw new Error(`seed import ${seed.state}: ${seed.message}`);
    const free = await label(client, () => true);

    let running = true;
    let writing = false;
    const job = client.runJob('import.start', { path: writeCsv(join(folder, 'big.csv'), ROWS, 10_000) }, (event) => {
      if (event.state === 'progress') writing = true;
    });
    void job.then(() => (running = false));
    while (!writing) await new Promise((done) => setTimeout(done, 10));
    const locked = await label(client, () => running);
    const ended = await job;
    await backend.close();
    const max = Math.max(...locked.ms);
    return {
      rows: [
        ['import rows (holding the write lock)', ROWS.toLocaleString('en')],
        ['label calls while it ran / kept for later', `${locked.ms.length} / ${locked.kept}`],
        ['answer while locked, p50 (ms)', percentile(locked.ms, 50).toFixed(1)],
        ['answer while locked, p99 (ms)', percentile(locked.ms, 99).toFixed(1)],
        ['answer while locked, max (ms)', max.toFixed(1), `≤ ${TARGET_MS}`],
        [
          'answer with the store free, p50 / max (ms)',
          `${percentile(free.ms, 50).toFixed(1)} / ${Math.max(...free.ms).toFixed(1)}`,
        ],
        ['import ended', ended.state],
      ],
      json: {
        rows: ROWS,
        callsWhileLocked: locked.ms.length,
        keptWhileLocked: locked.kept,
        lockedP50Ms: percentile(locked.ms, 50),
        lockedP99Ms: percentile(locked.ms, 99),
        lockedMaxMs: max,
        freeP50Ms: percentile(free.ms, 50),
        freeMaxMs: Math.max(...free.ms),
        targetMs: TARGET_MS,
        met: max <= TARGET_MS,
      },
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
