import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type Database from 'better-sqlite3';
import { BACKUPS_KEPT, type BackupEntry } from '../shared/api/contract';

/** Where a workspace's backups go unless the user names a file: a folder beside it, named after it. */
export const backupFolder = (workspace: string): string => join(dirname(workspace), `${basename(workspace)}.backups`);

/** A new backup's path in the workspace's backups folder, named by its time so backups sort; the folder is made. */
export function nextBackupPath(workspace: string, now = new Date()): string {
  const folder = backupFolder(workspace);
  mkdirSync(folder, { recursive: true });
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  let path = join(folder, `${stamp}.pulso`);
  for (let n = 2; existsSync(path); n++) path = join(folder, `${stamp}-${n}.pulso`);
  return path;
}

/** Removes the folder's backups but the latest BACKUPS_KEPT. */
export function pruneBackups(workspace: string): void {
  for (const backup of listBackups(workspace).slice(BACKUPS_KEPT)) rmSync(backup.path, { force: true });
}

/** The backups in the workspace's backups folder, newest first (a copy under way, .NAME.partial, is not one). */
export function listBackups(workspace: string): BackupEntry[] {
  const folder = backupFolder(workspace);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith('.pulso') && !name.startsWith('.'))
    .flatMap((name) => {
      const path = join(folder, name);
      const stat = statSync(path);
      return stat.isFile() ? [{ name, path, bytes: stat.size, at: stat.mtimeMs }] : [];
    })
    .sort((a, b) => b.at - a.at || b.name.localeCompare(a.name));
}

/**
 * Pages copied a step: 16 MB of 16 KiB pages, about twice as fast as the library's 100 a step; the event loop runs
 * between steps, so the app answers while a backup runs (figures: tests/bench/MEASUREMENTS.md).
 */
const PAGES_A_STEP = 1024;

/**
 * Copies the store, as committed, into `target` with SQLite's online-backup API (consistent while it is in use: the
 * connection's own writes during the copy are copied too, another connection's start it again). `onStep` hears the
 * pages done of the total; throwing from it stops the copy (a cancel), leaving `target` for the caller to remove.
 */
export async function backupInto(
  sqlite: Database.Database,
  target: string,
  onStep: (done: number, total: number) => void = () => undefined,
): Promise<number> {
  const { totalPages } = await sqlite.backup(target, {
    progress: ({ totalPages, remainingPages }) => {
      onStep(totalPages - remainingPages, totalPages);
      return PAGES_A_STEP;
    },
  });
  // The library calls back before each step but the first, never after the last: the copy's end is said here, so the
  // bar reaches its end however fast the steps went (the job runner passes a stage's last step through).
  onStep(totalPages, totalPages);
  return statSync(target).size;
}
