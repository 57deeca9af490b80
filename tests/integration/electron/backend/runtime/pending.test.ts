import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openPendingQueue, pendingPath } from '../../../../../db/pending';
import { markApplied } from '../../../../../db/queries/applied-writes';
import { createClient } from '../../../../../shared/api/client';
import { problemText } from '../../../../../shared/api/refusals';
import { createTranslator } from '../../../../../shared/i18n';
import { testBackend, tempWorkspacePath } from '../../../../helpers/workspace';

const actions = (path: string): number => {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM label_actions').pluck().get() as number;
  } finally {
    db.close();
  }
};

describe('the queue of waiting writes', () => {
  it('applies each kept write exactly once: one a crash left applied but still queued is only taken off', async () => {
    const path = tempWorkspacePath();
    const first = testBackend(path);
    const demo = await first.client.runJob('demo.create', { messages: 50 });
    expect(demo.state).toBe('finished');
    await first.backend.close();
    // As a crash leaves it: the first entry was applied (its id recorded in its transaction) but not yet taken off.
    const queue = openPendingQueue(path);
    queue.append({
      id: 'applied-before-the-crash',
      call: 'labels.set',
      input: { ids: [1], temperature: 2 },
      at: 1_000,
    });
    queue.append({ id: 'still-waiting', call: 'labels.set', input: { ids: [2], temperature: -1 }, at: 2_000 });
    queue.close();
    const db = new Database(path);
    markApplied(db, 'applied-before-the-crash');
    db.close();
    const before = actions(path);

    const { client } = testBackend(path);
    await expect.poll(() => existsSync(pendingPath(path))).toBe(false);
    expect(actions(path)).toBe(before + 1);
    // Recorded at the time the analyst made it, not when it could be stored.
    expect((await client.call('messages.detail', { id: 2 })).message).toMatchObject({
      temperature: -1,
      labeledAt: 2_000,
    });
    expect((await client.call('messages.detail', { id: 1 })).message.labeledAt).not.toBe(1_000);
  });

  it('drops a kept write that can no longer apply, and says which and why', async () => {
    const path = tempWorkspacePath();
    await testBackend(path).backend.close();
    const queue = openPendingQueue(path);
    queue.append({ id: 'gone', call: 'import.undo', input: { batch: 99 }, at: 1 });
    queue.close();
    const { client } = testBackend(path);
    const said: string[] = [];
    client.onEvent((event) => {
      if (event.type === 'writes' && event.failed) said.push(`${event.failed.call}: ${event.failed.message}`);
    });
    await expect.poll(() => said).toEqual(['import.undo: No import batch 99']);
    expect(existsSync(pendingPath(path))).toBe(false);
  });

  it("says a kept write's refusal in the reader's language", async () => {
    const path = tempWorkspacePath();
    await testBackend(path).backend.close();
    const queue = openPendingQueue(path);
    queue.append({ id: 'no-logo', call: 'reports.setBranding', input: { path: '/no/logo.png' }, at: 1 });
    queue.close();
    const { backend } = testBackend(path);
    const spanish = createTranslator('es', 'UTC');
    const said: unknown[] = [];
    createClient(backend, (problem) => problemText(problem, spanish.t)).onEvent((event) => {
      if (event.type === 'writes' && event.failed) said.push(event.failed);
    });
    await expect
      .poll(() => said)
      .toEqual([
        {
          call: 'reports.setBranding',
          message: 'El logotipo logo.png no es un archivo',
          problem: { refusal: 'logo-not-file', name: 'logo.png' },
        },
      ]);
  });
});
