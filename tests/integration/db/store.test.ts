import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { defaultMigrationsFolder, openStore, readJournal, StoreRefused } from '../../../db/open';
import { backupInto, nextBackupPath } from '../../../db/backup';
import { earlierWorkspace, testBackend, tempWorkspacePath } from '../../helpers/workspace';

describe('workspace store', () => {
  it('creates a new file with every table, WAL and foreign keys on', () => {
    const store = openStore(tempWorkspacePath());
    const tables = store.sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type IN ('table') ORDER BY name")
      .pluck()
      .all();
    expect(tables).toEqual(
      expect.arrayContaining([
        'authors',
        'case_messages',
        'cases',
        'community_snapshots',
        'entities',
        'entity_aliases',
        'import_batches',
        'labels',
        'leads',
        'message_entities',
        'message_topics',
        'messages',
        'messages_fts',
        'sales',
        'settings',
        'sources',
        'topic_keywords',
        'topics',
      ]),
    );
    expect(store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(() => store.sqlite.prepare("INSERT INTO authors (source_id, handle) VALUES (999, 'x')").run()).toThrow(
      /FOREIGN KEY/,
    );
    expect(store.schemaVersion).toBeGreaterThanOrEqual(2);
    store.close();
  });

  it('makes a new file with 16 KiB pages, and opens one made with 4 KiB pages as it is', () => {
    const path = tempWorkspacePath();
    const store = openStore(path);
    expect(store.sqlite.pragma('page_size', { simple: true })).toBe(16_384);
    // A workspace from before: its pages made 4 KiB again (a file's page size changes only outside WAL).
    store.sqlite.pragma('journal_mode = DELETE');
    store.sqlite.pragma('page_size = 4096');
    store.sqlite.exec('VACUUM');
    store.close();
    const earlier = openStore(path);
    expect(earlier.sqlite.pragma('page_size', { simple: true })).toBe(4096);
    expect(earlier.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    earlier.sqlite.prepare("INSERT INTO sources (code, name) VALUES ('forum', 'forum')").run();
    expect(earlier.sqlite.prepare("SELECT count(*) FROM sources WHERE code = 'forum'").pluck().get()).toBe(1);
    earlier.close();
  });

  it('opens again without re-running migrations', () => {
    const path = tempWorkspacePath();
    openStore(path).close();
    const again = openStore(path);
    expect(again.sqlite.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get()).toBe(again.schemaVersion);
    again.close();
  });

  it('refuses a workspace written by a newer version, untouched', () => {
    const path = tempWorkspacePath();
    const store = openStore(path);
    store.sqlite.pragma('user_version = 99');
    store.close();
    expect(() => openStore(path)).toThrow(StoreRefused);
    expect(() => openStore(path)).toThrow(/newer version of Pulso \(schema 99/);
    const raw = new Database(path);
    expect(raw.pragma('user_version', { simple: true })).toBe(99);
    raw.close();
  });

  it('refuses a SQLite file that is not a Pulso workspace', () => {
    const path = tempWorkspacePath('other.db');
    const other = new Database(path);
    other.exec('CREATE TABLE invoices (id INTEGER)');
    other.close();
    expect(() => openStore(path)).toThrow(/not a Pulso workspace/);
  });

  it('refuses a file that is not SQLite at all with a clear message', async () => {
    const path = tempWorkspacePath('notes.pulso');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path, 'these are my notes, not a database'.repeat(100));
    expect(() => openStore(path)).toThrow(/Cannot open workspace .*notes\.pulso/);
  });

  it('upgrades a workspace of schema 11 keeping its matches, search and roll-ups: matches WITHOUT ROWID, the full-text index without sizes', async () => {
    const path = await earlierWorkspace(
      11,
      `
      INSERT INTO sources (id, code, name) VALUES (1, 'twitter', 'X');
      INSERT INTO authors (id, source_id, handle) VALUES (1, 1, '@ana');
      INSERT INTO entities (id, name, role) VALUES (1, 'Lumen', 'own');
      INSERT INTO topics (id, name) VALUES (1, 'Fibra');
      INSERT INTO messages (id, source_id, author_id, posted_at, text, content_hash) VALUES
        (1, 1, 1, 0, 'La atención de Lumen, fatal', 'a'), (2, 1, 1, 0, 'Fibra caída otra vez', 'b');
      INSERT INTO messages_fts (rowid, text) SELECT id, text FROM messages;
      INSERT INTO message_entities (message_id, entity_id, origin) VALUES (1, 1, 'rule');
      INSERT INTO message_topics (message_id, topic_id, origin) VALUES (2, 1, 'import');`,
    );
    const old = new Database(path, { readonly: true });
    expect(old.pragma('user_version', { simple: true })).toBe(11);
    expect(old.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'messages_fts_docsize'").pluck().get()).toBe(1);
    old.close();

    const store = openStore(path);
    expect(store.schemaVersion).toBe(readJournal(defaultMigrationsFolder()).entries.length);
    const sql = (name: string) =>
      store.sqlite.prepare('SELECT sql FROM sqlite_master WHERE name = ?').pluck().get(name) as string;
    expect(sql('message_entities')).toMatch(/WITHOUT ROWID$/);
    expect(sql('message_topics')).toMatch(/WITHOUT ROWID$/);
    expect(sql('message_entities_entity')).toBeTruthy();
    expect(sql('message_topics_topic')).toBeTruthy();
    expect(sql('messages_fts')).toMatch(/columnsize=0/);
    expect(sql('messages_fts_docsize')).toBeUndefined();
    expect(store.sqlite.prepare('SELECT message_id, entity_id, origin FROM message_entities').raw().all()).toEqual([
      [1, 1, 'rule'],
    ]);
    expect(store.sqlite.prepare('SELECT message_id, topic_id, origin FROM message_topics').raw().all()).toEqual([
      [2, 1, 'import'],
    ]);
    const search = store.sqlite
      .prepare('SELECT rowid FROM messages_fts WHERE messages_fts MATCH ? ORDER BY rowid')
      .pluck();
    expect(search.all('atencion')).toEqual([1]);
    expect(search.all('"caida otra"')).toEqual([2]);
    store.close();

    // The back end counts the roll-ups and makes their triggers, which keep them as messages go.
    const { client } = testBackend(path);
    const raw = new Database(path);
    raw.pragma('foreign_keys = ON');
    expect(
      raw.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'rollup_%'").pluck().get(),
    ).toBe(10);
    const day = { from: '1970-01-01', to: '1970-01-02' };
    expect((await client.call('kpis.get', day)).totals.messages).toBe(2);
    // Deleting a message takes it out of the new full-text index (the trigger on messages), its matches and its counts.
    raw.prepare('DELETE FROM messages WHERE id = 1').run();
    expect(raw.prepare("SELECT rowid FROM messages_fts WHERE messages_fts MATCH 'atencion'").pluck().all()).toEqual([]);
    expect(raw.prepare('SELECT count(*) FROM message_entities').pluck().get()).toBe(0);
    // FTS5 throws if the index and the messages disagree.
    expect(() =>
      raw.prepare("INSERT INTO messages_fts (messages_fts, rank) VALUES ('integrity-check', 1)").run(),
    ).not.toThrow();
    raw.close();
    expect((await client.call('kpis.get', day)).totals.messages).toBe(1);
  });

  it('snapshots a store in use with the online-backup API', async () => {
    const store = openStore(tempWorkspacePath());
    store.sqlite.prepare("INSERT INTO sources (code, name) VALUES ('twitter', 'X')").run();
    const target = nextBackupPath(store.path, new Date('2026-11-23T10:00:00Z'));
    expect(target).toMatch(/\.backups\/2026-11-23T10-00-00-000Z\.pulso$/);
    const steps: number[] = [];
    expect(await backupInto(store.sqlite, target, (done) => steps.push(done))).toBeGreaterThan(0);
    expect(steps[0]).toBe(0);
    const copy = openStore(target);
    expect(copy.sqlite.prepare('SELECT code FROM sources').pluck().all()).toEqual(['twitter']);
    copy.close();
    store.close();
  });
});
