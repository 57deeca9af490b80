import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pendingMigrations, readJournal, defaultMigrationsFolder } from '../../../../../db/open';
import { createBackend, openBackend, type Backend } from '../../../../../electron/backend/backend';
import { upgradeWorkspace } from '../../../../../electron/backend/runtime/workspace-file';
import { createClient } from '../../../../../shared/api/client';
import { earlierWorkspace, tempWorkspacePath } from '../../../../helpers/workspace';

const LATEST = readJournal(defaultMigrationsFolder()).entries.length;
const opened: Backend[] = [];
afterEach(async () => {
  while (opened.length) await opened.pop()?.close();
});

/** A workspace as Pulso with the first 11 migrations left it, with two messages; `extra` SQL after. */
const earlierWorkspaceWithMessages = (extra = ''): Promise<string> =>
  earlierWorkspace(
    11,
    `
    INSERT INTO sources (id, code, name) VALUES (1, 'twitter', 'X');
    INSERT INTO authors (id, source_id, handle) VALUES (1, 1, '@ana');
    INSERT INTO messages (id, source_id, author_id, posted_at, text, content_hash) VALUES
      (1, 1, 1, 0, 'La atención, fatal', 'a'), (2, 1, 1, 0, 'Fibra caída otra vez', 'b');
    INSERT INTO messages_fts (rowid, text) SELECT id, text FROM messages;
    ${extra}`,
  );

const userVersion = (path: string): number => {
  const sqlite = new Database(path, { readonly: true });
  try {
    return sqlite.pragma('user_version', { simple: true }) as number;
  } finally {
    sqlite.close();
  }
};

describe('opening a workspace from an earlier Pulso', () => {
  it("upgrades it in a worker thread, leaving the caller's thread free meanwhile", async () => {
    const path = await earlierWorkspaceWithMessages();
    expect(pendingMigrations(path)).toBe(LATEST - 11);
    // Done on the caller's thread, the upgrade would leave no turn for a timer until it returned.
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const backend = await openBackend(path).finally(() => clearInterval(timer));
    opened.push(backend);
    expect(ticks).toBeGreaterThan(0);
    expect(pendingMigrations(path)).toBe(0);
    const info = await createClient(backend).call('workspace.info', {});
    expect(info.schemaVersion).toBe(LATEST);
    expect(info.counts.messages).toBe(2);
    const raw = new Database(path, { readonly: true });
    expect(raw.prepare("SELECT rowid FROM messages_fts WHERE messages_fts MATCH 'caida'").pluck().all()).toEqual([2]);
    // The back end's roll-up and match-set triggers are there.
    expect(
      raw
        .prepare(
          "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND (name LIKE 'rollup_%' OR name LIKE 'match_set_%')",
        )
        .pluck()
        .get(),
    ).toBe(14);
    raw.close();
  });

  it('upgrades with the worker as the app ships it (out/main), from the migrations the app names', async () => {
    const path = await earlierWorkspaceWithMessages();
    // The built worker's own default folder would be beside its bundle, where there are none.
    opened.push(await openBackend(path, { workerDir: resolve('out/main') }));
    expect(pendingMigrations(path)).toBe(0);
    expect(userVersion(path)).toBe(LATEST);
  });

  it('leaves the earlier schema and its rows when the upgrade fails, and says why, naming the file', async () => {
    // A table in the way of one the last migration makes.
    const path = await earlierWorkspaceWithMessages('CREATE TABLE message_entities_new (x);');
    const failure = await openBackend(path).then(
      () => null,
      (error: Error) => error,
    );
    expect(failure?.message).toBe(
      `Cannot upgrade workspace ${path} to this version of Pulso (schema ${LATEST}): table \`message_entities_new\` already exists. The workspace is unchanged.`,
    );
    expect(userVersion(path)).toBe(11);
    expect(pendingMigrations(path)).toBe(LATEST - 11);
    const raw = new Database(path, { readonly: true });
    expect(raw.prepare('SELECT text FROM messages ORDER BY id').pluck().all()).toEqual([
      'La atención, fatal',
      'Fibra caída otra vez',
    ]);
    // The migration's first steps (a new full-text table) were rolled back with the rest.
    expect(raw.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'messages_fts_docsize'").pluck().get()).toBe(1);
    raw.close();
  });

  it('opens a current workspace on the spot, and refuses a newer one or a file that is not one', async () => {
    const current = tempWorkspacePath();
    await createBackend(current).close();
    expect(await upgradeWorkspace(current, {})).toBe(false);
    opened.push(await openBackend(current));

    const newer = tempWorkspacePath();
    await createBackend(newer).close();
    const raw = new Database(newer);
    raw.pragma(`user_version = ${LATEST + 5}`);
    raw.close();
    expect(pendingMigrations(newer)).toBe(0);
    await expect(openBackend(newer)).rejects.toThrow(/newer version of Pulso/);

    const notes = tempWorkspacePath('notes.pulso');
    writeFileSync(notes, 'these are my notes, not a database'.repeat(100));
    expect(pendingMigrations(notes)).toBe(0);
    await expect(openBackend(notes)).rejects.toThrow(/Cannot open workspace/);
    expect(pendingMigrations(tempWorkspacePath('new.pulso'))).toBe(0);
  });
});
