import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach } from 'vitest';
import { defaultMigrationsFolder, openStore, readJournal } from '../../db/open';
import { createBackend, type Backend } from '../../electron/backend/backend';
import type { BackendOptions } from '../../electron/backend/runtime/context';
import { createClient, type Client } from '../../shared/api/client';
import { isPending, type PendingWrite } from '../../shared/api/envelope';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

/** A path for a workspace file in a fresh temporary folder, removed after the test. */
export function tempWorkspacePath(name = 'test.pulso'): string {
  const folder = mkdtempSync(join(tmpdir(), 'pulso-test-'));
  cleanups.push(() => rmSync(folder, { recursive: true, force: true }));
  return join(folder, name);
}

/** The migrations as an earlier version shipped them: the first `count`, in a folder beside a temporary workspace. */
function earlierMigrations(count: number): string {
  const folder = join(dirname(tempWorkspacePath()), 'migrations');
  cpSync(defaultMigrationsFolder(), folder, { recursive: true });
  const journal = readJournal(folder);
  writeFileSync(
    join(folder, 'meta', '_journal.json'),
    JSON.stringify({ ...journal, entries: journal.entries.slice(0, count) }),
  );
  return folder;
}

/**
 * A workspace as the Pulso with the first `count` migrations left it, with `sql` run on it; its path. Made by the store
 * alone: today's back end would build today's roll-ups, which an earlier schema lacks the tables for (the upgrade
 * counts them again).
 */
export async function earlierWorkspace(count: number, sql: string): Promise<string> {
  const path = tempWorkspacePath();
  const migrationsFolder = earlierMigrations(count);
  const old = openStore(path, { migrationsFolder });
  old.sqlite.exec(sql);
  old.close();
  return path;
}

/** A real back end on a real SQLite file, closed after the test. */
export function testBackend(
  path = tempWorkspacePath(),
  options: BackendOptions = {},
): { backend: Backend; client: Client; path: string } {
  const backend = createBackend(path, options);
  cleanups.push(() => backend.close());
  return { backend, client: createClient(backend), path };
}

/** A workspace filled with the demo (the real job), open. */
export async function demoBackend(messages = 600): Promise<ReturnType<typeof testBackend>> {
  const opened = testBackend();
  const last = await opened.client.runJob('demo.create', { messages });
  if (last.state !== 'finished') throw new Error(`demo ${last.state}: ${last.message}`);
  return opened;
}

/** A write's answer (the store is never busy in these tests: a write kept for later fails the test). */
export function applied<T>(result: T | PendingWrite): T {
  if (isPending(result)) throw new Error('the write was kept for later');
  return result;
}
