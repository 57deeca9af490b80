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
 * The share of its time the writer may spend waiting for batches before it matches their rules itself. Asked a batch at
 * a time (was one waiting?), the writer's bursts (the full-text index every five batches) had a workbook's reading
 * thread, the slower, match two batches in three.
 */
const WAITING_SHARE = 0.05;

/**
 * How much of the time the writer waited and worked is forgotten at each batch: about the last 64 batches count (a
 * workbook's 64 KiB chunk is a batch of about 130 rows, and the reading thread hands them over in bursts).
 */
const FORGET = 1 / 64;

/**
 * Where the next batch asked for is matched with the rules: `took` is told, for each batch the writer takes, how long
 * it waited for it and how long it worked on the one before (ms); `readerMatches` says whether the reading thread has
 * the time to match the next.
 */
export function createMatchingBalance() {
  const recent = { waited: 0, worked: 0 };
  return {
    took(waited: number, worked: number): void {
      recent.waited = recent.waited * (1 - FORGET) + waited;
      recent.worked = recent.worked * (1 - FORGET) + worked;
    },
    readerMatches(): boolean {
      return recent.waited <= WAITING_SHARE * (recent.waited + recent.worked);
    },
  };
}

/**
 * The thread that reads and plans a file's rows (prepare.ts), so the writer's SQLite work and the
 * reading, mapping, hashing and matching run on two cores at once. Started first, it loads while
 * the writer plans the import; stop() ends it (a refusal, a cancel, the end).
 *
 * The rules' matching (a fifth of the reading thread's work) goes to whichever thread has time:
 * while the writer spends more than WAITING_SHARE of its recent time waiting for batches, the
 * reading thread is the slower, and the batches asked for leave their matching to the writer
 * (RowBatch.rulesPending); otherwise they are matched where they are read (figures:
 * tests/bench/MEASUREMENTS.md).
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
        const balance = createMatchingBalance();
        // When the writer had the last batch (the first batch's wait is the reading thread's start, not its pace).
        let handedAt: number | null = null;
        for (;;) {
          // A turn of the event loop: batches that came while this thread wrote are taken in first.
          await new Promise<void>((resolve) => setImmediate(resolve));
          const askedAt = performance.now();
          const message = await next();
          if (message.type === 'end') return;
          if (message.type === 'error') throw new ImportError(message.problem ?? message.message);
          const gotAt = performance.now();
          if (handedAt !== null) balance.took(gotAt - askedAt, askedAt - handedAt);
          handedAt = gotAt;
          ask({ type: 'next', matchRules: balance.readerMatches() });
          yield message.batch;
        }
      } finally {
        await stop();
      }
    },
    stop,
  };
}
