import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolder, writeEncoded } from '../../../../helpers/files';
import { applied, testBackend } from '../../../../helpers/workspace';

const HOUR = 3_600_000;

/** Three complaints posted hours ago (relative to now, so the SLA clock has run on them). */
async function careBackend() {
  const { backend, client, path } = testBackend();
  const now = Date.now();
  const iso = (hoursAgo: number): string => new Date(now - hoursAgo * HOUR).toISOString();
  const file = writeEncoded(
    join(tempFolder(), 'care.csv'),
    [
      'id,fecha,usuario,red,texto,tipo',
      `a1,${iso(5)},@ana,twitter,Sin línea desde esta mañana,complaint`,
      `b1,${iso(4)},@bea,twitter,Me han cobrado dos veces la factura,case`,
      `c1,${iso(1)},@carla,facebook,¿Cuándo llega mi pedido?,case`,
      `a2,${iso(2)},@ana,twitter,¿Hola? Sigo sin línea,complaint`,
    ].join('\n'),
    'utf8',
  );
  const imported = await client.runJob('import.start', { path: file });
  expect(imported.state).toBe('finished');
  await client.call('settings.update', { timeZone: 'UTC', annotator: 'marta' });
  return { backend, client, path, now, iso };
}

describe('SLA records', () => {
  it('records each miss once however often the SLA is refreshed, and the KPIs count breaches from them', async () => {
    const { client, path, iso } = await careBackend();
    applied(
      await client.call('sla.add', {
        name: 'Quejas',
        firstResponseMinutes: 60,
        nextResponseMinutes: 30,
        resolutionMinutes: 48 * 60,
        holidays: [],
      }),
    );
    const late = applied(await client.call('cases.open', { externalIds: ['a1'], at: iso(5) })).case;
    const onTime = applied(await client.call('cases.open', { externalIds: ['c1'], at: iso(1 / 2) })).case;
    // Answered after 2.5 h (first response missed); the customer wrote again 2 h ago and waits (next response missed).
    applied(await client.call('cases.respond', { case: late, text: 'Lo miramos', at: iso(2.5) }));
    applied(await client.call('cases.addMessages', { case: late, externalIds: ['a2'] }));
    for (let i = 0; i < 3; i++) applied(await client.call('sla.refresh', {}));

    const db = new Database(path, { readonly: true });
    const misses = db.prepare('SELECT case_id AS c, target FROM sla_misses ORDER BY case_id, at').all();
    expect(misses).toEqual([
      { c: late, target: 'first_response' },
      { c: late, target: 'next_response' },
    ]);
    const states = db.prepare('SELECT id, sla_state AS state, waiting_since AS waiting FROM cases ORDER BY id').all();
    expect(states).toEqual([
      { id: late, state: 'active_with_misses', waiting: Date.parse(iso(2)) },
      { id: onTime, state: 'active', waiting: Date.parse(iso(1)) },
    ]);
    db.close();

    // The period runs from the oldest case's day, which is yesterday when the test runs just after midnight.
    const period = { from: iso(6).slice(0, 10), to: iso(0).slice(0, 10) };
    const report = await client.call('kpis.get', period);
    expect(report.care).toMatchObject({ requested: 2, slaBreaches: 1, slaHitRate: null, cannedShare: 0 });
    // Resolved, the late case's SLA is settled as missed; the hit rate counts it.
    applied(await client.call('cases.update', { case: late, status: 'resolved' }));
    const after = await client.call('kpis.get', period);
    expect(after.care).toMatchObject({ slaBreaches: 1, slaHitRate: 0 });
    expect(after.care.byTeam).toEqual({});
  });

  it('lists loose complaints in the queue, and routes a case opened by hand to the least loaded member', async () => {
    const { client } = await careBackend();
    applied(await client.call('teams.set', { department: 'Facturación', members: ['rosa', 'pablo'] }));
    applied(
      await client.call('routing.add', {
        name: 'Facturas',
        when: 'factura cobro',
        department: 'Facturación',
        assign: 'least_loaded',
      }),
    );
    const preview = await client.call('routing.preview', { when: 'factura' });
    expect(preview).toEqual({ open: 0, matches: 0, cases: [] });
    const queue = await client.call('cases.queue', {});
    // Four loose messages, oldest first; none is a case yet.
    expect(queue.items.map((item) => item.case)).toEqual([null, null, null, null]);
    expect(queue.counts).toMatchObject({ total: 4, cases: 0, messages: 4, waiting: 4 });
    const opened = applied(await client.call('cases.open', { externalIds: ['b1'] })).case;
    const detail = await client.call('cases.get', { case: opened });
    expect(detail).toMatchObject({ department: 'Facturación', assignee: 'pablo', status: 'new' });
    const next = await client.call('cases.queue', { department: 'Facturación' });
    expect(next.items).toEqual([expect.objectContaining({ case: opened, assignee: 'pablo', author: '@bea' })]);
    expect(next.counts).toMatchObject({ total: 1, cases: 1, messages: 0 });
  });

  it('routes the cases an import brings and holds them to their SLA', async () => {
    const { client, path, iso } = await careBackend();
    applied(
      await client.call('routing.add', { name: 'Red', when: 'source:twitter', department: 'Red', assign: 'fixed' }),
    );
    applied(
      await client.call('sla.add', { name: 'Todo', firstResponseMinutes: 30, resolutionMinutes: 600, holidays: [] }),
    );
    const file = writeEncoded(
      join(tempFolder(), 'cases.csv'),
      [
        'id,fecha,usuario,red,texto,tipo de caso,apertura',
        `d1,${iso(3)},@dani,twitter,Sin red en casa,avería,${iso(3)}`,
      ].join('\n'),
      'utf8',
    );
    expect((await client.runJob('import.start', { path: file })).state).toBe('finished');
    const db = new Database(path, { readonly: true });
    const imported = db
      .prepare(
        'SELECT type, department, sla_state AS state, waiting_since AS waiting, batch_id IS NOT NULL AS fromFile FROM cases',
      )
      .all();
    expect(imported).toEqual([
      { type: 'avería', department: 'Red', state: 'active_with_misses', waiting: Date.parse(iso(3)), fromFile: 1 },
    ]);
    expect(db.prepare("SELECT action, value FROM case_events WHERE action = 'routed'").all()).toEqual([
      { action: 'routed', value: 'Red' },
    ]);
    db.close();
  });

  it('joins a customer’s follow-up from a later import to their case, and reopens it when it was resolved', async () => {
    const { client, path, iso } = await careBackend();
    const id = applied(await client.call('cases.open', { externalIds: ['a1'], at: iso(5) })).case;
    applied(await client.call('cases.respond', { case: id, text: 'Arreglado', at: iso(4) }));
    applied(await client.call('cases.update', { case: id, status: 'resolved', at: iso(3.5) }));
    const file = writeEncoded(
      join(tempFolder(), 'later.csv'),
      [
        'id,fecha,usuario,red,texto,reply to',
        `a9,${iso(0.5)},@ana,twitter,Vuelve a fallar,a1`,
        `x9,${iso(0.4)},@otra,twitter,A mí también,a1`,
      ].join('\n'),
      'utf8',
    );
    expect((await client.runJob('import.start', { path: file })).state).toBe('finished');
    const detail = await client.call('cases.get', { case: id });
    expect(detail.status).toBe('attended');
    expect(detail.thread.filter((entry) => entry.kind === 'message').map((entry) => entry.text)).toEqual([
      'Sin línea desde esta mañana',
      'Vuelve a fallar',
    ]);
    const db = new Database(path, { readonly: true });
    expect(db.prepare('SELECT waiting_since FROM cases WHERE id = ?').pluck().get(id)).toBe(Date.parse(iso(0.5)));
    db.close();
  });
});
