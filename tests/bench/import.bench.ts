import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openLoadConnection } from '../../db/connection';
import { openStore } from '../../db/open';
import { buildIndexes, deferIndexes, startFullTextLoad } from '../../db/load/writer';
import { addEntity, addTopic } from '../../db/queries/entities';
import { createBackend } from '../../electron/backend/backend';
import { createClient } from '../../shared/api/client';
import type { ImportSummary } from '../../shared/api/import';
import { percentile } from '../../shared/domain/kpis';
import { BENCH_HEADERS, benchRows } from './generate';
import type { BenchResult } from './run';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 1_000_000);
const XLSX_ROWS = Number(process.env.BENCH_XLSX_ROWS ?? 100_000);
/**
 * Runs of each, taking turns with the baseline: this machine's speed changes from minute to
 * minute (one run's ratio ranged 2.5-3.3 between runs of the same code), so one pair says little.
 */
const RUNS = Math.max(1, Number(process.env.BENCH_IMPORT_RUNS ?? 3));

const median = (values: readonly number[]): number => percentile(values, 0.5) as number;
const range = (values: readonly number[], digits = 2): string =>
  `${Math.min(...values).toFixed(digits)}-${Math.max(...values).toFixed(digits)}`;

const ENTITIES = [
  { name: 'Lumen Móvil', role: 'own', aliases: ['Lumen', 'Lumen Móvil', '@LumenMovil', '#LumenMovil'] },
  { name: 'Clara Ibáñez', role: 'person', aliases: ['Clara Ibáñez', '@claraibanez'] },
  { name: 'Vértice Telecom', role: 'competitor', aliases: ['Vértice', 'Vertice Telecom', '@VerticeTel'] },
  { name: 'Onda', role: 'competitor', aliases: ['Onda Móvil', '@OndaMovil', '#Onda'] },
  { name: 'Nube Telecom', role: 'competitor', aliases: ['Nube Telecom', '@NubeTel'] },
] as const;
const TOPICS = [
  { name: 'Fibra', keywords: ['fibra', 'fiber', 'fibra óptica', 'router'] },
  { name: 'Facturación', keywords: ['factura', 'bill', 'cobro'] },
  { name: 'Roaming', keywords: ['roaming', 'itinerancia'] },
  { name: 'Atención', keywords: ['atención al cliente', 'customer service', 'soporte'] },
  { name: 'Precio', keywords: ['precio', 'price', 'oferta', 'deal'] },
];

/** A workspace with 5 tracked entities and 5 topics, ready for matching. */
function prepareWorkspace(path: string): void {
  const store = openStore(path);
  for (const entity of ENTITIES) addEntity(store.sqlite, { ...entity, aliases: [...entity.aliases] });
  for (const topic of TOPICS) addTopic(store.sqlite, topic);
  store.close();
}

/**
 * Bytes this process (all its threads) has passed to write(): its files, the store's log, SQLite's temporary files.
 * Linux only.
 */
function bytesWritten(): number | null {
  try {
    const line = readFileSync('/proc/self/io', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('wchar:'));
    return line ? Number(line.slice('wchar:'.length)) : null;
  } catch {
    return null;
  }
}

/**
 * Imports through the real back end (worker threads and all), sampling the process's RSS: the
 * time until the import says it is done (committed and synced), and apart the time its worker
 * then takes to copy the write-ahead log into the database (closing the back end waits for it).
 */
async function timedImport(
  workspace: string,
  path: string,
): Promise<{
  seconds: number;
  checkpointSeconds: number;
  peakRssMB: number;
  startRssMB: number;
  writtenGB: number | null;
  summary: ImportSummary;
}> {
  // The worker as the app ships it (out/main/import-worker.js), when built; else from source.
  const built = resolve('out/main');
  const backend = createBackend(workspace, existsSync(join(built, 'import-worker.js')) ? { workerDir: built } : {});
  const client = createClient(backend);
  // What this process held before the import (the harness wrote the CSV in it): printed beside the peak.
  const start = process.memoryUsage().rss;
  let peak = start;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const writtenBefore = bytesWritten();
  const started = performance.now();
  const last = await client.runJob('import.start', { path });
  const seconds = (performance.now() - started) / 1000;
  await backend.close();
  const checkpointSeconds = (performance.now() - started) / 1000 - seconds;
  const writtenAfter = bytesWritten();
  const writtenGB = writtenBefore === null || writtenAfter === null ? null : (writtenAfter - writtenBefore) / 1e9;
  clearInterval(sampler);
  if (last.state !== 'finished') throw new Error(`import ${last.state}: ${last.message}`);
  return {
    seconds,
    checkpointSeconds,
    peakRssMB: Math.round(peak / 1e6),
    startRssMB: Math.round(start / 1e6),
    writtenGB,
    summary: last.result,
  };
}

