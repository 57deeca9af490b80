import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { PendingEntry, PendingQueue } from '../../../db/pending';
import { lastApplied, markApplied } from '../../../db/queries/applied-writes';
import type { ApiErrorBody, PendingWrite } from '../../../shared/api/envelope';
import { JobCancelled, type JobContext } from './jobs';

/**
 * How a handler writes (the write rule, README "Writing"). One writer at a time, in the order
 * the user asked, and the main thread never waits for the store's write lock:
 * - a UI write runs at once in a transaction when the store is free; while a job (or another
 *   process) holds the lock it is kept in the pending queue, synced to disk, and applied in
 *   order as soon as the lock is free; the call answers `{ pending: true }` meanwhile;
 * - a long job (import, demo, rematch) runs in a worker thread on its own connection, one at a time.
 */
export interface Writes {
  write<R>(apply: (at: number) => R): R | PendingWrite;
  /** A long writing job, run when the writes asked before it are done. */
  job<R>(context: JobContext, run: () => Promise<R>): Promise<R>;
  /**
   * A UI write that a job carries out (saving rules rematches): kept in the queue until the job
   * ends, so a crash before its commit replays it; `appliedWrite` is recorded by the job's commit.
   */
  durableJob<R>(context: JobContext, run: (appliedWrite: string) => Promise<R>): Promise<R>;
}

type Outcome = 'done' | 'busy';
interface Task {
  run(): Promise<Outcome>;
}

/** Why a waiting write could not be applied: the back end's message, and its refusal as data where it has one. */
export type WriteFailure = Pick<ApiErrorBody, 'message' | 'problem'>;

export interface WriterOptions {
  sqlite: Database.Database;
  queue: PendingQueue;
  /** Runs a waiting write's call again through its handler, with `writes` applying it now. */
  perform(entry: PendingEntry, writes: Writes): Promise<{ ok: true } | ({ ok: false } & WriteFailure)>;
  /** How many writes wait, after every change of that number. */
  onPending(count: number): void;
  /** A waiting write that could not be applied when its turn came (it is dropped, with this said). */
  onFailed(entry: PendingEntry, failure: WriteFailure): void;
  retryMs?: number;
}

/** Whether a statement failed because another connection holds the write lock. */
const isBusy = (error: unknown): boolean =>
  typeof (error as { code?: unknown }).code === 'string' && (error as { code: string }).code.startsWith('SQLITE_BUSY');

export function createWriter(options: WriterOptions) {
  const { sqlite, queue } = options;
  const tasks: Task[] = [];
  let running = false;
  let retry: NodeJS.Timeout | null = null;
  let closed = false;

  const inTransaction = <R>(work: () => R): R => sqlite.transaction(work).immediate();

  async function pump(): Promise<void> {
    if (running || closed) return;
    running = true;
    try {
      while (tasks.length > 0 && !closed) {
        const outcome = await (tasks[0] as Task).run();
        if (outcome === 'busy') {
          retryLater();
          return;
        }
        tasks.shift();
        options.onPending(pendingCount());
      }
    } finally {
      running = false;
    }
  }
  function retryLater(): void {
    if (retry || closed) return;
    retry = setTimeout(() => {
      retry = null;
      void pump();
    }, options.retryMs ?? 200);
    retry.unref();
  }

  /** Writes kept in the queue, oldest first: what the UI shows as pending (labels over the rows they change). */
  const kept: PendingEntry[] = [];
  /** Writes (not jobs) that wait: what the UI shows as pending. */
  const pendingCount = (): number => kept.length;

  /** A kept write, applied when its turn comes through its handler again (also after a restart). */
  function entryTask(entry: PendingEntry): Task {
    kept.push(entry);
    return {
      async run() {
        if (entry.id === lastApplied(sqlite)) return finish();
        let busy = false;
        let carried: Promise<unknown> | null = null;
        const writes: Writes = {
          write(apply) {
            try {
              return inTransaction(() => {
                const result = apply(entry.at);
                markApplied(sqlite, entry.id);
                return result;
              });
            } catch (error) {
              busy = isBusy(error);
              throw error;
            }
          },
          job: (_context, run) => run(),
          durableJob(_context, run) {
            const started = run(entry.id);
            carried = started;
            return started;
          },
        };
        const result = await options.perform(entry, writes);
        if (busy) return 'busy';
        // A job's work starts a turn after its call answers.
        if (!carried) await new Promise((resolve) => setImmediate(resolve));
        if (carried) await (carried as Promise<unknown>).catch(() => undefined);
        else if (!result.ok) options.onFailed(entry, { message: result.message, problem: result.problem });
        return finish();
      },
    };
    function finish(): Outcome {
      queue.remove(entry.id);
      kept.splice(kept.indexOf(entry), 1);
      return 'done';
    }
  }

  function jobTask<R>(context: JobContext, run: () => Promise<R>): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      tasks.push({
        async run() {
          if (context.signal.aborted) reject(new JobCancelled());
          else await run().then(resolve, reject);
          return 'done';
        },
      });
      if (running || tasks.length > 1) context.progress({ done: 0, total: 0, stage: 'waiting' });
      void pump();
    });
  }

  return {
    /** The writes of one call: its name and input, as sent, are what the queue keeps (checked again when applied). */
    forCall(call: string, input: unknown): Writes {
      const keep = (): PendingEntry => {
        const entry = { id: randomUUID(), call, input, at: Date.now() };
        queue.append(entry);
        return entry;
      };
      return {
        write(apply) {
          if (!running && tasks.length === 0) {
            try {
              return inTransaction(() => apply(Date.now()));
            } catch (error) {
              if (!isBusy(error)) throw error;
            }
          }
          tasks.push(entryTask(keep()));
          options.onPending(pendingCount());
          if (!running) retryLater();
          return { pending: true, waiting: pendingCount() };
        },
        job: jobTask,
        durableJob(context, run) {
          const entry = keep();
          return jobTask(context, async () => {
            try {
              return await run(entry.id);
            } finally {
              queue.remove(entry.id);
            }
          });
        },
      };
    },
    /** The writes a crash left waiting: applied first, in order, before anything asked now. */
    recover(): void {
      const entries = queue.entries();
      if (entries.length === 0) return;
      tasks.unshift(...entries.map(entryTask));
      options.onPending(pendingCount());
      void pump();
    },
    pending: pendingCount,
    /** The inputs of the writes of `call` that wait, oldest first. */
    waitingInputs: (call: string): unknown[] => kept.filter((entry) => entry.call === call).map((entry) => entry.input),
    /** Every task run, or `ms` passed (another process may keep the lock): what closing waits for. */
    async idle(ms: number): Promise<void> {
      const until = Date.now() + ms;
      while ((running || tasks.length > 0) && !closed && Date.now() < until)
        await new Promise((resolve) => setTimeout(resolve, 20));
    },
    close(): void {
      closed = true;
      if (retry) clearTimeout(retry);
      queue.close();
    },
  };
}
export type Writer = ReturnType<typeof createWriter>;
