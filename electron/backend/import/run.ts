import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import { loadRules } from '../../../db/queries/entities';
import { batchesOfFile, createBatch, finishBatch } from '../../../db/queries/imports';
import { startLoad } from '../../../db/load/writer';
import type Database from 'better-sqlite3';
import type { CellError } from '../../../shared/domain/import/mapping';
import { cellProblemText, problemsIn, type SayProblem } from '../../../shared/domain/import/problems';
import type { Language } from '../../../shared/domain/vocabulary';
import type { z } from 'zod';
import type { importRequestSchema, ImportSummary } from '../../../shared/api/import';
import { IMPORTED_ANNOTATOR } from '../../../shared/domain/vocabulary';
import { inTransaction } from '../runtime/transaction';
import type { JobProgress } from '../runtime/jobs';
import type { WorkerOptions } from '../runtime/workers';
import { planImport, type Plan } from './plan';
import { startReading } from './reading-client';
import { assertRegularFile, ImportError, openReader, readerOptions } from './readers';
import { createRejectsWriter } from './rejects';

export type ImportRequest = z.output<typeof importRequestSchema>;

/** The workspace's settings an import uses; `language`: the one its report of unreadable rows is written in. */
export interface ImportSettings {
  timeZone: string;
  annotator: string;
  language: Language;
}

/** Bytes of the file read, then (stage 'indexing') the load's last steps built: see JobEvent. */
export type ImportProgress = JobProgress & { rows: number };

const ERRORS_SHOWN = 5;
const ERRORS_BEFORE_GIVING_UP = 1000;

