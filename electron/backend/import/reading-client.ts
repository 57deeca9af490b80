import { basename } from 'node:path';
import { outOfMemory, startWorker, type WorkerOptions } from '../runtime/workers';
import type { PrepareMessage, PrepareRequest } from './reading-thread';
import type { PrepareInput, PreparedBatch } from './prepare';
import { formatOf, ImportError } from './readers';

/** What a reading thread that reached its heap cap says: an Excel or Access file is read more compactly as CSV. */
function outOfMemoryMessage(path: string | null): string {
  const name = path ? basename(path) : 'the file';
  const asCsv = path !== null && formatOf(path) !== 'csv' ? ', or save it as CSV' : '';
  return `Reading ${name} needed more memory than an import may use; nothing was imported. Split it into smaller files${asCsv}`;
}

/**
 * Batches asked for ahead of the one being written: the two threads' shares of a large import's
 * work are about even, so each waits for the other at times. Four out beat two when a batch was a
 * file's chunk; sixteen of the smaller batches (prepare.ts) keep as many rows on the way (figures:
 * tests/bench/MEASUREMENTS.md).
 */
const AHEAD = 16;

/**
 * The thread that reads and plans a file's rows (prepare.ts), so the writer's SQLite work and the
 * reading, mapping, hashing and matching run on two cores at once. Started first, it loads while
 * the writer plans the import; stop() ends it (a refusal, a cancel, the end).
 *
 * The rules' matching (a fifth of the reading thread's work) goes to whichever thread has time:
 * when no batch is ready as the writer takes the next, the reading thread is the slower, and the
 * batch asked for then leaves its matching to the writer (RowBatch.rulesPending); when one is
 * ready, the next is matched where it is read (figures: tests/bench/MEASUREMENTS.md).
 */
export function startReading(workers: WorkerOptions) {
  const worker = startWorker('prepare', {}, workers);
  const waiting: ((message: PrepareMessage) => void)[] = [];
  const arrived: PrepareMessage[] = [];
  const deliver = (message: PrepareMessage): void => {
    const take = waiting.shift();
    if (take) take(message);
    else arrived.push(message);
  };
  worker.on('message', deliver);
  let path: string | null = null;
  worker.on('error', (error) =>
    deliver({ type: 'error', message: outOfMemory(error) ? outOfMemoryMessage(path) : error.message }),
  );
  worker.on('exit', (code) =>
    deliver({ type: 'error', message: `The import's reading thread stopped unexpectedly (exit code ${code})` }),
  );
  const next = (): Promise<PrepareMessage> =>
    new Promise((resolve) => {
      const message = arrived.shift();
      if (message) resolve(message);
      else waiting.push(resolve);
    });
  const ask = (request: PrepareRequest): void => worker.postMessage(request);
  const stop = async (): Promise<void> => {
    worker.removeAllListeners();
    await worker.terminate();
  };

  return {
    /** The file's batches, planned as `input` says. */
    async *batches(input: PrepareInput): AsyncGenerator<PreparedBatch> {
      path = input.path;
      try {
        ask({ type: 'start', input });
        for (let i = 0; i < AHEAD; i++) ask({ type: 'next', matchRules: true });
        for (;;) {
          // A turn of the event loop: batches that came while this thread wrote are taken in first.
          await new Promise<void>((resolve) => setImmediate(resolve));
          const ready = arrived.length > 0;
          const message = await next();
          if (message.type === 'end') return;
          if (message.type === 'error') throw new ImportError(message.problem ?? message.message);
          ask({ type: 'next', matchRules: ready });
          yield message.batch;
        }
      } finally {
        await stop();
      }
    },
    stop,
  };
}
