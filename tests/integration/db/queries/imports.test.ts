import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolder, writeEncoded } from '../../../helpers/files';
import { testBackend } from '../../../helpers/workspace';

// Three messages, two labeled, one a case; the second file repeats them and brings one more.
const HEADER = 'Fecha;Usuario;Red social;Texto;Sentimiento;Tipo de caso';
const ROWS = [
  '15/03/2026 14:30;@lucia;Twitter;Pésima atención, llevo días sin fibra;muy enfadado;avería',
  '25/03/2026 09:05;@jordi;Facebook;La factura de marzo, perfecta;contento;',
  '26/03/2026 18:00;@marta;Instagram;¿Alguien sabe el precio?;;',
];
const NEW_ROW = '27/03/2026 10:00;@nuevo;Twitter;Otra mención;neutral;';

function count(path: string, sql: string): number {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare(sql).pluck().get() as number;
  } finally {
    db.close();
  }
}

async function setUp() {
  const opened = testBackend();
  await opened.client.call('settings.update', { timeZone: 'Europe/Madrid', annotator: 'ana' });
  const folder = tempFolder();
  const file = (name: string, rows: string[]) => writeEncoded(join(folder, name), [HEADER, ...rows].join('\n'), 'utf8');
  const load = async (path: string) => {
    const end = await opened.client.runJob('import.start', { path });
    if (end.state !== 'finished') throw new Error(`import ${end.state}: ${end.message}`);
    return end.result;
  };
  const idOf = async (text: string): Promise<number> => {
    const page = await opened.client.call('messages.page', { filter: { search: text }, offset: 0, limit: 5 });
    return page.rows[0]?.id as number;
  };
  return { opened, file, load, idOf };
}

describe('undoing an import batch', () => {
  it('keeps what a later batch also brought, passed to that batch with its labels and cases', async () => {
    const { opened, file, load, idOf } = await setUp();
    const first = await load(file('a.csv', ROWS));
    const second = await load(file('b.csv', [...ROWS, NEW_ROW]));
    expect([first.new, second.new, second.duplicate]).toEqual([3, 1, 3]);

    const preview = await opened.client.call('import.undoPreview', { batch: first.batch });
    expect(preview).toEqual({
      batch: first.batch,
      messages: 0,
      kept: 3,
      labelsSince: 0,
      cases: 0,
      deals: 0,
      dealsChanged: 0,
    });
    expect(await opened.client.call('import.undo', { batch: first.batch })).toEqual(preview);

    const { counts } = await opened.client.call('workspace.info', {});
    expect([counts.messages, counts.importBatches]).toEqual([4, 1]);
    expect(count(opened.path, 'SELECT count(*) FROM messages WHERE batch_id = 2')).toBe(4);
    // The labels and the case the first file brought stay with the messages, now the second batch's.
    const lucia = (await opened.client.call('messages.detail', { id: await idOf('fibra') })).message;
    expect(lucia.temperature).toBe(-2);
    expect(count(opened.path, 'SELECT count(*) FROM labels WHERE batch_id = 2')).toBe(3);
    expect(count(opened.path, 'SELECT count(*) FROM cases WHERE batch_id = 2')).toBe(1);
    expect(count(opened.path, 'SELECT count(*) FROM message_batches')).toBe(0);

    // Now the second batch alone brought them: undoing it takes all four.
    expect(await opened.client.call('import.undo', { batch: second.batch })).toMatchObject({ messages: 4, kept: 0 });
    const after = await opened.client.call('workspace.info', {});
    expect([after.counts.messages, after.counts.labels, after.counts.authors]).toEqual([0, 0, 0]);
    expect(count(opened.path, 'SELECT count(*) FROM cases')).toBe(0);
  });

  it('keeps an earlier batch whole when a later one that repeated it is undone', async () => {
    const { opened, file, load } = await setUp();
    const first = await load(file('a.csv', ROWS));
    const second = await load(file('b.csv', [...ROWS, NEW_ROW]));
    expect(await opened.client.call('import.undo', { batch: second.batch })).toMatchObject({ messages: 1, kept: 3 });
    expect(count(opened.path, `SELECT count(*) FROM messages WHERE batch_id = ${first.batch}`)).toBe(3);
    expect(count(opened.path, 'SELECT count(*) FROM message_batches')).toBe(0);
  });

  it('says what it takes (labels analysts made since, cases) and leaves no undo action with nothing to undo', async () => {
    const { opened, file, load, idOf } = await setUp();
    await load(file('a.csv', ROWS.slice(1)));
    const cases = await load(file('cases.csv', [ROWS[0] as string]));
    const kept = await idOf('factura');
    const gone = await idOf('fibra');
    // One action on a message that stays, then one on the message the undo takes.
    const stays = await opened.client.call('labels.set', { ids: [kept], temperature: 2 });
    await opened.client.call('labels.set', { ids: [gone], kind: 'complaint' });

    expect(await opened.client.call('import.undoPreview', { batch: cases.batch })).toEqual({
      batch: cases.batch,
      messages: 1,
      kept: 0,
      labelsSince: 1,
      cases: 1,
      deals: 0,
      dealsChanged: 0,
    });
    await opened.client.call('import.undo', { batch: cases.batch });
    expect(count(opened.path, 'SELECT count(*) FROM label_actions')).toBe(1);
    // Undo now undoes the action that still has a label, not the one whose message went.
    expect(await opened.client.call('labels.undo', {})).toEqual({
      action: 'action' in stays ? stays.action : null,
      changed: [kept],
    });
    // Back to the label its file gave it (contento).
    expect((await opened.client.call('messages.detail', { id: kept })).message.temperature).toBe(1);
  });

  it('says there is no such batch', async () => {
    const { opened } = await setUp();
    await expect(opened.client.call('import.undoPreview', { batch: 9 })).rejects.toThrow(/No import batch 9/);
  });
});
