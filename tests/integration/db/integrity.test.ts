import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { testBackend } from '../../helpers/workspace';

const hasSqlite3 = spawnSync('sqlite3', ['--version']).status === 0;

describe.skipIf(!hasSqlite3)("a workspace in another SQLite (the system's sqlite3 shell)", () => {
  it("passes that SQLite's integrity check: no index depends on how a build computes a function", async () => {
    const { backend, client, path } = testBackend();
    const demo = await client.runJob('demo.create', { messages: 800 });
    expect(demo.state).toBe('finished');
    await backend.close();
    // Debian's 3.40 computes log10 one ulp apart from better-sqlite3's bundled SQLite: an index on it failed here.
    expect(execFileSync('sqlite3', [path, 'PRAGMA integrity_check;'], { encoding: 'utf8' }).trim()).toBe('ok');
  });
});
