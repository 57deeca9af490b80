import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStore, StoreRefused } from '../../db/open';
import { backupStore } from '../../db/backup';
import { tempWorkspacePath } from '../helpers/workspace';

describe('workspace store', () => {
  it('creates a new file with every table, WAL and foreign keys on', () => {
    const store = openStore(tempWorkspacePath());
    const tables = store.sqlite.prepare("SELECT name FROM sqlite_master WHERE type IN ('table') ORDER BY name").pluck().all();
    expect(tables).toEqual(expect.arrayContaining([
      'authors', 'case_messages', 'cases', 'community_snapshots', 'entities', 'entity_aliases', 'import_batches',
      'labels', 'leads', 'message_entities', 'message_topics', 'messages', 'messages_fts', 'sales', 'settings',
      'sources', 'topic_keywords', 'topics',
    ]));
    expect(store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(() => store.sqlite.prepare("INSERT INTO authors (source_id, handle) VALUES (999, 'x')").run()).toThrow(/FOREIGN KEY/);
    expect(store.schemaVersion).toBeGreaterThanOrEqual(2);
    store.close();
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

  it('snapshots a store in use with the online-backup API', async () => {
    const store = openStore(tempWorkspacePath());
    store.sqlite.prepare("INSERT INTO sources (code, name) VALUES ('twitter', 'X')").run();
    const backup = await backupStore(store, new Date('2026-11-23T10:00:00Z'));
    expect(backup.path).toMatch(/\.backups\/2026-11-23T10-00-00-000Z\.pulso$/);
    const copy = openStore(backup.path);
    expect(copy.sqlite.prepare('SELECT code FROM sources').pluck().all()).toEqual(['twitter']);
    copy.close();
    store.close();
  });
});
