import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolder, writeEncoded } from '../../../../helpers/files';
import { applied, testBackend } from '../../../../helpers/workspace';

/** One person on three networks, and a message with no author. */
async function workspace() {
  const opened = testBackend();
  const file = writeEncoded(
    join(tempFolder(), 'social.csv'),
    [
      'id,fecha,usuario,red,texto',
      'm1,2026-01-10 10:00,marta.ruiz,linkedin,¿Fibra para 40 puestos?',
      'm2,2026-01-12 10:00,@marta_r,twitter,Sigo esperando la propuesta',
      'm3,2026-01-13 10:00,marta@acme.es,email,Adjunto el pliego',
      'm4,2026-01-14 10:00,,twitter,Sin autor',
    ].join('\n'),
    'utf8',
  );
  const end = await opened.client.runJob('import.start', { path: file });
  if (end.state !== 'finished') throw new Error(end.message);
  const page = await opened.client.call('messages.page', {
    offset: 0,
    limit: 10,
    sort: { column: 'postedAt', direction: 'asc' },
  });
  return { ...opened, ids: page.rows.map((row) => row.id) };
}

describe('contacts: identified people and companies with their accounts', () => {
  it('marks authors as a person at a company with a role and account type, merges their accounts and splits one', async () => {
    const { client, ids } = await workspace();
    const [m1, m2, m3, m4] = ids as [number, number, number, number];
    const author = async (message: number) => (await client.call('contacts.ofMessage', { message })).author.authorId;
    expect(await client.call('contacts.ofMessage', { message: m1 })).toMatchObject({
      author: { source: 'linkedin', handle: 'marta.ruiz' },
      contact: null,
    });
    const marta = applied(
      await client.call('contacts.identify', {
        author: await author(m1),
        name: 'Marta Ruiz',
        company: 'Acme S.L.',
        role: 'purchasing',
        accountType: 'personal',
      }),
    );
    expect(marta).toMatchObject({
      name: 'Marta Ruiz',
      company: 'Acme S.L.',
      role: 'purchasing',
      accountType: 'personal',
    });
    const x = applied(await client.call('contacts.identify', { author: await author(m2), name: 'Marta R.' }));
    const mail = applied(await client.call('contacts.identify', { author: await author(m3), name: 'marta@acme.es' }));
    // A lead on the X account's contact follows the merge.
    await client.call('leads.create', { messageIds: [m2], name: 'Marta R.' });
    const merged = applied(await client.call('contacts.merge', { into: marta.id, from: [x.id, mail.id] }));
    expect(merged.accounts.map((a) => `${a.source}:${a.handle}`)).toEqual([
      'email:marta@acme.es',
      'linkedin:marta.ruiz',
      'twitter:@marta_r',
    ]);
    expect(merged.leads).toBe(1);
    expect((await client.call('contacts.list', {})).map((c) => c.name)).toEqual(['Marta Ruiz']);
    expect((await client.call('contacts.ofMessage', { message: m2 })).contact?.id).toBe(marta.id);
    // The email account was someone else's after all: out to a contact of its own; the lead stays.
    const { contact, split } = applied(
      await client.call('contacts.split', { contact: marta.id, author: await author(m3) }),
    );
    expect(contact.accounts).toHaveLength(2);
    expect(contact.leads).toBe(1);
    expect(split).toMatchObject({ name: 'marta@acme.es', company: 'Acme S.L.', accounts: [{ source: 'email' }] });
    await expect(client.call('contacts.split', { contact: split.id, author: await author(m3) })).rejects.toThrow(
      'only account: there is nothing to split it from',
    );
    const updated = applied(
      await client.call('contacts.update', {
        contact: marta.id,
        role: 'executive',
        accountType: 'corporate',
      }),
    );
    expect(updated).toMatchObject({ role: 'executive', accountType: 'corporate', name: 'Marta Ruiz' });
    expect((await client.call('contacts.list', { search: 'acme' })).length).toBe(2);
    await expect(client.call('contacts.identify', { author: await author(m4), name: 'Nadie' })).rejects.toThrow(
      'A message with no author cannot be anyone’s',
    );
    await expect(client.call('contacts.update', { contact: 999, role: 'user' })).rejects.toThrow('No contact 999');
  });

  it('lists more contacts than SQLite takes variables in one statement, each with its accounts', async () => {
    const { client, ids, path } = await workspace();
    const { author } = await client.call('contacts.ofMessage', { message: ids[0] as number });
    const marta = applied(await client.call('contacts.identify', { author: author.authorId, name: 'Marta Ruiz' }));
    const db = new Database(path);
    const add = db.prepare('INSERT INTO contacts (name) VALUES (?)');
    db.transaction(() => {
      for (let i = 0; i < 40_000; i++) add.run(`Contact ${String(i).padStart(5, '0')}`);
    })();
    db.close();
    const list = await client.call('contacts.list', {});
    expect(list).toHaveLength(40_001);
    expect(list.find((c) => c.id === marta.id)?.accounts.map((a) => a.handle)).toEqual(['marta.ruiz']);
    expect(list.filter((c) => c.accounts.length > 0)).toHaveLength(1);
  });
});
