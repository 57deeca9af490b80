import type Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { openConnection } from '../../../db/connection';
import { diskFullMessage, isDiskFull } from './disk-full';
import type { WorkerMessage } from './workers';
import { problemOf } from '../../../shared/api/refusals';

/** What every job thread is given: the workspace to open, with the addon the app uses. */
export interface JobThreadData {
  workspacePath: string;
  nativeBinding?: string | undefined;
}

/** An error as a thread posts it: its message, its class's name and its problem, if it has one (workers.ts). */
const failure = (error: unknown): Extract<WorkerMessage<never, never>, { type: 'error' }> => ({
  type: 'error',
  message: (error as Error).message,
  name: (error as Error).name,
  problem: problemOf(error),
});

/** A worker thread's work with no store: its result or its error (with its class's name) posted to the caller. */
export async function runThread<D, R>(work: (data: D) => R | Promise<R>): Promise<void> {
  const post = (message: WorkerMessage<never, R>): void => parentPort?.postMessage(message);
  try {
    post({ type: 'done', result: await work(workerData as D) });
  } catch (error) {
    post(failure(error));
  }
}

/**
 * The body of a writing job's worker thread (the write rule: runtime/writer.ts): its own
 * connection, its progress and result posted to the job, any error as the job's failure. A
 * cancel terminates the thread, and its open transaction dies with it.
 */
export async function runJobThread<D extends JobThreadData, P, R>(
  work: (sqlite: Database.Database, data: D, progress: (progress: P) => void) => R | Promise<R>,
  options: {
    connect?: (path: string, nativeBinding?: string) => Database.Database;
    afterDone?: (sqlite: Database.Database) => void;
  } = {},
): Promise<void> {
  const data = workerData as D;
  const post = (message: WorkerMessage<P, R>): void => parentPort?.postMessage(message);
  const sqlite = (options.connect ?? openConnection)(data.workspacePath, data.nativeBinding);
  try {
    const result = await work(sqlite, data, (progress) => post({ type: 'progress', progress }));
    post({ type: 'done', result });
    // After the job says it is done: the log's copy into the database is off the UI's path.
    options.afterDone?.(sqlite);
  } catch (error) {
    // A full disk is said as such, whatever failed on it.
    post(
      isDiskFull(error)
        ? { ...failure(error), message: diskFullMessage(data.workspacePath), problem: undefined }
        : failure(error),
    );
  } finally {
    sqlite.close();
  }
}
