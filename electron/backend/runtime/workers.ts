import { join } from 'node:path';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { JobCancelled } from './jobs';
import type { Problem } from '../../../shared/api/refusals';

export type WorkerName = 'import' | 'prepare' | 'read' | 'upgrade' | 'rematch' | 'demo' | 'inspect' | 'deck' | 'export';

export interface WorkerOptions {
  /** Where built workers are (the packaged app); unset, workers run from their TypeScript source. */
  workerDir?: string | undefined;
  /** Heap caps in place of LIMITS' (a test makes a thread reach its cap). */
  heapLimits?: Partial<Record<WorkerName, ResourceLimits>> | undefined;
}

const WORKER_ENTRIES: Record<WorkerName, URL> = {
  import: new URL('../import/writing-thread.ts', import.meta.url),
  prepare: new URL('../import/reading-thread.ts', import.meta.url),
  read: new URL('./read-worker.ts', import.meta.url),
  upgrade: new URL('./upgrade-worker.ts', import.meta.url),
  rematch: new URL('../entities/rematch-thread.ts', import.meta.url),
  demo: new URL('../demo/demo-thread.ts', import.meta.url),
  inspect: new URL('../import/inspect-thread.ts', import.meta.url),
  deck: new URL('../reports/deck-thread.ts', import.meta.url),
  export: new URL('../messages/export-thread.ts', import.meta.url),
};

/**
 * The import's two threads allocate fast and keep little (batches of rows); left to itself V8
 * grows their heaps far before collecting; capped, a large import's RSS stays well under the
 * file's size. A young generation too small promotes batches that then get collected twice; the
 * reading thread, which makes most of the garbage, gains from a larger one. The caps do not cover
 * typed arrays and buffers (key tables, an XLSX's shared strings, roll-up counts) (figures:
 * tests/bench/MEASUREMENTS.md).
 */
const READER_HEAP: ResourceLimits = { maxOldGenerationSizeMb: 384, maxYoungGenerationSizeMb: 64 };
const WRITER_HEAP: ResourceLimits = { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 32 };
/** The wizard's first look at a file a user picked: a crafted one must not take the app's memory (or the app). */
const INSPECT_HEAP: ResourceLimits = { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 32 };
const LIMITS: Partial<Record<WorkerName, ResourceLimits>> = {
  prepare: READER_HEAP,
  import: WRITER_HEAP,
  inspect: INSPECT_HEAP,
};

/** Workers whose job has its result but that still finish work of their own (an import's checkpoint). */
const finishing = new Set<Promise<void>>();

/** Resolves when every job's worker has exited: what closing a backend waits for. */
export async function workersFinished(): Promise<void> {
  await Promise.all([...finishing]);
}

/** A worker thread: the built one beside the app's main bundle, else from its TypeScript source through tsx. */
export function startWorker(name: WorkerName, data: object, options: WorkerOptions): Worker {
  const resourceLimits = options.heapLimits?.[name] ?? LIMITS[name];
  return options.workerDir
    ? new Worker(join(options.workerDir, `${name}-worker.js`), { workerData: data, resourceLimits })
    : new Worker(new URL('./ts-worker.mjs', import.meta.url), {
        workerData: { ...data, entry: WORKER_ENTRIES[name].href },
        resourceLimits,
      });
}

/** Whether a worker stopped at its heap cap (LIMITS): said so in words, not V8's. */
export const outOfMemory = (error: Error): boolean =>
  (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';

export type WorkerMessage<P, R> =
  | { type: 'progress'; progress: P }
  | { type: 'done'; result: R }
  /**
   * `name`: the error's class (ImportError, PasswordRequired…), so the binding answers it as such; `problem`: an
   * ImportError's or a refusal's (problemOf).
   */
  | { type: 'error'; message: string; name?: string | undefined; problem?: Problem | undefined };

/**
 * Runs a job in a worker thread; resolves with its result. An abort terminates the thread: the
 * worker's open transaction dies with it and the store keeps what it had. `subject` names the
 * job in errors ("The import of x.csv …").
 */
export function runInWorker<P, R>(
  name: WorkerName,
  data: object,
  options: WorkerOptions,
  signal: AbortSignal,
  onProgress: (progress: P) => void,
  subject = `The ${name}`,
): Promise<R> {
  const worker = startWorker(name, data, options);
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  finishing.add(exited);
  void exited.then(() => finishing.delete(exited));
  return new Promise<R>((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', abort);
      fn();
    };
    const abort = (): void => {
      void worker.terminate();
      settle(() => reject(new JobCancelled()));
    };
    signal.addEventListener('abort', abort);
    worker.on('message', (message: WorkerMessage<P, R>) => {
      if (message.type === 'progress') onProgress(message.progress);
      else if (message.type === 'done') settle(() => resolve(message.result));
      else
        settle(() =>
          reject(
            Object.assign(
              new Error(message.message),
              message.name ? { name: message.name } : {},
              message.problem ? { problem: message.problem } : {},
            ),
          ),
        );
    });
    worker.on('error', (error) =>
      settle(() =>
        reject(
          outOfMemory(error)
            ? new Error(`${subject} needed more memory than it may use; the workspace is unchanged`)
            : error,
        ),
      ),
    );
    worker.on('exit', (code) => settle(() => reject(new Error(`${subject} stopped unexpectedly (exit code ${code})`))));
  });
}
