import { useEffect, useState } from 'react';
import type { JobEvent } from '../../../shared/api/envelope';
import { api } from '../api/client';
import { useI18n } from '../app/i18n';

/** A progress bar for every running job, with cancel; failures stay until dismissed. */
export function JobProgress() {
  const { t } = useI18n();
  const [jobs, setJobs] = useState<Map<string, JobEvent>>(new Map());
  const [writes, setWrites] = useState<{ pending: number; failed: string | null }>({ pending: 0, failed: null });

  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.type === 'writes') {
          setWrites((current) => ({ pending: event.pending, failed: event.failed?.message ?? current.failed }));
          return;
        }
        if (event.type !== 'job') return;
        setJobs((current) => {
          const next = new Map(current);
          if (event.job.state === 'finished' || event.job.state === 'cancelled') next.delete(event.job.jobId);
          else next.set(event.job.jobId, event.job);
          return next;
        });
      }),
    [],
  );

  if (jobs.size === 0 && writes.pending === 0 && writes.failed === null) return null;
  return (
    <div className="jobs" role="status">
      {writes.pending > 0 && <div className="job writes-pending">{t('writes.pending', { count: writes.pending })}</div>}
      {writes.failed !== null && (
        <div className="job">
          <span className="job-error">{t('writes.failed', { message: writes.failed })}</span>
          <button onClick={() => setWrites((current) => ({ ...current, failed: null }))}>×</button>
        </div>
      )}
      {[...jobs.values()].map((job) => (
        <div key={job.jobId} className="job">
          {job.state === 'failed' ? (
            <span className="job-error">{t('job.failed', { kind: job.kind, message: job.message ?? '' })}</span>
          ) : (
            <>
              <span>
                {t(
                  job.stage === 'indexing' ? 'job.indexing' : job.stage === 'waiting' ? 'job.waiting' : 'job.running',
                  { kind: job.kind, done: job.done ?? 0, total: job.total ?? 0 },
                )}
              </span>
              <progress max={job.total ?? 1} value={job.done ?? 0} />
            </>
          )}
          <button
            onClick={() =>
              job.state === 'failed'
                ? setJobs((current) => {
                    const next = new Map(current);
                    next.delete(job.jobId);
                    return next;
                  })
                : void api.call('jobs.cancel', { jobId: job.jobId })
            }
          >
            {job.state === 'failed' ? '×' : t('job.cancel')}
          </button>
        </div>
      ))}
    </div>
  );
}
