import { useCallback, useEffect, useRef, useState } from 'react';
import {
  SUGGESTIONS_AT_ONCE,
  type LabelSuggestionRow,
  type MessageCounts,
  type MessageRow,
} from '../../../../shared/api/contract';
import type { MessageFilter, MessageSort } from '../../../../shared/api/messages';
import { api } from '../../api/client';

export const PAGE_SIZE = 100;
/** Pages kept in memory: the renderer never holds the whole table. */
const MAX_PAGES = 40;
/**
 * Suggestions are asked for once no page has come for this long: after the rows are drawn and a run of filter changes
 * or scrolling has stopped, so that the model's learning never competes with them (it took a third off opening a
 * million-message grid).
 */
const SUGGEST_AFTER_MS = 400;

/** Rows read page by page through the API, as the list scrolls; least recently used pages are dropped. */
export function useMessagePages(filter: MessageFilter, sort: MessageSort) {
  // The query as a key, so a new object with the same filter reads nothing again.
  const key = JSON.stringify([filter, sort]);
  const pages = useRef(new Map<number, MessageRow[]>());
  /** The model's suggestions for the rows read that lack a label, by message id. */
  const suggestions = useRef(new Map<number, LabelSuggestionRow>());
  const loading = useRef(new Map<number, Promise<void>>());
  const generation = useRef(0);
  const range = useRef<[number, number]>([0, 1]);
  const [counts, setCounts] = useState<MessageCounts | null>(null);
  /** Rows known before the counts come: the first page, so the list shows at once. */
  const [provisional, setProvisional] = useState<number | null>(null);
  const [, setVersion] = useState(0);
  const counting = useRef<{ busy: boolean; again: (() => void) | null }>({ busy: false, again: null });

  // Counts come from a worker and can take a second on a million rows: one request at a time,
  // and the last one asked meanwhile (for the filter now shown, which may not be the one this
  // closure holds) made when it answers.
  const count = useCallback(() => {
    if (counting.current.busy) {
      counting.current.again = count;
      return;
    }
    counting.current = { busy: true, again: null };
    const asked = generation.current;
    const done = (): void => {
      const again = counting.current.again;
      counting.current = { busy: false, again: null };
      again?.();
    };
    api.call('messages.count', { filter }).then((result) => {
      if (asked === generation.current) setCounts(result);
      done();
    }, done);
  }, [key]);

  /** Rows read that lack a label, to ask the model about once the pages stop coming. */
  const unasked = useRef(new Set<number>());
  const suggestTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => clearTimeout(suggestTimer.current ?? undefined), []);
  /** Asks the model about the rows read lately that lack a label; shown when they come, never waited for. */
  const suggest = useCallback((rows: readonly MessageRow[]): void => {
    for (const row of rows) if (row.temperature === null || row.kind === null) unasked.current.add(row.id);
    clearTimeout(suggestTimer.current ?? undefined);
    suggestTimer.current = setTimeout(() => {
      // The latest pages' rows: those in view.
      const ids = [...unasked.current].slice(-SUGGESTIONS_AT_ONCE);
      unasked.current.clear();
      if (ids.length === 0) return;
      const asked = generation.current;
      api.call('labels.suggestions', { ids }).then(
        (found) => {
          if (asked !== generation.current || found.length === 0) return;
          for (const suggestion of found) suggestions.current.set(suggestion.id, suggestion);
          setVersion((v) => v + 1);
        },
        () => undefined, // a row without its suggestion is labeled by hand as before
      );
    }, SUGGEST_AFTER_MS);
  }, []);

  const load = useCallback(
    (page: number): Promise<void> => {
      if (pages.current.has(page)) return Promise.resolve();
      const pending = loading.current.get(page);
      if (pending) return pending;
      const asked = generation.current;
      const read = api.call('messages.page', { offset: page * PAGE_SIZE, limit: PAGE_SIZE, filter, sort }).then(
        (result) => {
          if (asked !== generation.current) return;
          loading.current.delete(page);
          pages.current.set(page, result.rows);
          while (pages.current.size > MAX_PAGES) {
            const oldest = pages.current.keys().next().value as number;
            for (const row of pages.current.get(oldest) ?? []) suggestions.current.delete(row.id);
            pages.current.delete(oldest);
          }
          suggest(result.rows);
          if (page === 0) setProvisional(result.rows.length);
          setVersion((v) => v + 1);
        },
        () => {
          // A failed read is tried again when the rows are next in view.
          if (asked === generation.current) loading.current.delete(page);
        },
      );
      loading.current.set(page, read);
      return read;
    },
    [key, suggest],
  );

  /** Forgets the pages read so far; the first is read again (the rows in view follow). */
  const reset = useCallback(
    (keepTotal = false) => {
      generation.current++;
      pages.current.clear();
      suggestions.current.clear();
      unasked.current.clear();
      loading.current.clear();
      if (!keepTotal) {
        setCounts(null);
        setProvisional(null);
      }
      const [first, last] = keepTotal ? range.current : [0, 1];
      for (let page = Math.floor(first / PAGE_SIZE); page <= Math.floor(Math.max(first, last - 1) / PAGE_SIZE); page++)
        void load(page);
      count(); // after the rows: the main process answers in order
    },
    [load, count],
  );

  useEffect(() => {
    reset();
    return api.onEvent((event) => {
      if (event.type === 'workspace-changed' || (event.type === 'job' && event.job.state === 'finished')) reset();
    });
  }, [reset]);

  const onRange = useCallback(
    (first: number, last: number) => {
      range.current = [first, last];
      for (let page = Math.floor(first / PAGE_SIZE); page <= Math.floor(Math.max(first, last - 1) / PAGE_SIZE); page++)
        void load(page);
    },
    [load],
  );

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

  /** A row, read first when its page is not in memory. */
  const ensureRow = useCallback(
    async (index: number): Promise<MessageRow | undefined> => {
      await load(Math.floor(index / PAGE_SIZE));
      return pages.current.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
    },
    [load],
  );

  /**
   * Changes rows in place after a write, so the grid shows it without reading pages again; the
   * unlabeled count moves by what changed (a count in the worker takes longer than a keystroke).
   */
  const patch = useCallback(
    (ids: readonly number[], fields: Partial<MessageRow>) => {
      const wanted = new Set(ids);
      const unlabeled = (row: MessageRow): boolean => row.temperature === null && row.kind === null;
      let delta = 0;
      let found = 0;
      for (const rows of pages.current.values()) {
        for (const row of rows) {
          if (!wanted.has(row.id)) continue;
          found++;
          const before = unlabeled(row);
          Object.assign(row, fields);
          delta += Number(unlabeled(row)) - Number(before);
        }
      }
      setVersion((v) => v + 1);
      if (found < wanted.size) count();
      else if (delta !== 0) setCounts((current) => current && { ...current, unlabeled: current.unlabeled + delta });
    },
    [count],
  );

  // A refresh keeps the list on screen (and its keyboard focus) while rows are read again.
  const refresh = useCallback(() => reset(true), [reset]);
  /**
   * The ids of `count` rows from `offset`: those read, or, when a selection runs past the pages kept, all of them asked
   * of the store in the same order.
   */
  const spanIds = async (offset: number, count: number): Promise<number[]> => {
    const read = Array.from({ length: count }, (_, i) => row(offset + i)?.id);
    if (read.every((id) => id !== undefined)) return read as number[];
    return api.call('messages.ids', { offset, limit: count, filter, sort });
  };
  const suggestion = (id: number | undefined): LabelSuggestionRow | undefined =>
    id === undefined ? undefined : suggestions.current.get(id);
  return { counts, total: counts?.total ?? provisional, row, suggestion, ensureRow, spanIds, onRange, patch, refresh };
}
