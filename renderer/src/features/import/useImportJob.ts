import { useCallback, useRef, useState } from 'react';
import type { CallInput } from '../../../../shared/api/contract';
import type { JobEvent, JobStage } from '../../../../shared/api/envelope';
import type { ImportSummary } from '../../../../shared/api/import';
import type { Problem } from '../../../../shared/api/refusals';
import { api } from '../../api/client';

export type ImportRun =
  | { state: 'idle' }
  | { state: 'running'; jobId?: string; done: number; total: number; rows: number; startedAt: number; stage?: JobStage }
  | { state: 'finished'; summary: ImportSummary }
  /** `problem`: the file's, where the import says it as data (said in the UI's language). */
  | { state: 'failed'; message: string; problem?: Problem }
  | { state: 'cancelled' };

/** Runs an import job and follows its events. */
export function useImportJob() {
  const [run, setRun] = useState<ImportRun>({ state: 'idle' });
  const jobId = useRef<string | undefined>(undefined);

  const start = useCallback(async (request: CallInput<'import.start'>) => {
    const startedAt = Date.now();
    setRun({ state: 'running', done: 0, total: 1, rows: 0, startedAt });
    const last = await api.runJob('import.start', request, (event: JobEvent) => {
      jobId.current = event.jobId;
      if (event.state === 'progress')
        setRun({
          state: 'running',
          done: event.done ?? 0,
          total: event.total ?? 1,
          rows: event.rows ?? 0,
          startedAt,
          ...(event.stage ? { stage: event.stage } : {}),
        });
    });
    jobId.current = undefined;
    if (last.state === 'finished') setRun({ state: 'finished', summary: last.result });
    else if (last.state === 'cancelled') setRun({ state: 'cancelled' });
    else setRun({ state: 'failed', message: last.message ?? '', ...(last.problem ? { problem: last.problem } : {}) });
  }, []);

  const cancel = useCallback(() => {
    if (jobId.current) void api.call('jobs.cancel', { jobId: jobId.current });
  }, []);

  const reset = useCallback(() => setRun({ state: 'idle' }), []);
  return { run, start, cancel, reset };
}

/** Rows per second and seconds left, from progress so far. */
export function rates(
  run: Extract<ImportRun, { state: 'running' }>,
  now: number,
): { rate: number; secondsLeft: number | null } {
  const seconds = Math.max(0.001, (now - run.startedAt) / 1000);
  const share = run.total > 0 ? run.done / run.total : 0;
  return {
    rate: Math.round(run.rows / seconds),
    secondsLeft: share > 0.01 ? Math.round((seconds / share) * (1 - share)) : null,
  };
}
