import { parentPort, workerData } from 'node:worker_threads';
import { openStore, type OpenOptions } from '../../../db/open';
import type { WorkerMessage } from '../workers';
import type { ImportSummary } from '../../../shared/api/import';
import { runImport, type ImportProgress, type ImportRequest } from './run';

interface ImportWorkerData {
  workspacePath: string;
  storeOptions: OpenOptions;
  request: ImportRequest;
  settings: { timeZone: string; annotator: string };
}

// The import runs on its own connection, so the main thread stays free to answer the UI.
const data = workerData as ImportWorkerData;
const post = (message: WorkerMessage<ImportProgress, ImportSummary>): void => parentPort?.postMessage(message);
const store = openStore(data.workspacePath, data.storeOptions);
try {
  const summary = await runImport(store, data.request, data.settings, (progress) => post({ type: 'progress', progress }));
  post({ type: 'done', result: summary });
} catch (error) {
  post({ type: 'error', message: (error as Error).message });
} finally {
  store.close();
}
