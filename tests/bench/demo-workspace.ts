import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createBackend, type Backend } from '../../electron/backend/backend';
import { createClient, type Client } from '../../shared/api/client';

/**
 * A back end on a new workspace at `path` filled with the demo's `messages`, its read workers as the app ships them
 * (out/main/read-worker.js) when built, else from source.
 */
export async function demoWorkspace(path: string, messages: number): Promise<{ backend: Backend; client: Client }> {
  const { backend, client } = openWorkspace(path);
  const demo = await client.runJob('demo.create', { messages });
  if (demo.state !== 'finished') throw new Error(`demo ${demo.state}: ${demo.message}`);
  return { backend, client };
}

/** A back end on the workspace at `path`, its workers the built ones when there are. */
export function openWorkspace(path: string): { backend: Backend; client: Client } {
  const built = resolve('out/main');
  const backend = createBackend(path, existsSync(join(built, 'read-worker.js')) ? { workerDir: built } : {});
  return { backend, client: createClient(backend) };
}
