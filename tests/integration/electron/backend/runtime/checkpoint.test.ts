import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createClient } from '../../../../../shared/api/client';
import { demoBackend, testBackend } from '../../../../helpers/workspace';

/** When the database file (not its log) was last written: only a checkpoint writes it. */
const written = (path: string): bigint => statSync(path, { bigint: true }).mtimeNs;

async function until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  for (
    const deadline = Date.now() + timeoutMs;
    Date.now() < deadline;
    await new Promise((resolve) => setTimeout(resolve, 50))
  ) {
    if (condition()) return true;
  }
  return condition();
}

describe("the log is copied into the database off the app's thread", () => {
  it('never inside a label call, however many; a read worker copies it a moment after', async () => {
    // A demo's workspace, closed and reopened so nothing of its making is still being copied.
    const demo = await demoBackend(2000);
    const ids = (await demo.client.call('messages.page', { offset: 0, limit: 400 })).rows.map((row) => row.id);
    await demo.backend.close();

    // Labels well past SQLite's automatic checkpoint (1,000 pages of log), with the worker's copy held off.
    const held = testBackend(demo.path, { checkpointAfterMs: 600_000 });
    const before = written(held.path);
    for (const [i, id] of ids.entries()) {
      await held.client.call('labels.set', { ids: [id], temperature: (i % 5) - 2 });
      expect(written(held.path), `label ${i + 1} copied the log on the calling thread`).toBe(before);
    }
    expect(statSync(`${held.path}-wal`).size).toBeGreaterThan(1000 * 4096);
    await held.backend.close();

    // As the app runs: one label, then the copy follows without another call.
    const { backend, path } = testBackend(demo.path, { checkpointAfterMs: 50 });
    const client = createClient(backend);
    const reopened = written(path);
    await client.call('labels.set', { ids: [ids[0] as number], temperature: 2 });
    expect(written(path)).toBe(reopened);
    expect(await until(() => written(path) !== reopened, 10_000)).toBe(true);

    // A call after closing still answers with an error rather than throwing.
    await backend.close();
    expect(await backend.invoke('labels.set', { ids: [ids[0] as number], temperature: 1 })).toMatchObject({
      ok: false,
    });
  });
});