async function sha256(path: string, signal: AbortSignal): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20, signal })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * What the writer needs of the file: its headers, rough size and plan. The reader itself (an
 * XLSX's shared strings with it) is let go: the reading thread opens the file again.
 */
async function planFile(request: ImportRequest): Promise<{
  headers: string[];
  estimatedRows: number;
  plan: Plan;
  layout: Pick<ImportSummary, 'headerRow' | 'descriptionRow'>;
}> {
  const reader = await openReader(request.path, readerOptions(request));
  const plan = await planImport(request.path, reader, {
    mapping: request.mapping,
    dateOrder: request.dateOrder,
    temperatureScale: request.temperatureScale,
  });
  return {
    headers: reader.headers,
    estimatedRows: reader.estimatedRows,
    plan,
    layout: { headerRow: reader.headerRow, descriptionRow: reader.descriptionRow ?? null },
  };
}

function describe(t: SayProblem, file: string, row: number, error: CellError): string {
  // The row as a string: a row number is written as the spreadsheet shows it (60002, not 60,002).
  const problem = cellProblemText(error.problem, t);
  return t('importReport.row', { file, row: String(row), column: error.column, problem });
}

/**
 * Imports one file as one batch, in one transaction: any error (or a kill) leaves the store as it
 * was. Without a rejects file, a row that cannot be read refuses the whole file. This thread
 * only writes; the rows are read and planned beside it (prepare.ts).
 */
export async function runImport(
  sqlite: Database.Database,
  request: ImportRequest,
  settings: ImportSettings,
  onProgress: (progress: ImportProgress) => void,
  /** Where to start the thread that reads and plans the rows, and the addon it opens the store with. */
  options: { workers: WorkerOptions; nativeBinding?: string | undefined },
): Promise<ImportSummary> {
  const started = Date.now();
  // Said at once: the reading thread's start and the file's head take a moment before the first rows are counted.
  onProgress({ done: 0, total: 1, rows: 0, stage: 'starting' });
  const name = basename(request.path);
  const t = problemsIn(settings.language);
  // Before anything reads it: a pipe or a device would be read (and hashed) forever.
  assertRegularFile(request.path);
  // Started first, so its code loads while this thread reads the file's head and plans.
  const reading = startReading(options.workers);
  let rejects: ReturnType<typeof createRejectsWriter> | null = null;
  // Read beside the rows (this thread mostly waits for them), not before them; stopped with the import.
  const stopHashing = new AbortController();
  const hashing = sha256(request.path, stopHashing.signal);
  hashing.catch(() => undefined); // awaited below, unless the file is refused first
  try {
    const file = await planFile(request);
    rejects = request.rejectsPath ? createRejectsWriter(request.rejectsPath, file.headers) : null;
    const summary = await inTransaction(sqlite, async () => {
      const batch = createBatch(sqlite, {
        fileName: name,
        fileSize: statSync(request.path).size,
        preset: request.preset ?? null,
        importedBy: settings.annotator,
      });
      const rules = loadRules(sqlite);
      const load = startLoad(sqlite, batch, { expectedRows: file.estimatedRows, rules });
      const counts = { rowsNew: 0, rowsDuplicate: 0, rowsRejected: 0 };
      const errors: string[] = [];
      let rows = 0;
      let implausibleDates = 0;

      const batches = reading.batches({
        path: request.path,
        ...readerOptions(request),
        plan: file.plan,
        timeZone: settings.timeZone,
        rules,
        workspacePath: sqlite.name,
        nativeBinding: options.nativeBinding,
        batchId: batch,
        labeledAt: Date.now(),
        // A label the file carries is the file's (labels.batch_id says which), not the importing user's.
        annotator: IMPORTED_ANNOTATOR,
        entityRole: file.plan.mapping.entityRole ?? 'competitor',
      });
      reading: for await (const prepared of batches) {
        rows += prepared.read;
        for (const record of prepared.rejected) {
          counts.rowsRejected++;
          const first = record.errors[0] as CellError;
          if (errors.length < ERRORS_SHOWN) errors.push(describe(t, name, record.row, first));
          if (rejects)
            rejects.write(
              record.row,
              first.column,
              record.errors.map((e) => `${e.column}: ${cellProblemText(e.problem, t)}`).join('; '),
              record.values,
            );
          else if (counts.rowsRejected >= ERRORS_BEFORE_GIVING_UP) break reading;
        }
        // A file that will be refused is read to its end for its errors, but nothing of it is written.
        if (counts.rowsRejected === 0 || rejects) load.write(prepared.rows);
        counts.rowsNew += prepared.added;
        counts.rowsDuplicate += prepared.duplicate;
        implausibleDates += prepared.implausible;
        onProgress({ ...prepared.progress, rows });
      }

      if (counts.rowsRejected > 0 && !rejects) {
        const atLeast = counts.rowsRejected >= ERRORS_BEFORE_GIVING_UP ? t('importReport.atLeast') : '';
        const more =
          counts.rowsRejected > errors.length
            ? ` ${t('importReport.more', { atLeast, count: counts.rowsRejected - errors.length })}`
            : '';
        throw new ImportError(
          [
            t('importReport.refused', { file: name, atLeast, count: counts.rowsRejected }),
            `${errors.join('\n')}${more}`,
            t('importReport.fix'),
          ].join('\n'),
        );
      }
      if (counts.rowsRejected > 0 && counts.rowsNew + counts.rowsDuplicate === 0) {
        // Nothing to record as a batch; the rejects file, asked for, stays with every row's reason.
        await rejects?.close();
        rejects = null;
        throw new ImportError(
          t('importReport.allRejected', { file: name, count: counts.rowsRejected, path: request.rejectsPath ?? '' }),
        );
      }
      load.finish((done, total) => onProgress({ done, total, rows, stage: 'indexing' }));
      const sha256 = await hashing;
      finishBatch(sqlite, batch, { ...counts, sha256 });
      return {
        sameFileAs: batchesOfFile(sqlite, sha256, batch),
        dropped: file.plan.dropped,
        ...file.layout,
        implausibleDates,
        batch,
        new: counts.rowsNew,
        duplicate: counts.rowsDuplicate,
        rejected: counts.rowsRejected,
        rows,
        file: name,
        rejectsPath: request.rejectsPath ?? null,
        seconds: (Date.now() - started) / 1000,
      };
    });
    await rejects?.close();
    return summary;
  } catch (error) {
    await rejects?.abort();
    throw error;
  } finally {
    stopHashing.abort();
    await reading.stop();
  }
}
