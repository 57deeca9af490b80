import { randomUUID } from 'node:crypto';
import type { ApiEvent, JobEvent, JobStage } from '../../../shared/api/envelope';
import { problemOf } from '../../../shared/api/refusals';

/** What a job says of its progress: the fields of a progress JobEvent. */
export type JobProgress = Required<Pick<JobEvent, 'done' | 'total'>> & Pick<JobEvent, 'rows' | 'stage'>;

export interface JobContext {
  signal: AbortSignal;
  /** Reports progress; the runner throttles what reaches the UI, but for a stage's first and last step. */
  progress(progress: JobProgress): void;
}

export class JobCancelled extends Error {
  override name = 'JobCancelled';
  constructor() {
    super('Cancelled');
  }
}

/** Throws if the job was cancelled; long loops call this between chunks. */
export function checkCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new JobCancelled();
}

const PROGRESS_INTERVAL_MS = 100;

/** Runs long work off the request path: a job id at once, then events, cancellable. */
export function createJobs(emit: (event: ApiEvent) => void) {
  const running = new Map<string, { controller: AbortController; finished: Promise<JobEvent> }>();

  function start(kind: string, work: (context: JobContext) => Promise<unknown>): string {
    const jobId = randomUUID();
    const controller = new AbortController();
    const send = (job: JobEvent): JobEvent => {
      emit({ type: 'job', job });
      return job;
    };
    let lastProgress = 0;
    let lastStage: JobStage | undefined;
    const context: JobContext = {
      signal: controller.signal,
      progress(progress) {
        const now = Date.now();
        if (now - lastProgress < PROGRESS_INTERVAL_MS && progress.done < progress.total && progress.stage === lastStage)
          return;
        lastProgress = now;
        lastStage = progress.stage;
        send({ jobId, kind, state: 'progress', ...progress });
      },
    };
    send({ jobId, kind, state: 'started' });
    const finished = (async (): Promise<JobEvent> => {
      await Promise.resolve(); // let the caller receive the job id before work starts
      try {
        const result = await work(context);
        return send({ jobId, kind, state: 'finished', result });
      } catch (error) {
        if (error instanceof JobCancelled || controller.signal.aborted)
          return send({ jobId, kind, state: 'cancelled' });
        const problem = problemOf(error);
        return send({
          jobId,
          kind,
          state: 'failed',
          message: (error as Error).message,
          ...(problem ? { problem } : {}),
        });
      } finally {
        running.delete(jobId);
      }
    })();
    running.set(jobId, { controller, finished });
    return jobId;
  }

  return {
    start,
    cancel(jobId: string): boolean {
      const job = running.get(jobId);
      job?.controller.abort();
      return job !== undefined;
    },
    /** Resolves with the job's last event (finished, failed or cancelled). */
    async wait(jobId: string): Promise<JobEvent | undefined> {
      return running.get(jobId)?.finished;
    },
    async drain(): Promise<void> {
      await Promise.all([...running.values()].map((job) => job.finished));
    },
  };
}
export type Jobs = ReturnType<typeof createJobs>;