/**
 * Writes the benchmark CSV in a process of its own, so this one's RSS does not carry the generator's memory; its size
 * in MB.
 */
export function writeCsv(path: string, rows: number): number {
  const generated = spawnSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL('./generate.ts', import.meta.url)), path, String(rows)],
    { stdio: 'inherit' },
  );
  if (generated.status !== 0) throw new Error('could not write the benchmark CSV');
  return statSync(path).size / 1e6;
}

/**
 * Imports `file` into a new workspace `name` in `folder` (timedImport), checking every one of its `rows` came in new.
 */
export async function importAll(
  folder: string,
  name: string,
  file: string,
  rows: number,
): ReturnType<typeof timedImport> {
  const workspace = join(folder, name);
  prepareWorkspace(workspace);
  const imported = await timedImport(workspace, file);
  if (imported.summary.new !== rows)
    throw new Error(`expected ${rows} new rows from ${file}, got ${JSON.stringify(imported.summary)}`);
  return imported;
}

/** The same end state without any of Pulso's checks: sqlite3's .import plus an FTS5 index. */
function baseline(folder: string, csv: string): number {
  const db = join(folder, 'baseline.db');
  // Fresh each run: .import into an existing table would append to it.
  rmSync(db, { force: true });
  const script = [
    '.mode csv',
    `.import ${csv} bare`,
    "CREATE VIRTUAL TABLE bare_fts USING fts5(texto, content='bare', tokenize='unicode61 remove_diacritics 2');",
    "INSERT INTO bare_fts(bare_fts) VALUES ('rebuild');",
  ].join('\n');
  const started = performance.now();
  const run = spawnSync('sqlite3', [db], { input: script, encoding: 'utf8' });
  const seconds = (performance.now() - started) / 1000;
  if (run.error || run.status !== 0)
    throw new Error(`sqlite3 baseline failed (install Debian's sqlite3): ${run.error?.message ?? run.stderr}`);
  return seconds;
}

/** The tables an import writes, in the order their rows reference each other. */
const IMPORTED_TABLES = ['sources', 'authors', 'messages', 'labels', 'message_entities', 'message_topics'];

/**
 * Pulso's end state written by SQLite alone: the imported workspace's rows copied table to table
 * into a new one (nothing read, mapped, hashed or matched), in one transaction, with the
 * import's own index handling (those it appends to kept up, the rest built at the end) and the
 * full-text index: with the import's settings, about the best any import could do with this
 * schema on this machine. Against the baseline, it tells how much of the ratio the schema itself takes.
 * The roll-ups (under a second of a million-row import) are left out.
 */
function endStateFloor(folder: string, imported: string): number {
  const floor = join(folder, 'floor.pulso');
  prepareWorkspace(floor);
  const sqlite = openLoadConnection(floor);
  sqlite.prepare('ATTACH ? AS src').run(imported);
  try {
    const started = performance.now();
    sqlite.exec('BEGIN IMMEDIATE');
    // As the import decides: a large load drops its indexes and builds them at the end, a small one keeps them.
    const deferred = deferIndexes(sqlite, ROWS);
    for (const table of IMPORTED_TABLES) sqlite.exec(`INSERT INTO main.${table} SELECT * FROM src.${table}`);
    const fullText = startFullTextLoad(sqlite, deferred.length > 0);
    const ids = sqlite.prepare('SELECT min(id) AS first, max(id) AS last FROM messages').get() as {
      first: number;
      last: number;
    };
    fullText.add(ids.first, ids.last);
    fullText.finish();
    buildIndexes(sqlite, deferred);
    sqlite.exec('COMMIT');
    return (performance.now() - started) / 1000;
  } finally {
    sqlite.close();
  }
}

/** A workbook as Excel writes one: every text in the shared strings table, the sheet's cells pointing into it. */
async function writeXlsx(path: string, count: number): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: true });
  const sheet = workbook.addWorksheet('Menciones');
  sheet.addRow(BENCH_HEADERS).commit();
  for (const row of benchRows(count, 11)) {
    const excelRow = sheet.addRow([row[0], new Date(row[1] as string), ...row.slice(2)]);
    excelRow.getCell(2).numFmt = 'yyyy-mm-dd hh:mm:ss';
    excelRow.commit();
  }
  await workbook.commit();
}

/** Removes a workspace and its log files. */
function removeWorkspace(path: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
}

