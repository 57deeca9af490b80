import { useCallback, useEffect, useRef, useState } from 'react';
import type { MessageCounts, MessageRow } from '../../../../shared/api/contract';
import type { MessageFilter, MessageSort } from '../../../../shared/api/messages';
import { api } from '../../api/client';

export const PAGE_SIZE = 100;
/** Pages kept in memory: the renderer never holds the whole table. */
const MAX_PAGES = 40;

/** Rows read page by page through the API, as the list scrolls; least recently used pages are dropped. */
export function useMessagePages(filter: MessageFilter, sort: MessageSort) {
  // The query as a key, so a new object with the same filter reads nothing again.
  const key = JSON.stringify([filter, sort]);
  const pages = useRef(new Map<number, MessageRow[]>());
  const loading = useRef(new Set<number>());
  const generation = useRef(0);
  const range = useRef<[number, number]>([0, 1]);
  const [counts, setCounts] = useState<MessageCounts | null>(null);
  /** Rows known before the counts come: the first page, so the list shows at once. */
  const [provisional, setProvisional] = useState<number | null>(null);
  const [, setVersion] = useState(0);
  const counting = useRef<{ busy: boolean; again: boolean }>({ busy: false, again: false });

  // Counts come from a worker and can take a second on a million rows: one request at a time,
  // and a request made meanwhile is folded into one more when it answers.
  const count = useCallback(() => {
    if (counting.current.busy) {
      counting.current.again = true;
      return;
    }
    counting.current = { busy: true, again: false };
    const asked = generation.current;
    const done = (): void => {
      const again = counting.current.again;
      counting.current = { busy: false, again: false };
      if (again) count();
    };
    api.call('messages.count', { filter }).then((result) => {
      if (asked === generation.current) setCounts(result);
      done();
    }, done);
  }, [key]);

  const load = useCallback((page: number) => {
    if (pages.current.has(page) || loading.current.has(page)) return;
    loading.current.add(page);
    const asked = generation.current;
    void api.call('messages.page', { offset: page * PAGE_SIZE, limit: PAGE_SIZE, filter, sort }).then((result) => {
      if (asked !== generation.current) return;
      loading.current.delete(page);
      pages.current.set(page, result.rows);
      while (pages.current.size > MAX_PAGES) pages.current.delete(pages.current.keys().next().value as number);
      if (page === 0) setProvisional(result.rows.length);
      setVersion((v) => v + 1);
    });
  }, [key]);

  /** Forgets the pages read so far; the first is read again (the rows in view follow). */
  const reset = useCallback((keepTotal = false) => {
    generation.current++;
    pages.current.clear();
    loading.current.clear();
    if (!keepTotal) {
      setCounts(null);
      setProvisional(null);
    }
    count();
    const [first, last] = keepTotal ? range.current : [0, 1];
    for (let page = Math.floor(first / PAGE_SIZE); page <= Math.floor(Math.max(first, last - 1) / PAGE_SIZE); page++) load(page);
  }, [load, count]);

  useEffect(() => {
    reset();
    return api.onEvent((event) => {
      if (event.type === 'workspace-changed' || (event.type === 'job' && event.job.state === 'finished')) reset();
    });
  }, [reset]);

  const onRange = useCallback((first: number, last: number) => {
    range.current = [first, last];
    for (let page = Math.floor(first / PAGE_SIZE); page <= Math.floor(Math.max(first, last - 1) / PAGE_SIZE); page++) load(page);
  }, [load]);

  const row = (index: number): MessageRow | undefined => {
    const page = Math.floor(index / PAGE_SIZE);
    const rows = pages.current.get(page);
    if (rows) {
      // Touch: re-insert so the map's order is least recently used first.
      pages.current.delete(page);
      pages.current.set(page, rows);
    }
    return rows?.[index % PAGE_SIZE];
  };

  /** Changes rows in place after a write, so the grid shows it without reading pages again. */
  const patch = useCallback((ids: readonly number[], fields: Partial<MessageRow>) => {
    const wanted = new Set(ids);
    for (const rows of pages.current.values()) for (const row of rows) if (wanted.has(row.id)) Object.assign(row, fields);
    setVersion((v) => v + 1);
    count();
  }, [count]);

  // A refresh keeps the list on screen (and its keyboard focus) while rows are read again.
  const refresh = useCallback(() => reset(true), [reset]);
  return { counts, total: counts?.total ?? provisional, row, onRange, patch, refresh };
}
