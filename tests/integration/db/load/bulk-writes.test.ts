import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../../db/open';
import { createPlanner, ROW_TABLES, type NewMessage, type RowBatch } from '../../../../db/load/planner';
import { openSnapshot } from '../../../../db/load/snapshot';
import { APPENDED_INDEXES, createRowWriter, DEFERRABLE_TABLES, startLoad } from '../../../../db/load/writer';
import { addEntity, addTopic, loadRules } from '../../../../db/queries/entities';
import { inTransaction } from '../../../../electron/backend/runtime/transaction';
import { openWorkspace } from '../../../../electron/backend/runtime/workspace-file';
import { planImport } from '../../../../electron/backend/import/plan';
import { openReader } from '../../../../electron/backend/import/readers';
import { BATCH_ROWS, prepareBatches } from '../../../../electron/backend/import/prepare';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fingerprint, tempFolder } from '../../../helpers/files';
import { tempWorkspacePath } from '../../../helpers/workspace';

const messages = (count: number): NewMessage[] =>
  Array.from({ length: count }, (_, i) => ({
    externalId: `m${i}`,
    source: 'twitter',
    author: { handle: `@user${i % 7}` },
    postedAt: Date.UTC(2026, 0, 1) + i * 60_000,
    text: `Mensaje ${i} sobre la fibra`,
    temperature: ((i % 5) - 2) as -2 | -1 | 0 | 1 | 2,
  }));

/** The rows that store `list` in the store as it is now (no rules: matching is not what is tested). */
const planRows = (sqlite: Database.Database, list: NewMessage[]): RowBatch =>
  createPlanner(openSnapshot(sqlite), {
    batchId: null,
    annotator: 'ana',
    labeledAt: 1,
    rules: { entities: [], topics: [] },
    entityRole: 'competitor',
  }).plan(list).rows;

const indexNames = (sqlite: Database.Database): unknown[] =>
  sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name").pluck().all();

