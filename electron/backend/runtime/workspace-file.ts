import { existsSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import {
  defaultMigrationsFolder,
  openStore,
  pendingMigrations,
  StoreRefused,
  type OpenOptions,
  type Store,
} from '../../../db/open';
import { ensureRollups } from '../../../db/queries/rollups';
import { workspaceSettings } from './defaults';
import { runInWorker, type WorkerOptions } from './workers';

/**
 * Opens a workspace file as the back end keeps it: migrated, with its roll-ups in place. The
 * app's connection does not wait for the write lock (`lockWaitMs` 0): a write it cannot make
 * now is kept for later (runtime/writer.ts); the CLI, which has no one to keep waiting, waits.
 */
export function openWorkspace(path: string, options: OpenOptions & { lockWaitMs?: number | undefined }): Store {
  // A mistyped path is said, never made: only the default workspace's folder is created (by defaultWorkspacePath).
  if (!existsSync(dirname(resolve(path))))
    throw new StoreRefused({ refusal: 'workspace-no-folder', folder: dirname(resolve(path)), file: basename(path) });
  const store = openStore(path, options);
  // A new workspace records the system's defaults; the KPI roll-ups count days in its zone.
  ensureRollups(store.sqlite, workspaceSettings(store).timeZone);
  // Never on this thread: see ReadPool.checkpointSoon.
  store.sqlite.pragma('wal_autocheckpoint = 0');
  store.sqlite.pragma(`busy_timeout = ${options.lockWaitMs ?? 0}`);
  return store;
}

export interface UpgradeWorkerData {
  path: string;
  migrationsFolder: string;
  nativeBinding?: string | undefined;
}

/**
 * Upgrades a workspace written by an earlier Pulso in a worker thread, before the app opens it:
 * a million-message workspace takes seconds, which the app's main thread (its window, its
 * answers to the window) must not spend. Whether there was anything to do. A file that
 * openStore refuses is left for it to refuse, with its own message.
 */
export async function upgradeWorkspace(path: string, options: OpenOptions & WorkerOptions): Promise<boolean> {
  if (pendingMigrations(path, options) === 0) return false;
  // The folder this thread would migrate from: a built worker's own default is beside its bundle.
  const data: UpgradeWorkerData = {
    path,
    migrationsFolder: options.migrationsFolder ?? defaultMigrationsFolder(),
    nativeBinding: options.nativeBinding,
  };
  await runInWorker<never, null>(
    'upgrade',
    data,
    options,
    new AbortController().signal,
    () => undefined,
    `The upgrade of ${path}`,
  );
  return true;
}
