import type { Worker } from 'node:worker_threads';
import type { ReadArgs, ReadName, ReadRequest, ReadResponse, ReadResult } from './reads';
import { startWorker, type WorkerOptions } from './workers';

export interface ReadPool {
  read<K extends ReadName>(name: K, ...args: ReadArgs<K>): Promise<ReadResult<K>>;
  /**
   * Has the log copied into the database a moment after the app's own writes, in a worker. The
   * app's connection never does it itself (wal_autocheckpoint off): SQLite's automatic one runs
   * inside the write that passes 1,000 pages of log and holds that label's answer (figures:
   * tests/bench/MEASUREMENTS.md).
   */
  checkpointSoon(): void;
  close(): Promise<void>;
}

const SIZE = 2;

/**
 * Reads that keep what they learn on their worker's connection (the suggestions' model) go to the first worker: one
 * model learnt, not one a worker, and the other left to counts.
 */
const PINNED: ReadonlySet<ReadName> = new Set(['suggestions']);

/** Writes come in bursts (a paste, a run of labels): one checkpoint after each, not one a write. */
const CHECKPOINT_AFTER_MS = 1000;

interface Slot {
  worker: Worker | null;
  busy: number;
}

/**
 * Read workers, each request to the least busy one. All start on the first read: the grid asks
 * for a page and its counts at once, and a worker started only when the second question comes
 * makes that one wait for its start (seconds on a busy machine).
 */
export function createReadPool(
  workspacePath: string,
  options: WorkerOptions & { nativeBinding?: string | undefined; checkpointAfterMs?: number | undefined },
): ReadPool {
  const slots: Slot[] = Array.from({ length: SIZE }, () => ({ worker: null, busy: 0 }));
  const waiting = new Map<number, { slot: Slot; resolve(result: unknown): void; reject(error: Error): void }>();
  let next = 0;
  let checkpointTimer: NodeJS.Timeout | null = null;

  const start = (slot: Slot): Worker => {
    const worker = startWorker('read', { workspacePath, nativeBinding: options.nativeBinding }, options);
    const fail = (error: Error): void => {
      for (const [id, pending] of waiting) {
        if (pending.slot !== slot) continue;
        waiting.delete(id);
        pending.reject(error);
      }
      slot.worker = null;
      slot.busy = 0;
    };
    worker.on('message', (response: ReadResponse) => {
      const pending = waiting.get(response.id);
      waiting.delete(response.id);
      slot.busy--;
      if ('error' in response) pending?.reject(new Error(response.error));
      else pending?.resolve(response.result);
      // An idle worker does not keep the process alive; one with a question does.
      if (slot.busy === 0) worker.unref();
    });
    worker.on('error', fail);
    worker.on('exit', () => fail(new Error('A read worker stopped')));
    worker.unref(); // until it is asked something
    return worker;
  };

  const pool: ReadPool = {
    read(name, ...args) {
      for (const idle of slots) idle.worker ??= start(idle);
      const slot = PINNED.has(name)
        ? (slots[0] as Slot)
        : slots.reduce((best, candidate) => (candidate.busy < best.busy ? candidate : best));
      const id = ++next;
      const request: ReadRequest = { id, name, args };
      return new Promise((resolve, reject) => {
        waiting.set(id, { slot, resolve: resolve as (result: unknown) => void, reject });
        slot.busy++;
        slot.worker?.ref();
        slot.worker?.postMessage(request);
      });
    },
    checkpointSoon() {
      if (checkpointTimer) return;
      // A log some reader still needs is copied the next time; the last connection to close copies the rest.
      checkpointTimer = setTimeout(() => {
        checkpointTimer = null;
        // Nothing waits for it: a worker that cannot start or fails leaves the copying to the next time.
        Promise.resolve()
          .then(() => pool.read('checkpoint'))
          .catch(() => undefined);
      }, options.checkpointAfterMs ?? CHECKPOINT_AFTER_MS);
      checkpointTimer.unref();
    },
    async close() {
      if (checkpointTimer) clearTimeout(checkpointTimer);
      checkpointTimer = null;
      await Promise.all(
        slots.map(async (slot) => {
          const worker = slot.worker;
          slot.worker = null;
          if (worker) await worker.terminate();
        }),
      );
    },
  };
  return pool;
}
