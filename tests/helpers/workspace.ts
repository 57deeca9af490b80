import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend/backend';
import type { BackendOptions } from '../../electron/backend/context';
import { createClient, type Client } from '../../shared/api/client';

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

/** A real back end on a real SQLite file, closed after the test. */
export function openBackend(path = tempWorkspacePath(), options: BackendOptions = {}): { backend: Backend; client: Client; path: string } {
  const backend = createBackend(path, options);
  cleanups.push(() => backend.close());
  return { backend, client: createClient(backend), path };
}

/** A workspace filled with the demo (the real job), open. */
export async function demoBackend(messages = 600): Promise<ReturnType<typeof openBackend>> {
  const opened = openBackend();
  const last = await opened.client.runJob('demo.create', { messages });
  if (last.state !== 'finished') throw new Error(`demo ${last.state}: ${last.message}`);
  return opened;
}
