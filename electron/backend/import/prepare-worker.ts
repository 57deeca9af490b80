import { parentPort, workerData } from 'node:worker_threads';
import { prepareBatches, type PrepareInput, type PreparedBatch } from './prepare';

export type PrepareMessage = { type: 'batch'; batch: PreparedBatch } | { type: 'end' } | { type: 'error'; message: string };

// Prepares the next batch each time the writer asks: the writer keeps two asks out, so one batch
// is always being prepared while it writes the other.
const batches = prepareBatches(workerData as PrepareInput);
const post = (message: PrepareMessage): void => parentPort?.postMessage(message);
let queue = Promise.resolve();
parentPort?.on('message', () => {
  queue = queue.then(async () => {
    try {
      const next = await batches.next();
      post(next.done ? { type: 'end' } : { type: 'batch', batch: next.value });
      // Nothing follows the end: the thread finishes on its own.
      if (next.done) parentPort?.close();
    } catch (error) {
      post({ type: 'error', message: (error as Error).message });
    }
  });
});