// The bulk writers resolve a failed constraint with OR FAIL (db/queries/bulk.ts): the statement's
// rows before the bad one stay in, and only the caller's rollback takes them out.
describe('bulk writes', () => {
  it('a statement failing partway through a load leaves the store as it was', async () => {
    const path = tempWorkspacePath();
    const store = openStore(path);
    await inTransaction(store.sqlite, async () =>
      createRowWriter(store.sqlite, null)(planRows(store.sqlite, messages(10))),
    );
    store.close();
    const before = fingerprint(path);

    const reopened = openStore(path);
    const load = inTransaction(reopened.sqlite, async () => {
      const rows = planRows(
        reopened.sqlite,
        messages(250).map((m) => ({ ...m, externalId: `new-${m.externalId}` })),
      );
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
    // Named in ingest-write.ts: a migration renaming one would silently have it dropped and rebuilt by every large
    // load.
    const store = openStore(tempWorkspacePath());
    try {
      const indexes = store.sqlite
        .prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN (SELECT value FROM json_each(?))`)
        .pluck()
        .all(JSON.stringify(DEFERRABLE_TABLES));
      expect(indexes).toEqual(expect.arrayContaining([...APPENDED_INDEXES]));
    } finally {
      store.close();
    }
  });

  it('stores a batch whose rules the writer matched (the reading thread was the slower) as one matched where it was read', async () => {
    // Texts the rules find, with and without a file's own entity or topic column naming the same, another or a new one.
    const texts = [
      'La fibra de Lumen, caída',
      'Sin nada que ver',
      '@LumenMovil y #fibra otra vez',
      'Vértice y Lumen, precio',
      'El router de Vertice',
    ];
    const list: NewMessage[] = messages(40).map((message, i) => ({
      ...message,
      text: `${texts[i % texts.length]} (${i})`,
      entity: i % 4 === 0 ? 'Lumen Móvil' : i % 4 === 1 ? 'Nube Telecom' : i % 8 === 2 ? 'Marca nueva' : null,
      topic: i % 3 === 0 ? 'Fibra' : i % 6 === 1 ? 'Tema nuevo' : null,
    }));
    const load = async (matchRules: boolean): Promise<string> => {
      const path = tempWorkspacePath();
      const store = openWorkspace(path, {});
      addEntity(store.sqlite, { name: 'Lumen Móvil', role: 'own', aliases: ['Lumen', '@LumenMovil'] });
      addEntity(store.sqlite, { name: 'Vértice', role: 'competitor', aliases: ['Vértice'] });
      addEntity(store.sqlite, { name: 'Nube Telecom', role: 'competitor', aliases: ['Nube Telecom'] });
      addTopic(store.sqlite, { name: 'Fibra', keywords: ['fibra', 'router'] });
      addTopic(store.sqlite, { name: 'Precio', keywords: ['precio'] });
      const rules = loadRules(store.sqlite);
      await inTransaction(store.sqlite, async () => {
        const { rows } = createPlanner(openSnapshot(store.sqlite), {
          batchId: null,
          annotator: 'ana',
          labeledAt: 1,
          rules,
          entityRole: 'competitor',
        }).plan(list, { matchRules });
        expect(rows.rulesPending ?? false).toBe(!matchRules);
        // Left to the writer, the batch holds only the matches the file's columns name.
        if (!matchRules) expect(new Set(rows.entityMatches.filter((_, i) => i % 3 === 2))).toEqual(new Set(['import']));
        const writer = startLoad(store.sqlite, null, { rules });
        writer.write(rows);
        writer.finish();
      });
      const origins = store.sqlite.prepare('SELECT DISTINCT origin FROM message_entities ORDER BY 1').pluck().all();
      expect(origins).toEqual(['import', 'rule']);
      expect(store.sqlite.prepare('SELECT count(*) FROM kpi_entity_days').pluck().get()).toBeGreaterThan(0);
      // The one difference two loads a moment apart may have.
      store.sqlite.exec('UPDATE entities SET created_at = 0; UPDATE topics SET created_at = 0;');
      store.close();
      return fingerprint(path);
    };
    expect(await load(false)).toBe(await load(true));

    // A writer not given the rules refuses such a batch rather than store it unmatched.
    const store = openStore(tempWorkspacePath());
    const refused = inTransaction(store.sqlite, async () => {
      const { rows } = createPlanner(openSnapshot(store.sqlite), {
        batchId: null,
        annotator: 'ana',
        labeledAt: 1,
        rules: { entities: [], topics: [] },
        entityRole: 'competitor',
      }).plan(list.slice(0, 3), { matchRules: false });
      startLoad(store.sqlite, null).write(rows);
    });
    await expect(refused).rejects.toThrow(/without the rules/);
    expect(store.sqlite.prepare('SELECT count(*) FROM messages').pluck().get()).toBe(0);
    store.close();
  });

  it("has the reading thread leave a batch's rules to the writer when asked, and match the next again", async () => {
    // Planned in batches of BATCH_ROWS, whatever the reader's own batches (a JSON Lines file's are larger).
    const path = join(tempFolder(), 'fibra.jsonl');
    const rows = Array.from({ length: 2 * BATCH_ROWS + 10 }, (_, i) =>
      JSON.stringify({
        id: `m${i}`,
        usuario: '@ana',
        fecha: '2026-03-25T10:00:00Z',
        texto: `Otra caída de la fibra (${i})`,
      }),
    );
    writeFileSync(path, rows.join('\n'));
    const workspace = tempWorkspacePath();
    const store = openWorkspace(workspace, {});
    addTopic(store.sqlite, { name: 'Fibra', keywords: ['fibra'] });
    const rules = loadRules(store.sqlite);
    store.close();
    const plan = await planImport(path, await openReader(path), {});
    const batches = prepareBatches({
      path,
      plan,
      timeZone: 'Europe/Madrid',
      rules,
      workspacePath: workspace,
      batchId: 1,
      labeledAt: 1,
      annotator: 'ana',
      entityRole: 'competitor',
    });
    const ruleRows = (batch: RowBatch): number => batch.topicMatches.filter((value) => value === 'rule').length;
    const first = (await batches.next()).value;
    const second = (await batches.next(false)).value;
    const third = (await batches.next(true)).value;
    await batches.return(undefined);
    expect(
      [first, second, third].map(
        (batch) => batch && [batch.read, batch.rows.rulesPending ?? false, ruleRows(batch.rows)],
      ),
    ).toEqual([
      [BATCH_ROWS, false, BATCH_ROWS],
      [BATCH_ROWS, true, 0],
      [10, false, 10],
    ]);
  });
});
