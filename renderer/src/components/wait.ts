import { useEffect, useState } from 'react';

const MINUTE = 60_000;

export { formatWait } from '../../../shared/domain/wait';

/** How an SLA due time stands: past it, within the hour before it, or on time. */
export function dueTone(due: number | null, now: number): 'overdue' | 'soon' | 'ok' | null {
  if (due === null) return null;
  if (due <= now) return 'overdue';
  return due - now <= 60 * MINUTE ? 'soon' : 'ok';
}

/** The time, ticking every `everyMs` so waits and due times stay live on screen. */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
