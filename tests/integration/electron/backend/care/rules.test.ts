import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolder, writeEncoded } from '../../../../helpers/files';
import { applied, testBackend } from '../../../../helpers/workspace';

const HOUR = 3_600_000;

/** Two complaints, five and two hours old (relative to now, so the SLA clock has run on them). */
async function deskBackend() {
  const { client, path } = testBackend();
  const iso = (hoursAgo: number): string => new Date(Date.now() - hoursAgo * HOUR).toISOString();
  const file = writeEncoded(
    join(tempFolder(), 'desk.csv'),
    [
      'id,fecha,usuario,red,texto,tipo',
      `a1,${iso(5)},@ana,twitter,Me han cobrado dos veces la factura,complaint`,
      `b1,${iso(2)},@bea,twitter,Otra factura mal,complaint`,
    ].join('\n'),
    'utf8',
  );
  expect((await client.runJob('import.start', { path: file })).state).toBe('finished');
  await client.call('settings.update', { timeZone: 'UTC', annotator: 'marta' });
  const read = <T>(sql: string): T[] => {
    const db = new Database(path, { readonly: true });
    try {
      return db.prepare(sql).all() as T[];
    } finally {
      db.close();
    }
  };
  return { client, iso, read };
}

describe('Removing the desk rules', () => {
  it('removes an SLA policy: open cases are held to the next that fits, closed ones keep their misses', async () => {
    const { client, iso, read } = await deskBackend();
    const policy = async (name: string, firstResponseMinutes: number, resolutionMinutes: number): Promise<number> =>
      applied(await client.call('sla.add', { name, firstResponseMinutes, resolutionMinutes, holidays: [] })).policy;
    const strict = await policy('Estricta', 60, 120);
    const relaxed = await policy('Amplia', 600, 2880);
    const open = applied(await client.call('cases.open', { externalIds: ['a1'], at: iso(5) })).case;
    const closed = applied(await client.call('cases.open', { externalIds: ['b1'], at: iso(1.5) })).case;
    applied(await client.call('cases.update', { case: closed, status: 'resolved' }));
    applied(await client.call('sla.refresh', {}));
    const misses = 'SELECT case_id AS c, target FROM sla_misses ORDER BY case_id, target';
    expect(read(misses)).toEqual([
      { c: open, target: 'first_response' },
      { c: open, target: 'resolution' },
      { c: closed, target: 'first_response' },
    ]);
    const period = { from: iso(6).slice(0, 10), to: iso(0).slice(0, 10) };
    expect((await client.call('kpis.get', period)).care.slaBreaches).toBe(2);

    expect(applied(await client.call('sla.remove', { policy: strict }))).toEqual({ policy: strict, cases: 1 });
    expect((await client.call('sla.list', {})).map((p) => p.name)).toEqual(['Amplia']);
    // The open case is held to what the policies say now (its misses so far recomputed); the closed one is history.
    expect((await client.call('cases.get', { case: open })).sla?.policy).toBe('Amplia');
    expect(read('SELECT id, sla_policy_id AS policy FROM cases ORDER BY id')).toEqual([
      { id: open, policy: relaxed },
      { id: closed, policy: null },
    ]);
    expect(read(misses)).toEqual([{ c: closed, target: 'first_response' }]);
    expect((await client.call('kpis.get', period)).care.slaBreaches).toBe(1);
    await expect(client.call('sla.remove', { policy: strict })).rejects.toThrow(`No SLA policy ${strict}`);
  });

  it('removes a routing rule: cases it routed keep their team, new cases are no longer routed by it', async () => {
    const { client } = await deskBackend();
    const rule = applied(
      await client.call('routing.add', { name: 'Facturas', when: 'factura', department: 'Cobros', assign: 'fixed' }),
    ).rule;
    const routed = applied(await client.call('cases.open', { externalIds: ['a1'] })).case;
    expect(applied(await client.call('routing.remove', { rule }))).toEqual({ rule });
    expect(await client.call('routing.list', {})).toEqual([]);
    const after = applied(await client.call('cases.open', { externalIds: ['b1'] })).case;
    expect((await client.call('cases.get', { case: routed })).department).toBe('Cobros');
    expect((await client.call('cases.get', { case: after })).department).toBeNull();
    await expect(client.call('routing.remove', { rule })).rejects.toThrow(`No routing rule ${rule}`);
  });

  it('takes a canned reply off the list: its replies keep its code and the canned share, its code brings it back', async () => {
    const { client, iso } = await deskBackend();
    const added = applied(
      await client.call('canned.add', { code: 'gracias', language: 'es', text: 'Gracias {nombre}' }),
    );
    const opened = applied(await client.call('cases.open', { externalIds: ['a1'] })).case;
    applied(await client.call('cases.respond', { case: opened, canned: 'gracias' }));
    const period = { from: iso(6).slice(0, 10), to: iso(0).slice(0, 10) };
    const share = (await client.call('kpis.get', period)).care.cannedShare;
    expect(share).toBe(1);

    expect(applied(await client.call('canned.remove', { code: 'gracias' }))).toEqual({ code: 'gracias' });
    expect(await client.call('canned.list', {})).toEqual([]);
    await expect(client.call('cases.respond', { case: opened, canned: 'gracias' })).rejects.toThrow(
      'No canned reply "gracias"',
    );
    const thread = (await client.call('cases.get', { case: opened })).thread;
    expect(thread.filter((entry) => entry.kind === 'reply').map((entry) => entry.canned)).toEqual(['gracias']);
    expect((await client.call('kpis.get', period)).care.cannedShare).toBe(share);
    await expect(client.call('canned.remove', { code: 'gracias' })).rejects.toThrow('No canned reply "gracias"');

    // Saved again under its code: the same reply, its uses counted, the new text.
    const again = applied(await client.call('canned.add', { code: 'gracias', language: 'es', text: 'Mil gracias' }));
    expect(again.canned).toBe(added.canned);
    expect(await client.call('canned.list', {})).toEqual([
      expect.objectContaining({ id: added.canned, code: 'gracias', text: 'Mil gracias', uses: 1 }),
    ]);
  });
});
