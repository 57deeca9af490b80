import Database from 'better-sqlite3';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '../../../helpers/files';
import { writeCsv } from '../../../helpers/write-rule';
import { tempWorkspacePath } from '../../../helpers/workspace';

const ROWS = 150_000;

/** What a workspace holds, read by another program after the kill: its integrity, its full-text index and its rows. */
function check(path: string): { integrity: string; fulltext: string; messages: number; batches: number } {
  const db = new Database(path);
  try {
    const integrity = (db.prepare('PRAGMA integrity_check').pluck().all() as string[]).join('; ');
    // FTS5's own check: its index agrees with the rows it indexes (throws if not).
    db.exec("INSERT INTO messages_fts (messages_fts, rank) VALUES ('integrity-check', 1)");
    return {
      integrity,
      fulltext: 'ok',
      messages: db.prepare('SELECT count(*) FROM messages').pluck().get() as number,
      batches: db.prepare('SELECT count(*) FROM import_batches').pluck().get() as number,
    };
  } finally {
    db.close();
  }
}

describe('kill -9 of `pulso import` at seeded moments', () => {
  // Moments after its one transaction starts writing (the log grows): early, mid-way, near or past its end.
  it.each([0, 200, 800, 2000])(
    '%i ms after it starts writing, leaves the workspace whole: as before or as after',
    async (delay) => {
      const folder = tempFolder();
      const workspace = tempWorkspacePath();
      const seed = spawnSync(process.execPath, [
        'bin/pulso.mjs',
        'import',
        writeCsv(join(folder, 'seed.csv'), 500),
        '--workspace',
        workspace,
      ]);
      expect(seed.status).toBe(0);
      const before = check(workspace);
      const wal = `${workspace}-wal`;
      const walBefore = existsSync(wal) ? statSync(wal).size : 0;
      const child = spawn(
        process.execPath,
        ['bin/pulso.mjs', 'import', writeCsv(join(folder, 'big.csv'), ROWS, 1000), '--workspace', workspace],
        {
          stdio: 'ignore',
        },
      );
      let exited = false;
      const exit = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));
      // Its transaction is writing once the log grows by a megabyte; then the seeded delay.
      while (!exited && (existsSync(wal) ? statSync(wal).size : 0) < walBefore + (1 << 20))
        await new Promise((resolve) => setTimeout(resolve, 10));
      await new Promise((resolve) => setTimeout(resolve, delay));
      child.kill('SIGKILL');
      await exit;
      const after = check(workspace);
      expect(after.integrity).toBe('ok');
      expect(after.fulltext).toBe('ok');
      expect([before.messages, before.messages + ROWS]).toContain(after.messages);
      expect(after.batches).toBe(after.messages === before.messages ? before.batches : before.batches + 1);
    },
  );
});
