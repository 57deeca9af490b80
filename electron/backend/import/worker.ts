import { parentPort, workerData } from 'node:worker_threads';
import { openLoadConnection } from '../../../db/connection';
import { checkpoint } from '../checkpoint';
import type { WorkerMessage, WorkerOptions } from '../workers';
import type { ImportSummary } from '../../../shared/api/import';
import { runImport, type ImportProgress, type ImportRequest } from './run';

interface ImportWorkerData {
  workspacePath: string;
  nativeBinding?: string | undefined;
  request: ImportRequest;
  settings: { timeZone: string; annotator: string };
  workers: WorkerOptions;
}

// The import runs on its own connection, so the main thread stays free to answer the UI.
const data = workerData as ImportWorkerData;
const post = (message: WorkerMessage<ImportProgress, ImportSummary>): void => parentPort?.postMessage(message);
// Its checkpoint runs here after the import says it is done.
const sqlite = openLoadConnection(data.workspacePath, data.nativeBinding);
try {
  const summary = await runImport(sqlite, data.request, data.settings, (progress) => post({ type: 'progress', progress }), { workers: data.workers, nativeBinding: data.nativeBinding });
  post({ type: 'done', result: summary });
  checkpoint(sqlite);
} catch (error) {
  post({ type: 'error', message: (error as Error).message });
} finally {
  sqlite.close();
}
