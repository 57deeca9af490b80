import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolder, writeEncoded } from '../../../../helpers/files';
import { applied, testBackend } from '../../../../helpers/workspace';

/** Zoé writes on two networks (one contact), with a case, a lead and an idea; two other customers write too. */
const ROWS = [
  'id,fecha,usuario,nombre,seguidores,red,texto,tipo,temperatura,url',
  'z1,2026-05-02T10:00:00Z,@zoe_vallarta,Zoé Vallarta,5400,twitter,Quiero portabilidad YA zoe-texto-uno,complaint,-2,https://x.com/zoe_vallarta/1',
  'z2,2026-05-03T10:00:00Z,@zoe_vallarta,Zoé Vallarta,5400,twitter,Gracias por arreglarlo zoe-texto-dos,opinion,2,',
  'z3,2026-05-04T10:00:00Z,zoe.vallarta.pro,Zoé Vallarta,800,linkedin,Ojalá tuvierais factura por proyecto zoe-texto-tres,suggestion,1,',
  'o1,2026-05-02T11:00:00Z,@otro,Otro Cliente,10,twitter,Sin cobertura en casa,complaint,-1,',
  'o2,2026-05-05T11:00:00Z,@tercera,Tercera,10,facebook,Factura por proyecto por favor,suggestion,0,',
].join('\n');
const IDENTIFYING = [
  'zoe_vallarta', 'zoe.vallarta', 'Zoé Vallarta', 'zoe-texto', 'zoe@vallarta.example', 'x.com/zoe', 'Vallarta Studio',
]; // prettier-ignore

async function zoeWorkspace() {
  const { client, path } = testBackend();
  const file = writeEncoded(join(tempFolder(), 'zoe.csv'), `${ROWS}\n`, 'utf8');
  expect((await client.runJob('import.start', { path: file })).state).toBe('finished');
  await client.call('settings.update', { timeZone: 'UTC', annotator: 'marta' });
  const contact = applied(
    await client.call('contacts.identify', {
      account: { source: 'twitter', handle: '@zoe_vallarta' },
      name: 'Zoé Vallarta',
      company: 'Vallarta Studio',
      email: 'zoe@vallarta.example',
    }),
  );
  const pro = applied(
    await client.call('contacts.identify', { account: { source: 'linkedin', handle: 'zoe.vallarta.pro' }, name: 'Z' }),
  );
  applied(await client.call('contacts.merge', { into: contact.id, from: [pro.id] }));
  const opened = applied(await client.call('cases.open', { externalIds: ['z1'], at: '2026-05-02T10:30Z' }));
  applied(await client.call('canned.add', { code: 'hola', language: 'es', text: 'Hola {nombre}, caso {caso}' }));
  applied(await client.call('cases.respond', { case: opened.case, canned: 'hola', at: '2026-05-02T11:00Z' }));
  applied(await client.call('cases.note', { case: opened.case, text: 'Zoé Vallarta llamó también' }));
  applied(await client.call('cases.update', { case: opened.case, status: 'resolved', at: '2026-05-03T09:00Z' }));
  applied(await client.call('leads.create', { externalIds: ['z3'], name: 'Zoé Vallarta', company: 'Vallarta Studio' }));
  const ids = new Database(path, { readonly: true });
  const suggestions = ids.prepare("SELECT id FROM messages WHERE kind = 'suggestion' ORDER BY id").pluck().all();
  ids.close();
  applied(await client.call('ideas.create', { title: 'Factura por proyecto', messageIds: suggestions as number[] }));
  return { client, path, case: opened.case };
}

/** Every text in every table of the store, with where it is. */
function everyText(path: string): { table: string; value: string }[] {
  const db = new Database(path, { readonly: true });
  const tables = db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'messages_fts%'",
    )
    .pluck()
    .all() as string[];
  const found = tables.flatMap((table) =>
    (db.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[]).flatMap((row) =>
      Object.values(row)
        .filter((value): value is string => typeof value === 'string')
        .map((value) => ({ table, value })),
    ),
  );
  db.close();
  return found;
}

