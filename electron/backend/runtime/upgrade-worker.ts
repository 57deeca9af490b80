import { parentPort, workerData } from 'node:worker_threads';
import type { WorkerMessage } from './workers';
import { openWorkspace, type UpgradeWorkerData } from './workspace-file';

// Opening migrates (one transaction: a crash or a quit midway leaves the earlier schema).
const data = workerData as UpgradeWorkerData;
const post = (message: WorkerMessage<never, null>): void => parentPort?.postMessage(message);
try {
  openWorkspace(data.path, {
    migrationsFolder: data.migrationsFolder,
    ...(data.nativeBinding ? { nativeBinding: data.nativeBinding } : {}),
  }).close();
  post({ type: 'done', result: null });
} catch (error) {
  post({ type: 'error', message: (error as Error).message });
}
