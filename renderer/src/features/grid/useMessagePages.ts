import { useCallback, useEffect, useRef, useState } from 'react';
import type { MessageRow } from '../../../../shared/api/contract';
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
  const [counts, setCounts] = useState<{ total: number; unlabeled: number; all: number } | null>(null);
  const [, setVersion] = useState(0);

  const load = useCallback((page: number) => {
    if (pages.current.has(page) || loading.current.has(page)) return;
    loading.current.add(page);
    const asked = generation.current;
    void api.call('messages.page', { offset: page * PAGE_SIZE, limit: PAGE_SIZE, filter, sort }).then((result) => {
      if (asked !== generation.current) return;
      loading.current.delete(page);
      pages.current.set(page, result.rows);
      while (pages.current.size > MAX_PAGES) pages.current.delete(pages.current.keys().next().value as number);
      setCounts({ total: result.total, unlabeled: result.unlabeled, all: result.all });
      setVersion((v) => v + 1);
    });
  }, [key]);

  /** Forgets the pages read so far; the first is read again (the rows in view follow). */
  const reset = useCallback((keepTotal = false) => {
    generation.current++;
    pages.current.clear();
    loading.current.clear();
    if (!keepTotal) setCounts(null);
    const [first, last] = keepTotal ? range.current : [0, 1];
    for (let page = Math.floor(first / PAGE_SIZE); page <= Math.floor(Math.max(first, last - 1) / PAGE_SIZE); page++) load(page);
  }, [load]);

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
  }, []);

  // A refresh keeps the list on screen (and its keyboard focus) while rows are read again.
  const refresh = useCallback(() => reset(true), [reset]);
  return { counts, total: counts?.total ?? null, row, onRange, patch, refresh };
}