describe('a person’s data (data-protection law)', () => {
  it('exports everything about a person, from any of their accounts', async () => {
    const { client } = await zoeWorkspace();
    const story = await client.call('customers.story', { account: { source: 'linkedin', handle: 'zoe.vallarta.pro' } });
    expect(story.accounts.map((a) => `${a.source}:${a.handle}`)).toEqual([
      'linkedin:zoe.vallarta.pro',
      'twitter:@zoe_vallarta',
    ]);
    expect(story).toMatchObject({ name: 'Zoé Vallarta', messages: { total: 3, labeled: 3 }, mood: (-2 + 2 + 1) / 3 });
    expect(story.cases).toHaveLength(1);
    expect(story.leads).toHaveLength(1);
    expect(story.temperatures.map((t) => t.temperature)).toEqual([-2, 2, 1]);
    const out = join(tempFolder(), 'zoe.json');
    expect(applied(await client.call('customers.export', { account: { source: 'twitter', handle: 'zoe_vallarta' }, path: out }))).toEqual({ file: out, messages: 3 }); // prettier-ignore
    const copy = JSON.parse(readFileSync(out, 'utf8')) as Record<string, Record<string, unknown>[]>;
    expect(copy.messages?.map((m) => m.external_id)).toEqual(['z1', 'z2', 'z3']);
    expect(copy.contacts?.[0]).toMatchObject({ name: 'Zoé Vallarta', email: 'zoe@vallarta.example' });
    expect(copy.caseReplies?.[0]?.text).toMatch(/^Hola Zoé Vallarta, caso \d+$/);
  });

  it('erases a person: no row of theirs in any table, the store sound, and every count as it was', async () => {
    const { client, path } = await zoeWorkspace();
    const period = { from: '2026-05-01', to: '2026-05-31' };
    const before = await client.call('kpis.get', period);
    expect(everyText(path).filter(({ value }) => IDENTIFYING.some((s) => value.includes(s))).length).toBeGreaterThan(5);

    const erased = applied(
      await client.call('customers.erase', { account: { source: 'twitter', handle: '@zoe_vallarta' } }),
    );
    expect(erased).toEqual({ authors: 2, messages: 3, cases: 1, leads: 1, contact: true });

    const theirs = ({ value }: { value: string }): boolean =>
      IDENTIFYING.some((s) => value.toLowerCase().includes(s.toLowerCase()));
    expect(everyText(path).filter(theirs)).toEqual([]);
    const db = new Database(path, { readonly: true });
    expect(db.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM contacts').pluck().get()).toBe(0);
    expect(db.prepare('SELECT authors, messages, cases, leads, by FROM erasures').all()).toEqual([
      { authors: 2, messages: 3, cases: 1, leads: 1, by: 'marta' },
    ]);
    // The full-text index no longer finds their words.
    expect(db.prepare("SELECT count(*) FROM messages_fts WHERE messages_fts MATCH 'portabilidad'").pluck().get()).toBe(
      0,
    );
    db.close();

    // Past figures hold: the same volumes, temperatures, users, care funnel and ideas' votes.
    const after = await client.call('kpis.get', period);
    expect(after.totals).toEqual(before.totals);
    expect(after.byTemperature).toEqual(before.byTemperature);
    expect(after.users).toEqual(before.users);
    expect(after.care).toEqual(before.care);
    expect(after.demographics).toEqual(before.demographics);
    const board = await client.call('ideas.list', {});
    expect(board.ideas[0]).toMatchObject({ title: 'Factura por proyecto', votes: 2, messages: 2 });
    expect(await client.call('customers.erase', { account: { source: 'twitter', handle: '@zoe_vallarta' } }).catch((e: Error) => e.message)).toMatch(/No author @zoe_vallarta on twitter/); // prettier-ignore
  });
});
