import { useEffect, useState } from 'react';
import type { JobEvent } from '../../../shared/api/envelope';
import { api } from '../api/client';
import type { MessageKey } from '../../../shared/i18n';
import { useI18n } from '../app/i18n';

const KIND_NAMES: Record<string, MessageKey> = {
  import: 'job.kind.import',
  rematch: 'job.kind.rematch',
  demo: 'job.kind.demo',
  export: 'job.kind.export',
  report: 'job.kind.report',
  backup: 'job.kind.backup',
};

/**
 * A progress bar for every running job, with cancel; failures stay until dismissed. Jobs of the kinds the open screen
 * shows itself (the import wizard's bar) are left to it.
 */
export function JobProgress({ shownByScreen = [] }: { shownByScreen?: readonly string[] }) {
  const { t } = useI18n();
  const kindName = (kind: string): string => (KIND_NAMES[kind] ? t(KIND_NAMES[kind]) : kind);
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

  const shown = [...jobs.values()].filter((job) => !shownByScreen.includes(job.kind));
  if (shown.length === 0 && writes.pending === 0 && writes.failed === null) return null;
  return (
    <div className="jobs" role="status">
      {writes.pending > 0 && <div className="job writes-pending">{t('writes.pending', { count: writes.pending })}</div>}
      {writes.failed !== null && (
        <div className="job">
          <span className="job-error">{t('writes.failed', { message: writes.failed })}</span>
          <button onClick={() => setWrites((current) => ({ ...current, failed: null }))}>×</button>
        </div>
      )}
      {shown.map((job) => (
        <div key={job.jobId} className="job">
          {job.state === 'failed' ? (
            <span className="job-error">
              {t('job.failed', { kind: kindName(job.kind), message: job.message ?? '' })}
            </span>
          ) : (
            <>
              <span>
                {t(
                  job.stage === 'indexing' ? 'job.indexing' : job.stage === 'waiting' ? 'job.waiting' : 'job.running',
                  {
                    kind: kindName(job.kind),
                    percent: job.total ? Math.floor(((job.done ?? 0) / job.total) * 100) : 0,
                  },
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
