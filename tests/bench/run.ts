import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface BenchResult {
  /** Printed as a table, in this order. */
  rows: [label: string, value: string, target?: string][];
  /** Written to tests/bench/results/NAME.json. */
  json: Record<string, number | string | boolean | null>;
}

const BENCHES: Record<string, () => Promise<{ run(): Promise<BenchResult> }>> = {
  import: () => import('./import.bench'),
  gigabyte: () => import('./gigabyte.bench'),
  kpis: () => import('./kpis.bench'),
  grid: () => import('./grid.bench'),
  writes: () => import('./writes.bench'),
  leads: () => import('./leads.bench'),
  deck: () => import('./deck.bench'),
  queue: () => import('./queue.bench'),
};

export const RESULTS_DIR = resolve('tests/bench/results');

export async function main(names: string[]): Promise<number> {
  const chosen = names.length > 0 ? names : Object.keys(BENCHES);
  const unknown = chosen.filter((name) => !BENCHES[name]);
  if (unknown.length > 0) {
    console.error(`unknown benchmark: ${unknown.join(', ')} (benchmarks: ${Object.keys(BENCHES).join(', ')})`);
    return 2;
  }
  // Each of several in a process of its own: a bench's peak RSS is then its own, not what the one before left behind.
  if (chosen.length > 1) {
    for (const name of chosen) {
      const run = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1, 2), name], {
        stdio: 'inherit',
      });
      if (run.status !== 0) return run.status ?? 1;
    }
    return 0;
  }
  mkdirSync(RESULTS_DIR, { recursive: true });
  for (const name of chosen) {
    console.log(`\n== ${name} ==`);
    const result = await (await (BENCHES[name] as () => Promise<{ run(): Promise<BenchResult> }>)()).run();
    const width = Math.max(...result.rows.map(([label]) => label.length));
    for (const [label, value, target] of result.rows)
      console.log(`${label.padEnd(width)}  ${value.padStart(14)}${target ? `   target ${target}` : ''}`);
    const file = join(RESULTS_DIR, `${name}.json`);
    writeFileSync(file, `${JSON.stringify(result.json, null, 2)}\n`);
    console.log(`→ ${file}`);
  }
  return 0;
}
