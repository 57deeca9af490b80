import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallInput, CallName, CallOutput } from '../../../shared/api/contract';
import type { ApiEvent } from '../../../shared/api/envelope';
import { api } from './client';

export interface ApiState<T> {
  /** The last answer (kept while the next one loads), or undefined before the first. */
  data: T | undefined;
  /** The last call's error message, shown where the data would be. */
  error: string | null;
  loading: boolean;
  reload(): void;
  /** Replaces the data with what a write answered, without asking again. */
  set(next: T): void;
}

interface Options {
  /** Events after which the data is read again; a workspace switch always is. */
  reloadOn?: ApiEvent['type'][];
  /** Ask once the browser is idle (after the screen's first rows are drawn: the main process answers in order). */
  idle?: boolean;
}

/**
 * The one way a screen reads from the back end: the call runs again when its input changes
 * (compared by value) or on `reloadOn` events; an answer to an earlier input is dropped.
 * `input` null skips the call.
 */
export function useApi<K extends CallName>(
  name: K,
  input: CallInput<K> | null,
  options: Options = {},
): ApiState<CallOutput<K>> {
  const [state, setState] = useState<{ data: CallOutput<K> | undefined; error: string | null; loading: boolean }>({
    data: undefined,
    error: null,
    loading: input !== null,
  });
  const key = input === null ? null : JSON.stringify(input);
  const asked = useRef(0);
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  const reloadOn = (options.reloadOn ?? []).join();

  useEffect(() => {
    if (key === null) return;
    const call = ++asked.current;
    const run = (): void => {
      setState((current) => ({ ...current, error: null, loading: true }));
      api.call(name, JSON.parse(key) as CallInput<K>).then(
        (data) => call === asked.current && setState({ data, error: null, loading: false }),
        (error: unknown) =>
          call === asked.current &&
          setState((current) => ({ ...current, error: (error as Error).message, loading: false })),
      );
    };
    if (!options.idle) {
      run();
      return;
    }
    const idle = requestIdleCallback(run, { timeout: 1500 });
    return () => cancelIdleCallback(idle);
  }, [name, key, generation, options.idle]);

  useEffect(() => {
    const types = new Set<string>(['workspace-changed', ...reloadOn.split(',').filter(Boolean)]);
    return api.onEvent((event) => {
      if (types.has(event.type)) reload();
    });
  }, [reloadOn, reload]);

  const set = useCallback((data: CallOutput<K>) => {
    asked.current++;
    setState({ data, error: null, loading: false });
  }, []);
  return { ...state, reload, set };
}
