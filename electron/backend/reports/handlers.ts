import { accessSync, constants, existsSync, readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { addReportRun, listReportRuns, loadBranding, reportRunPath, saveBranding } from '../../../db/queries/reports';
import type { Store } from '../../../db/open';
import { DECK_SECTIONS, type DeckSectionKey, type ReportResult } from '../../../shared/api/reports';
import { previousPeriod } from '../../../shared/domain/period';
import { kpiHandlers } from '../kpis/handlers';
import { workspaceSettings } from '../runtime/defaults';
import { defineHandlers } from '../runtime/define-handlers';
import { checkCancelled } from '../runtime/jobs';
import { checkOutputPath, openOutputFile, OutputRefused } from '../runtime/output-file';
import { runInWorker } from '../runtime/workers';
import { notFound, Refused } from '../runtime/context';
import type { DeckFile, DeckThreadData } from './write-deck';

/** The job's steps, for its progress: the KPIs, the ROI, the deck laid out and written, the file in place. */
const STEPS = 4;

/** Refuses, before the job starts, an output the deck cannot be written to; names the file and why. */
function checkDeckPath(path: string, format: 'xlsx' | 'pptx', workspace: string): void {
  if (extname(path).toLowerCase() !== `.${format}`)
    throw new OutputRefused({
      refusal: 'report-extension',
      file: basename(path),
      extension: `.${format}`,
      format: format.toUpperCase(),
    });
  checkOutputPath(path, 'report', { workspace });
  if (existsSync(path) && statSync(path).isFile()) {
    try {
      accessSync(path, constants.W_OK);
    } catch {
      throw new OutputRefused({ refusal: 'report-read-only', path });
    }
  }
}

const MAX_LOGO_BYTES = 1024 * 1024;

/** A logo file as a data URL, refused (naming the file) unless it is a PNG or JPEG of at most 1 MB. */
function readLogo(path: string): string {
  const name = basename(path);
  if (!existsSync(path) || !statSync(path).isFile()) throw new Refused({ refusal: 'logo-not-file', name });
  if (statSync(path).size > MAX_LOGO_BYTES) throw new Refused({ refusal: 'logo-too-large', name });
  const bytes = readFileSync(path);
  const type = bytes.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47]))
    ? 'png'
    : bytes.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))
      ? 'jpeg'
      : null;
  if (!type) throw new Refused({ refusal: 'logo-not-image', name });
  return `data:image/${type};base64,${bytes.toString('base64')}`;
}

/** The workspace's name for the deck: the one set, else the workspace file's. */
function branding(store: Store): { name: string; logo: string | null; named: boolean } {
  const saved = loadBranding(store.sqlite);
  return {
    name: saved.name ?? basename(store.path).replace(/\.[^.]+$/, ''),
    logo: saved.logo,
    named: saved.name !== null,
  };
}

export const reportHandlers = defineHandlers({
  'reports.branding': (_input, { store }) => branding(store),
  'reports.setBranding': ({ name, path }, { store, writes }) => {
    // Read before the write: a refused file changes nothing.
    const logo = path === undefined ? undefined : path === null ? null : readLogo(path);
    return writes.write(() => {
      saveBranding(store.sqlite, { ...(name === undefined ? {} : { name: name || null }), logo });
      return branding(store);
    });
  },
  'reports.write': (request, context) => {
    const { store, jobs, options } = context;
    const settings = workspaceSettings(store);
    const language = request.language ?? settings.language ?? 'en';
    const chosen = request.sections !== undefined;
    const sections: DeckSectionKey[] = DECK_SECTIONS.filter((key) => (request.sections ?? DECK_SECTIONS).includes(key));
    checkDeckPath(request.path, request.format, store.path);
    return {
      jobId: jobs.start('report', async (job): Promise<ReportResult> => {
        const started = Date.now();
        const step = (done: number): void => job.progress({ done, total: STEPS });
        step(0);
        const period = { from: request.from, to: request.to };
        const kpis = await kpiHandlers['kpis.get'](period, context);
        step(1);
        checkCancelled(job.signal);
        const [roi, previousRoi] = await Promise.all([
          kpiHandlers['kpis.roi'](period, context),
          kpiHandlers['kpis.roi'](previousPeriod(request.from, request.to), context),
        ]);
        step(2);
        const brand = branding(store);
        const data: DeckThreadData = {
          input: {
            kpis,
            roi,
            previousRoi,
            workspace: brand.name,
            logo: brand.logo,
            sections,
            sectionsChosen: chosen,
            generatedAt: Date.now(),
          },
          format: request.format,
          language,
          timeZone: settings.timeZone,
          fontFile: options.fontFile,
        };
        const file = await runInWorker<never, DeckFile>(
          'deck',
          data,
          options,
          job.signal,
          () => undefined,
          'The report',
        );
        step(3);
        checkCancelled(job.signal);
        const out = openOutputFile(request.path);
        try {
          out.stream.write(Buffer.from(file.bytes));
          await out.commit();
        } catch (error) {
          await out.abort();
          throw new OutputRefused({
            refusal: 'report-not-written',
            path: request.path,
            reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message,
          });
        }
        step(STEPS);
        const record = {
          from: request.from,
          to: request.to,
          format: request.format,
          language,
          sections,
          path: request.path,
          createdAt: Date.now(),
          createdBy: settings.annotator,
        };
        const id = await context.writes.write(() => addReportRun(store.sqlite, record));
        return {
          id: typeof id === 'number' ? id : 0,
          path: request.path,
          fileName: basename(request.path),
          bytes: file.bytes.byteLength,
          sheets: file.sheets,
          charts: file.charts,
          seconds: (Date.now() - started) / 1000,
        };
      }),
    };
  },
  'reports.list': (_input, { store }) => listReportRuns(store.sqlite),
  'reports.reveal': ({ id }, { store, options }) => {
    const path = reportRunPath(store.sqlite, id);
    if (path === null) throw notFound('report', id);
    if (!options.revealFile || !existsSync(path)) return { shown: false };
    options.revealFile(path);
    return { shown: true };
  },
});
