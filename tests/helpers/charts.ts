import { CHARTS, type ChartModule } from '../../shared/charts';

/** A dashboard chart by its id; a test naming one that is gone fails here. */
export function chart(id: string): ChartModule {
  const found = CHARTS.find((c) => c.id === id);
  if (!found) throw new Error(`no chart ${id}`);
  return found;
}