export async function run(): Promise<BenchResult> {
  const folder = mkdtempSync(join(tmpdir(), 'pulso-bench-'));
  try {
    const csv = join(folder, 'messages.csv');
    const sizeMB = writeCsv(csv, ROWS);
    // Each run beside its own baseline, the pair's ratio; the median of each is reported.
    const csvRuns: (Awaited<ReturnType<typeof importAll>> & { baselineSeconds: number; ratio: number })[] = [];
    for (let i = 0; i < RUNS; i++) {
      const baselineSeconds = baseline(folder, csv);
      removeWorkspace(join(folder, 'bench.pulso'));
      const imported = await importAll(folder, 'bench.pulso', csv, ROWS);
      csvRuns.push({ ...imported, baselineSeconds, ratio: imported.seconds / baselineSeconds });
    }
    const floorSeconds = endStateFloor(folder, join(folder, 'bench.pulso'));

    const xlsx = join(folder, 'messages.xlsx');
    await writeXlsx(xlsx, XLSX_ROWS);
    const xlsxSeconds: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      removeWorkspace(join(folder, 'xlsx.pulso'));
      xlsxSeconds.push((await importAll(folder, 'xlsx.pulso', xlsx, XLSX_ROWS)).seconds);
    }

    const seconds = median(csvRuns.map((r) => r.seconds));
    const baselineSeconds = median(csvRuns.map((r) => r.baselineSeconds));
    const ratio = median(csvRuns.map((r) => r.ratio));
    const rowsPerSecond = Math.round(ROWS / seconds);
    const xlsxRowsPerSecond = Math.round(XLSX_ROWS / median(xlsxSeconds));
    // The first run's: later ones start with what the runs before left in this process's allocator.
    const first = csvRuns[0] as (typeof csvRuns)[number];
    const checkpointSeconds = median(csvRuns.map((r) => r.checkpointSeconds));
    return {
      rows: [
        ['CSV rows', ROWS.toLocaleString('en'), undefined],
        ['CSV size (MB)', sizeMB.toFixed(0), undefined],
        [`runs, each beside its own baseline`, String(RUNS), undefined],
        ['Pulso import, to done (s, median)', seconds.toFixed(2), undefined],
        ['  each run (s)', range(csvRuns.map((r) => r.seconds)), undefined],
        ['  then the log checkpoint, off the UI (s)', checkpointSeconds.toFixed(2), undefined],
        ['rows/s', rowsPerSecond.toLocaleString('en'), '≥ 150,000'],
        [
          '  written, with the checkpoint (GB)',
          first.writtenGB === null ? 'n/a' : first.writtenGB.toFixed(2),
          undefined,
        ],
        ['sqlite3 .import + FTS5 (s, median)', baselineSeconds.toFixed(2), undefined],
        ['  each run (s)', range(csvRuns.map((r) => r.baselineSeconds)), undefined],
        ['  sqlite3 rows/s', Math.round(ROWS / baselineSeconds).toLocaleString('en'), undefined],
        ['ratio Pulso / sqlite3 (median of the pairs)', ratio.toFixed(2), '≤ 2.0'],
        ['  each pair', range(csvRuns.map((r) => r.ratio)), undefined],
        ["  floor: Pulso's end state copied in by SQLite alone (s)", floorSeconds.toFixed(2), undefined],
        ['  floor / sqlite3', (floorSeconds / baselineSeconds).toFixed(2), undefined],
        ['peak RSS (MB, the first run)', String(first.peakRssMB), '≤ 600'],
        ['  RSS when the import started (MB)', String(first.startRssMB), undefined],
        ['XLSX rows', XLSX_ROWS.toLocaleString('en'), undefined],
        ['XLSX rows/s (median)', xlsxRowsPerSecond.toLocaleString('en'), '≥ 30,000'],
        ['  each run (s)', range(xlsxSeconds), undefined],
      ],
      json: {
        rows: ROWS,
        runs: RUNS,
        seconds,
        checkpointSeconds,
        rowsPerSecond,
        peakRssMB: first.peakRssMB,
        startRssMB: first.startRssMB,
        writtenGB: first.writtenGB,
        baselineSeconds,
        baselineRowsPerSecond: Math.round(ROWS / baselineSeconds),
        ratio,
        floorSeconds,
        floorRatio: floorSeconds / baselineSeconds,
        xlsxRows: XLSX_ROWS,
        xlsxSeconds: median(xlsxSeconds),
        xlsxRowsPerSecond,
        csvMB: Math.round(sizeMB),
        runSeconds: csvRuns.map((r) => r.seconds.toFixed(2)).join(' '),
        runBaselineSeconds: csvRuns.map((r) => r.baselineSeconds.toFixed(2)).join(' '),
        runRatios: csvRuns.map((r) => r.ratio.toFixed(2)).join(' '),
        runXlsxSeconds: xlsxSeconds.map((x) => x.toFixed(2)).join(' '),
      },
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
