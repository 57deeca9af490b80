import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoWorkspace } from './demo-workspace';
import type { BenchResult } from './run';

const MESSAGES = Number(process.env.BENCH_DECK_MESSAGES ?? 1_000_000);
const QUARTER = { from: '2026-07-01', to: '2026-09-30' };

/**
 * The quarterly deck of a million-message workspace, end to end as the Reports screen and `pulso report` wait for it
 * (the KPIs and ROI through the read workers, the deck laid out and written in its thread, the file in place): each
 * format best of three.
 */
export async function run(): Promise<BenchResult> {
  const folder = mkdtempSync(join(tmpdir(), 'pulso-deck-bench-'));
  try {
    const { backend, client } = await demoWorkspace(join(folder, 'deck.pulso'), MESSAGES);
    let charts = 0;
    const timed = async (format: 'xlsx' | 'pptx'): Promise<number> => {
      const timings: number[] = [];
      for (let i = 0; i < 3; i++) {
        const started = performance.now();
        const end = await client.runJob('reports.write', {
          ...QUARTER,
          format,
          path: join(folder, `deck-${i}.${format}`),
        });
        timings.push(performance.now() - started);
        if (end.state !== 'finished') throw new Error(`deck ${end.state}: ${end.message}`);
        charts = end.result.charts;
      }
      return Math.min(...timings);
    };
    const xlsxMs = await timed('xlsx');
    const pptxMs = await timed('pptx');
    await backend.close();
    return {
      rows: [
        ['messages', MESSAGES.toLocaleString('en')],
        ['native charts in the deck', String(charts)],
        ['the quarter as an Excel workbook (ms, best of 3)', xlsxMs.toFixed(0), '≤ 3000'],
        ['the quarter as PowerPoint slides (ms, best of 3)', pptxMs.toFixed(0), '≤ 3000'],
      ],
      json: { messages: MESSAGES, xlsxMs, pptxMs, charts },
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
