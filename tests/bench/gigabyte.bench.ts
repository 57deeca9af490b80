import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importAll, writeCsv } from './import.bench';
import type { BenchResult } from './run';

/** About 1 GB of the import benchmark's messages. */
const ROWS = Number(process.env.BENCH_GIGABYTE_ROWS ?? 4_400_000);

/** The streaming promise: a 1 GB CSV must not need 1 GB of memory. Imports one through the real back end. */
export async function run(): Promise<BenchResult> {
  const folder = mkdtempSync(join(tmpdir(), 'pulso-bench-'));
  try {
    const csv = join(folder, 'messages.csv');
    const sizeMB = writeCsv(csv, ROWS);
    const imported = await importAll(folder, 'bench.pulso', csv, ROWS);
    return {
      rows: [
        ['CSV rows', ROWS.toLocaleString('en'), undefined],
        ['CSV size (MB)', sizeMB.toFixed(0), undefined],
        ['pulso import, to its summary (s)', imported.seconds.toFixed(1), undefined],
        ['rows/s', Math.round(ROWS / imported.seconds).toLocaleString('en'), undefined],
        ['peak RSS (MB)', String(imported.peakRssMB), `< ${Math.round(sizeMB)} (the file's size)`],
      ],
      json: {
        rows: ROWS,
        csvMB: Math.round(sizeMB),
        seconds: imported.seconds,
        peakRssMB: imported.peakRssMB,
      },
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
