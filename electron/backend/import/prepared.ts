import { startWorker, type WorkerOptions } from '../workers';
import type { PrepareMessage } from './prepare-worker';
import type { PrepareInput, PreparedBatch } from './prepare';
import { ImportError } from './readers';

/**
 * The file's rows read and planned in a thread of their own (prepare.ts), so the writer's SQLite
 * work and the reading, mapping, hashing and matching run on two cores at once. Stopping early
 * (a refusal, a cancel) ends the thread.
 */
export async function* preparedBatches(input: PrepareInput, workers: WorkerOptions): AsyncGenerator<PreparedBatch> {
  const worker = startWorker('prepare', input, workers);
  const waiting: ((message: PrepareMessage) => void)[] = [];
  const arrived: PrepareMessage[] = [];
  const deliver = (message: PrepareMessage): void => {
    const take = waiting.shift();
    if (take) take(message);
    else arrived.push(message);
  };
  worker.on('message', deliver);
  worker.on('error', (error) => deliver({ type: 'error', message: error.message }));
  worker.on('exit', (code) => deliver({ type: 'error', message: `The import's reading thread stopped unexpectedly (exit code ${code})` }));
  const next = (): Promise<PrepareMessage> => new Promise((resolve) => {
    const message = arrived.shift();
    if (message) resolve(message);
    else waiting.push(resolve);
  });
  try {
    worker.postMessage('next');
    worker.postMessage('next');
    for (;;) {
      const message = await next();
      if (message.type === 'end') return;
      if (message.type === 'error') throw new ImportError(message.message);
      worker.postMessage('next');
      yield message.batch;
    }
  } finally {
    worker.removeAllListeners();
    await worker.terminate();
  }
}
