import ExcelJS from 'exceljs';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openLoadConnection } from '../../db/connection';
import { openStore } from '../../db/open';
import { buildIndexes, deferIndexes, startFullTextLoad } from '../../db/load/writer';
import { addEntity, addTopic } from '../../db/queries/entities';
import { percentile } from '../../shared/domain/kpis';
import { BENCH_HEADERS, benchRows, type BenchShape } from './generate';
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

/** The CLI as installed (bin/pulso.mjs, which runs the built out/main/cli.js and its worker threads). */
const PULSO = fileURLToPath(new URL('../../bin/pulso.mjs', import.meta.url));

/** A process's resident memory in MB, from /proc (Linux); null once it has gone. */
function rssMB(pid: number): number | null {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('VmRSS:'));
    return line ? Number(line.replace(/\D+/g, '')) / 1000 : null;
  } catch {
    return null;
  }
}

/** Clock ticks a second, as /proc counts a process's CPU time. */
const TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;

/** The CPU time a live process has used so far, all its threads, user and system (Linux; null elsewhere). */
function cpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // After the command's name in parentheses: state is field 3, utime and stime fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS;
  } catch {
    return null;
  }
}

/**
 * `pulso import FILE --workspace W --json`, as a script runs it: the time until it prints its summary (the import
 * committed and synced: what the app's progress bar ends at), and until the process exits (after its worker copied
 * the write-ahead log into the database); its RSS sampled every 50 ms, all its threads.
 */
async function timedImport(
  workspace: string,
  path: string,
): Promise<{
  seconds: number;
  exitSeconds: number;
  peakRssMB: number;
  cpuSeconds: number | null;
  summary: { new: number };
}> {
  const started = performance.now();
  const child = spawn(process.execPath, [PULSO, 'import', path, '--workspace', workspace, '--json'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMB(child.pid as number) ?? 0)), 50);
  let out = '';
  let err = '';
  let seconds = 0;
  let cpu: number | null = null;
  child.stdout.on('data', (chunk: Buffer) => {
    if (!seconds) {
      seconds = (performance.now() - started) / 1000;
      cpu = cpuSeconds(child.pid as number);
    }
    out += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => (err = (err + chunk.toString()).slice(-2000)));
  const code = await new Promise<number | null>((done) => child.on('close', done));
  clearInterval(sampler);
  if (code !== 0) throw new Error(`pulso import ${path} exited ${code}: ${err}`);
  return {
    seconds,
    exitSeconds: (performance.now() - started) / 1000,
    peakRssMB: Math.round(peak),
    cpuSeconds: cpu,
    summary: JSON.parse(out) as { new: number },
  };
}

/** A command's time to exit as a script runs it: best of 5, ms. */
function bestStartMs(args: string[]): number {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    const run = spawnSync(process.execPath, args, { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`${args.join(' ')} failed: ${run.stderr}`);
    times.push(performance.now() - started);
  }
  return Math.min(...times);
}

/**
 * Writes the benchmark CSV in a process of its own, so this one's RSS does not carry the generator's memory; its size
 * in MB.
 */
export function writeCsv(path: string, rows: number, shape: BenchShape = 'pulso'): number {
  const generated = spawnSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL('./generate.ts', import.meta.url)), path, String(rows), shape],
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

