import { useCallback, useEffect, useState } from 'react';
import { DEFAULT_GRID_PREFS, type GridPrefs } from '../../../../shared/api/grid';
import { isPending } from '../../../../shared/api/envelope';
import { api } from '../../api/client';

/** The grid's layout, keys and views, kept in the workspace; changes show at once and are saved behind. */
export function useGridPrefs() {
  const [prefs, setPrefs] = useState<GridPrefs>(DEFAULT_GRID_PREFS);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const load = () => void api.call('grid.prefs.get', {}).then(setPrefs);
    load();
    return api.onEvent((event) => {
      if (event.type === 'workspace-changed') load();
    });
  }, []);
  const save = useCallback((patch: Partial<GridPrefs>) => {
    setPrefs((current) => ({ ...current, ...patch }));
    api.call('grid.prefs.save', patch).then((saved) => {
      if (!isPending(saved)) setPrefs(saved);
      setError(null);
    }, (e: unknown) => setError((e as Error).message));
  }, []);
  return { prefs, save, error };
}
