import { parentPort, workerData } from 'node:worker_threads';
import { openConnection } from '../../../db/connection';
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
const sqlite = openConnection(data.workspacePath, data.nativeBinding);
// This connection only runs the import, whose writer makes every reference it writes (the batch,
// sources, authors, messages, matches) in the same transaction: checking each again costs a sixth
// of the import's time. The app's own connection keeps the checks and the cascades.
sqlite.pragma('foreign_keys = OFF');
// The import is on disk when it says it is done (the log is synced at commit); copying the log
// into the database (a checkpoint, seconds for a large file) happens after, here, off the UI.
sqlite.pragma('synchronous = FULL');
sqlite.pragma('wal_autocheckpoint = 0');
try {
  const summary = await runImport(sqlite, data.request, data.settings, (progress) => post({ type: 'progress', progress }), { workers: data.workers, nativeBinding: data.nativeBinding });
  post({ type: 'done', result: summary });
  checkpoint(sqlite);
} catch (error) {
  post({ type: 'error', message: (error as Error).message });
} finally {
  sqlite.close();
}