/** The same end state without any of Pulso's checks: sqlite3's .import plus an FTS5 index on the text column. */
function baseline(folder: string, csv: string, textColumn: string): number {
  const db = join(folder, 'baseline.db');
  // Fresh each run: .import into an existing table would append to it.
  rmSync(db, { force: true });
  const script = [
    '.mode csv',
    `.import ${csv} bare`,
    `CREATE VIRTUAL TABLE bare_fts USING fts5(${textColumn}, content='bare', tokenize='unicode61 remove_diacritics 2');`,
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

/** One CSV shape's runs, each import through the CLI beside its own baseline. */
async function csvRuns(folder: string, shape: BenchShape, textColumn: string) {
  const csv = join(folder, `${shape}.csv`);
  const sizeMB = writeCsv(csv, ROWS, shape);
  const runs: (Awaited<ReturnType<typeof importAll>> & { baselineSeconds: number })[] = [];
  for (let i = 0; i < RUNS; i++) {
    const baselineSeconds = baseline(folder, csv, textColumn);
    removeWorkspace(join(folder, `${shape}.pulso`));
    runs.push({ ...(await importAll(folder, `${shape}.pulso`, csv, ROWS)), baselineSeconds });
  }
  const seconds = median(runs.map((r) => r.seconds));
  const baselineSeconds = median(runs.map((r) => r.baselineSeconds));
  return {
    sizeMB,
    seconds,
    exitSeconds: median(runs.map((r) => r.exitSeconds)),
    baselineSeconds,
    ratio: median(runs.map((r) => r.seconds / r.baselineSeconds)),
    exitRatio: median(runs.map((r) => r.exitSeconds / r.baselineSeconds)),
    peakRssMB: Math.max(...runs.map((r) => r.peakRssMB)),
    cpuSeconds: median(runs.map((r) => r.cpuSeconds ?? NaN)),
    // What 2.0× the shell's time gives an import that keeps every core busy throughout: the target's CPU budget.
    cpuBudgetSeconds: 2 * baselineSeconds * availableParallelism(),
    runSeconds: runs.map((r) => r.seconds.toFixed(2)).join(' '),
    runBaselineSeconds: runs.map((r) => r.baselineSeconds.toFixed(2)).join(' '),
    runRatios: runs.map((r) => (r.seconds / r.baselineSeconds).toFixed(2)).join(' '),
  };
}

type CsvRuns = Awaited<ReturnType<typeof csvRuns>>;

const csvRows = (name: string, r: CsvRuns): [string, string, string | undefined][] => [
  [`${name}: CSV size (MB)`, r.sizeMB.toFixed(0), undefined],
  ['  pulso import, to its summary (s, median)', r.seconds.toFixed(2), undefined],
  ['  each run (s)', r.runSeconds, undefined],
  ['  to the process exit, the log copied in (s)', r.exitSeconds.toFixed(2), undefined],
  ['  rows/s', Math.round(ROWS / r.seconds).toLocaleString('en'), '≥ 150,000'],
  ['  sqlite3 .import + FTS5 (s, median)', r.baselineSeconds.toFixed(2), undefined],
  ['  each run (s)', r.runBaselineSeconds, undefined],
  ['  ratio pulso / sqlite3 (median of the pairs)', r.ratio.toFixed(2), '≤ 2.0'],
  ['  each pair', r.runRatios, undefined],
  ['  ratio to the exit', r.exitRatio.toFixed(2), undefined],
  [
    '  CPU used to the summary, all threads (s, median)',
    Number.isFinite(r.cpuSeconds) ? r.cpuSeconds.toFixed(1) : '— (read from /proc: Linux only)',
    undefined,
  ],
  [`  CPU 2.0× the shell gives on ${availableParallelism()} cores (s)`, r.cpuBudgetSeconds.toFixed(1), undefined],
  ['  peak RSS of the pulso process (MB)', String(r.peakRssMB), '≤ 600'],
];

export async function run(): Promise<BenchResult> {
  const folder = mkdtempSync(join(tmpdir(), 'pulso-bench-'));
  try {
    const small = join(folder, 'small.pulso');
    prepareWorkspace(small);
    // Node's own start beside it: the CLI's target is absolute, and this machine's speed varies from hour to hour.
    const nodeStartMs = bestStartMs(['-e', '0']);
    const startMs = bestStartMs([PULSO, 'info', '--workspace', small]);

    const pulso = await csvRuns(folder, 'pulso', 'texto');
    const floorSeconds = endStateFloor(folder, join(folder, 'pulso.pulso'));
    const english = await csvRuns(folder, 'english', 'text');

    const xlsx = join(folder, 'messages.xlsx');
    await writeXlsx(xlsx, XLSX_ROWS);
    const xlsxSeconds: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      removeWorkspace(join(folder, 'xlsx.pulso'));
      xlsxSeconds.push((await importAll(folder, 'xlsx.pulso', xlsx, XLSX_ROWS)).seconds);
    }
    const xlsxRowsPerSecond = Math.round(XLSX_ROWS / median(xlsxSeconds));
    const { sizeMB, ...pulsoJson } = pulso;
    return {
      rows: [
        ['CSV rows, each file', ROWS.toLocaleString('en'), undefined],
        ['runs of each, each beside its own baseline', String(RUNS), undefined],
        ['pulso info on a small workspace (ms, best of 5)', startMs.toFixed(0), '≤ 300'],
        ['  node -e 0 in the same minute (ms, best of 5)', nodeStartMs.toFixed(0), undefined],
        ...csvRows("Pulso's own shape (12 columns, emoji, numbers)", pulso),
        ["  floor: Pulso's end state copied in by SQLite alone (s)", floorSeconds.toFixed(2), undefined],
        ['  floor / sqlite3', (floorSeconds / pulso.baselineSeconds).toFixed(2), undefined],
        ...csvRows('English shape (8 columns, 200,000 authors, word labels)', english),
        ['XLSX rows', XLSX_ROWS.toLocaleString('en'), undefined],
        ['XLSX rows/s (median, through the CLI)', xlsxRowsPerSecond.toLocaleString('en'), '≥ 40,000'],
        ['  each run (s)', range(xlsxSeconds), undefined],
      ],
      json: {
        rows: ROWS,
        runs: RUNS,
        cliStartMs: startMs,
        nodeStartMs,
        ...pulsoJson,
        csvMB: Math.round(sizeMB),
        rowsPerSecond: Math.round(ROWS / pulso.seconds),
        floorSeconds,
        floorRatio: floorSeconds / pulso.baselineSeconds,
        // The second file's figures, flat: englishRatio, englishSeconds…
        ...Object.fromEntries(
          Object.entries({ ...english, rowsPerSecond: Math.round(ROWS / english.seconds) }).map(([key, value]) => [
            `english${key[0]?.toUpperCase()}${key.slice(1)}`,
            value,
          ]),
        ),
        xlsxRows: XLSX_ROWS,
        xlsxSeconds: median(xlsxSeconds),
        xlsxRowsPerSecond,
        runXlsxSeconds: xlsxSeconds.map((x) => x.toFixed(2)).join(' '),
      },
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
