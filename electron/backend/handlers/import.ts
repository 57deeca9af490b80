import { basename } from 'node:path';
import type Database from 'better-sqlite3';
import { listBatches, savePreset, undoBatch } from '../../../db/queries/imports';
import { NotFound, type Handlers } from '../context';
import { workspaceSettings } from '../defaults';
import { inspectFile } from '../import/inspect';
import { readerOptions } from '../import/readers';
import { allPresets, findPreset } from '../import/presets';
import type { ImportProgress } from '../import/run';
import { runInWorker } from '../workers';
import type { Mapping } from '../../../shared/domain/import/mapping';

/** The mapping a request gives, else its named preset's (an unknown name refused), else none. */
function requestMapping(sqlite: Database.Database, request: { mapping?: Mapping | undefined; preset?: string | undefined }): Mapping | undefined {
  return request.mapping ?? (request.preset === undefined ? undefined : findPreset(sqlite, request.preset).mapping);
}

export const importHandlers = {
  'import.inspect': (request, { store }) => {
    const { timeZone } = workspaceSettings(store);
    return inspectFile(request.path, readerOptions(request), requestMapping(store.sqlite, request), timeZone);
  },
  'import.start': (request, { store, jobs, options }) => {
    const { timeZone, annotator } = workspaceSettings(store);
    // The preset is looked up (and its stored mapping checked) here: the import's threads take a mapping.
    const mapping = requestMapping(store.sqlite, request);
    const data = { workspacePath: store.path, nativeBinding: options.nativeBinding, request: { ...request, mapping }, settings: { timeZone, annotator }, workers: { workerDir: options.workerDir, heapLimits: options.heapLimits } };
    return {
      jobId: jobs.start('import', ({ signal, progress }) =>
        runInWorker<ImportProgress, unknown>('import', data, options, signal, progress, `The import of ${basename(request.path)}`)),
    };
  },
  'import.batches': (_input, { store }) => listBatches(store.sqlite),
  'import.undo': ({ batch }, { store }) => {
    const removed = undoBatch(store.sqlite, batch);
    if (removed === null) throw new NotFound(`No import batch ${batch}`);
    return { batch, removed };
  },
  'presets.list': (_input, { store }) => allPresets(store.sqlite),
  'presets.save': ({ name, mapping }, { store }) => {
    savePreset(store.sqlite, name, JSON.stringify(mapping));
    return { name, mapping, builtin: false };
  },
  'files.choose': async ({ purpose, suggestedName }, { options }) => {
    if (!options.chooseFile) throw new Error('No file dialog here: pass the file path instead');
    return { path: await options.chooseFile(purpose, suggestedName) };
  },
} satisfies Partial<Handlers>;
