import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../db/open';
import { createPlanner, ROW_TABLES, type NewMessage, type RowBatch } from '../../db/queries/ingest';
import { openSnapshot } from '../../db/queries/ingest-snapshot';
import { APPENDED_INDEXES, createRowWriter, DEFERRABLE_TABLES, startLoad } from '../../db/queries/ingest-write';
import { inTransaction } from '../../electron/backend/transaction';
import { fingerprint } from '../helpers/files';
import { tempWorkspacePath } from '../helpers/workspace';

const messages = (count: number): NewMessage[] => Array.from({ length: count }, (_, i) => ({
  externalId: `m${i}`, source: 'twitter', author: { handle: `@user${i % 7}` }, postedAt: Date.UTC(2026, 0, 1) + i * 60_000,
  text: `Mensaje ${i} sobre la fibra`, temperature: ((i % 5) - 2) as -2 | -1 | 0 | 1 | 2,
}));

/** The rows that store `list` in the store as it is now (no rules: matching is not what is tested). */
const planRows = (sqlite: Database.Database, list: NewMessage[]): RowBatch =>
  createPlanner(openSnapshot(sqlite), { batchId: null, annotator: 'ana', labeledAt: 1, rules: { entities: [], topics: [] }, entityRole: 'competitor' }).plan(list).rows;

const indexNames = (sqlite: Database.Database): unknown[] => sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name").pluck().all();

// The bulk writers resolve a failed constraint with OR FAIL (db/queries/bulk.ts): the statement's
// rows before the bad one stay in, and only the caller's rollback takes them out.
describe('bulk writes', () => {
  it('a statement failing partway through a load leaves the store as it was', async () => {
    const path = tempWorkspacePath();
    const store = openStore(path);
    await inTransaction(store.sqlite, async () => createRowWriter(store.sqlite, null)(planRows(store.sqlite, messages(10))));
    store.close();
    const before = fingerprint(path);

    const reopened = openStore(path);
    const load = inTransaction(reopened.sqlite, async () => {
      const rows = planRows(reopened.sqlite, messages(250).map((m) => ({ ...m, externalId: `new-${m.externalId}` })));
      // The 121st message breaks the temperature's CHECK: in the second statement of 100 rows, after 20 good ones.
      const { columns } = ROW_TABLES.messages;
      const at = 120 * columns.length + columns.indexOf('temperature');
      expect(rows.messages[at]).toBe((120 % 5) - 2);
      rows.messages[at] = 7;
      const writer = startLoad(reopened.sqlite, null);
      let failure: unknown;
      try {
        writer.write(rows);
      } catch (error) {
        failure = error;
      }
      // FAIL, not ABORT: the failed statement's 20 good rows are still in (no statement journal was kept to undo them).
      expect(reopened.sqlite.prepare('SELECT count(*) FROM messages').pluck().get()).toBe(10 + 100 + 20);
      throw failure;
    });
    await expect(load).rejects.toThrow(/CHECK constraint failed/);
    expect(reopened.sqlite.prepare('SELECT count(*) FROM messages').pluck().get()).toBe(10);
    reopened.close();
    expect(fingerprint(path)).toBe(before);
  });

  it('refuses to write outside a transaction', () => {
    const store = openStore(tempWorkspacePath());
    try {
      const indexes = indexNames(store.sqlite);
      expect(() => createRowWriter(store.sqlite, null)).toThrow(/inside a transaction/);
      // A load large enough to defer its indexes refuses before it drops any.
      expect(() => startLoad(store.sqlite, null, { expectedRows: 100_000 })).toThrow(/inside a transaction/);
      expect(indexNames(store.sqlite)).toEqual(indexes);
    } finally {
      store.close();
    }
  });

  it('keeps live, during a large load, indexes the schema has on the tables it writes', () => {
    // Named in ingest-write.ts: a migration renaming one would silently have it dropped and rebuilt by every large load.
    const store = openStore(tempWorkspacePath());
    try {
      const indexes = store.sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN (SELECT value FROM json_each(?))`).pluck().all(JSON.stringify(DEFERRABLE_TABLES));
      expect(indexes).toEqual(expect.arrayContaining([...APPENDED_INDEXES]));
    } finally {
      store.close();
    }
  });
});
