import { mkdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Store } from './open';

/**
 * Snapshots the open store with SQLite's online-backup API (consistent while the store is
 * in use) into a sibling "backups" folder, named by time so snapshots sort.
 */
export async function backupStore(store: Store, now = new Date()): Promise<{ path: string; bytes: number }> {
  const folder = join(dirname(store.path), `${basename(store.path)}.backups`);
  mkdirSync(folder, { recursive: true });
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const target = join(folder, `${stamp}.pulso`);
  await store.sqlite.backup(target);
  return { path: target, bytes: statSync(target).size };
}
