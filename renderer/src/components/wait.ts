import { useEffect, useState } from 'react';

const MINUTE = 60_000;

/** A wait in its best unit: "45 min", "3 h 05 min", "2 d 4 h", "66 d" (the same abbreviations in both languages). */
export function formatWait(ms: number, number: (value: number) => string): string {
  const minutes = Math.max(0, Math.floor(ms / MINUTE));
  if (minutes < 60) return `${number(minutes)} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${number(hours)} h ${String(minutes % 60).padStart(2, '0')} min`;
  const days = Math.floor(hours / 24);
  return days < 10 ? `${number(days)} d ${number(hours % 24)} h` : `${number(days)} d`;
}

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
