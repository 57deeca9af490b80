import { count } from 'drizzle-orm';
import { COUNTED_TABLES } from '../schema';
import type { Db } from '../open';

/** Row counts per table, keyed by the names `pulso info` prints. */
export function countRows(db: Db): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [name, table] of Object.entries(COUNTED_TABLES)) {
    counts[name] = db.select({ n: count() }).from(table).get()?.n ?? 0;
  }
  return counts;
}
