import { useCallback, useState } from 'react';
import { DEFAULT_GRID_PREFS, type GridPrefs } from '../../../../shared/api/grid';
import { isPending } from '../../../../shared/api/envelope';
import { api } from '../../api/client';
import { useApi } from '../../api/useApi';

/** The grid's layout, keys and views, kept in the workspace; changes show at once and are saved behind. */
export function useGridPrefs() {
  const loaded = useApi('grid.prefs.get', {});
  const { set } = loaded;
  const prefs = loaded.data ?? DEFAULT_GRID_PREFS;
  const [error, setError] = useState<string | null>(null);
  const save = useCallback(
    (patch: Partial<GridPrefs>) => {
      const next = { ...prefs, ...patch };
      set(next);
      api.call('grid.prefs.save', patch).then(
        (saved) => {
          if (!isPending(saved)) set(saved);
          setError(null);
        },
        (e: unknown) => setError((e as Error).message),
      );
    },
    [prefs, set],
  );
  return { prefs, save, error };
}
