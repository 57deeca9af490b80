import { basename } from 'node:path';
import type Database from 'better-sqlite3';
import {
  batchUndoPreview,
  createBatch,
  finishBatch,
  listBatches,
  savePreset,
  undoBatch,
} from '../../../db/queries/imports';
import { dealPreset, dealPresetNames, saveDealPreset, storeDeals } from '../../../db/queries/deals';
import { setAdSpend, workspaceCurrency } from '../../../db/queries/roi';
import { readAdSpend } from './ad-spend';
import { readDeals } from './deals';
import { settleImportedCases } from '../care/settle';
import { notFound, Refused } from '../runtime/context';
import { workspaceLanguage, workspaceSettings } from '../runtime/defaults';
import type { InspectThreadData } from './inspect-thread';
import { assertRegularFile, ImportError } from './readers';
import { allPresets, findPreset } from './presets';
import type { ImportProgress, ImportRequest } from './run';
import type { ImportInspection, ImportSummary } from '../../../shared/api/import';
import { JobCancelled } from '../runtime/jobs';
import { runInWorker } from '../runtime/workers';

/** How long the wizard's first look at a file may take: a sheet of the largest size reads in seconds. */
const INSPECT_TIME_LIMIT_MS = 60_000;
import type { Mapping } from '../../../shared/domain/import/mapping';
import { defineHandlers } from '../runtime/define-handlers';
import { checkOutputPath, removePartials } from '../runtime/output-file';

/**
 * The mapping a request gives, else its named preset's (an unknown name refused), else none; with what the request
 * says for the whole file over it (date order, temperature scale, the network and time of rows without one).
 */
function requestMapping(
  sqlite: Database.Database,
  request: Pick<ImportRequest, 'mapping' | 'preset' | 'dateOrder' | 'temperatureScale' | 'defaults'>,
): Mapping | undefined {
  const given =
    request.mapping ?? (request.preset === undefined ? undefined : findPreset(sqlite, request.preset).mapping);
  const { dateOrder, temperatureScale, defaults } = request;
  if (!dateOrder && !temperatureScale && !defaults) return given;
  return {
    ...(given ?? { columns: {} }),
    ...(dateOrder && { dateOrder }),
    ...(temperatureScale && { temperatureScale }),
    ...(defaults && { defaults: { ...given?.defaults, ...defaults } }),
  };
}

export const importHandlers = defineHandlers({
  'import.inspect': async (request, { store, options }) => {
    const { timeZone } = workspaceSettings(store);
    const data: InspectThreadData = { request, mapping: requestMapping(store.sqlite, request), timeZone };
    const limit = options.inspectTimeLimitMs ?? INSPECT_TIME_LIMIT_MS;
    return runInWorker<never, ImportInspection>(
      'inspect',
      data,
      options,
      AbortSignal.timeout(limit),
      () => undefined,
      `Reading ${basename(request.path)}`,
    ).catch((error: unknown) => {
      if (error instanceof JobCancelled)
        throw new ImportError(
          `${basename(request.path)}: reading it took more than ${limit / 1000} s; it is not a file Pulso can import`,
        );
      throw error;
    });
  },
  'import.start': (request, { store, jobs, options, writes }) => {
    const settings = workspaceSettings(store);
    const { timeZone, annotator } = settings;
    assertRegularFile(request.path);
    if (request.rejectsPath)
      checkOutputPath(request.rejectsPath, 'rejects', { workspace: store.path, inputs: [request.path] });
    // The preset is looked up (and its stored mapping checked) here: the import's threads take a mapping.
    const mapping = requestMapping(store.sqlite, request);
    const data = {
      workspacePath: store.path,
      nativeBinding: options.nativeBinding,
      request: { ...request, mapping },
      settings: { timeZone, annotator, language: workspaceLanguage(settings) },
      workers: { workerDir: options.workerDir, heapLimits: options.heapLimits },
    };
    return {
      jobId: jobs.start('import', (context) =>
        writes.job(context, () =>
          runInWorker<ImportProgress, ImportSummary>(
            'import',
            data,
            options,
            context.signal,
            context.progress,
            `The import of ${basename(request.path)}`,
          )
            .then((summary) => {
              settleImportedCases(store.sqlite, summary.batch, { timeZone, annotator }, Date.now());
              return summary;
            })
            // A cancelled import's thread is ended mid-write: what it had of the rejects file goes too.
            .finally(() => request.rejectsPath && removePartials(request.rejectsPath)),
        ),
      ),
    };
  },
  'import.batches': (_input, { store }) => listBatches(store.sqlite),
  'import.undoPreview': ({ batch }, { store }) => {
    const preview = batchUndoPreview(store.sqlite, batch);
    if (preview === null) throw notFound('batch', batch);
    return preview;
  },
  'import.undo': ({ batch }, { store, writes }) =>
    writes.write(() => {
      const undone = undoBatch(store.sqlite, batch);
      if (undone === null) throw notFound('batch', batch);
      return undone;
    }),
  'import.deals': async (request, context) => {
    const { timeZone, annotator } = workspaceSettings(context.store);
    assertRegularFile(request.path);
    const { columns, preset, currency, ...fileOptions } = request;
    const saved = preset === undefined ? {} : dealPreset(context.store.sqlite, preset);
    if (saved === null) {
      const names = dealPresetNames(context.store.sqlite);
      throw new Refused(
        names.length
          ? { refusal: 'deals-preset-missing', preset: String(preset), saved: names.join(', ') }
          : { refusal: 'deals-preset-none', preset: String(preset) },
      );
    }
    const unnamed = currency ?? workspaceCurrency(context.store.sqlite);
    const file = await readDeals(request.path, fileOptions, timeZone, { ...saved, ...columns }, unnamed);
    return context.writes.write((at) => {
      const sqlite = context.store.sqlite;
      return sqlite.transaction(() => {
        const batch = createBatch(sqlite, {
          fileName: basename(request.path),
          fileSize: file.size,
          preset: null,
          importedBy: annotator,
        });
        const counts = storeDeals(sqlite, batch, file.deals, at);
        finishBatch(sqlite, batch, {
          sha256: file.sha256,
          rowsNew: counts.new,
          rowsDuplicate: counts.unchanged + counts.updated,
          rowsRejected: 0,
        });
        return { batch, file: basename(request.path), ...counts, currencyAssumed: file.currencyAssumed };
      })();
    });
  },
  'import.adSpend': async (request, context) => {
    const { timeZone } = workspaceSettings(context.store);
    assertRegularFile(request.path);
    const { currency: given, dateOrder, ...fileOptions } = request;
    const spend = await readAdSpend(request.path, fileOptions, timeZone, dateOrder);
    return context.writes.write(() => {
      const currency = spend.currency ?? given ?? workspaceCurrency(context.store.sqlite);
      if (!setAdSpend(context.store.sqlite, spend.from, spend.to, spend.ads, currency))
        throw new Refused({ refusal: 'ads-currency-differs', currency, from: spend.from, to: spend.to });
      return { file: basename(request.path), ...spend, currency };
    });
  },
  'deals.savePreset': ({ name, columns }, { store, writes }) =>
    writes.write(() => {
      saveDealPreset(store.sqlite, name, columns);
      return { name };
    }),
  'presets.list': (_input, { store }) => allPresets(store.sqlite),
  'presets.save': ({ name, mapping }, { store, writes }) =>
    writes.write(() => {
      savePreset(store.sqlite, name, JSON.stringify(mapping));
      return { name, mapping, builtin: false };
    }),
});
