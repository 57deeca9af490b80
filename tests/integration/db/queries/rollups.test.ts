import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  kpiAuthorAggregates,
  kpiPeriodAggregates,
  kpiSummaryAggregates,
  kpiTopicAggregates,
} from '../../../../db/queries/kpis';
import { rebuildRollups, rollupRows, rollupZone } from '../../../../db/queries/rollups';
import { influenceParts } from '../../../../shared/domain/kpis';
import type { DemographicRow } from '../../../../shared/domain/kpi-report';
import { dayStart } from '../../../../shared/domain/time';
import { demoBackend } from '../../../helpers/workspace';

const MADRID = 'Europe/Madrid';

async function finished(job: Promise<{ state: string; message?: string | undefined }>): Promise<void> {
  const last = await job;
  if (last.state !== 'finished') throw new Error(`job ${last.state}: ${last.message}`);
}

/** Rows in a stable order, so two ways of aggregating compare equal whatever order SQL returned. */
const sorted = <T>(rows: readonly T[]): T[] =>
  [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

/** Demographic rows folded to dimension → value → temperature → messages (the roll-up keeps each dimension apart). */
function byDimension(rows: readonly DemographicRow[]): Record<string, number> {
  const folded: Record<string, number> = {};
  for (const row of rows) {
    for (const dimension of ['ageBand', 'sex', 'region'] as const) {
      const value = row[dimension];
      if (value === null) continue;
      const key = `${dimension}|${value}|${row.temperature}`;
      folded[key] = (folded[key] ?? 0) + row.n;
    }
  }
  return folded;
}

/** The narrowings analysts make: an entity, a topic, a network, a network and an entity, and wider ones. */
const NARROWINGS = [
  { entities: [1] },
  { topics: [1] },
  { sources: ['twitter' as const] },
  { sources: ['twitter' as const], entities: [1] },
  { entities: [2, 3] },
  { entities: [1], topics: [2, 3] },
];

type Filter = Parameters<typeof kpiSummaryAggregates>[1];

/** Every aggregate of a period: from the roll-ups and match sets, or (`fast` false) from the messages and matches. */
function readAggregates(
  db: Database.Database,
  filter: Filter,
  range: { start: number; end: number },
  fast: boolean,
  zone = MADRID,
) {
  const options = { rollups: fast };
  return {
    summary: kpiSummaryAggregates(db, filter, zone, range, options),
    topics: kpiTopicAggregates(db, filter, zone, range, options),
    period: kpiPeriodAggregates(db, filter, zone, range, options),
    authors: kpiAuthorAggregates(db, filter, zone, range, options),
  };
}

describe('KPI roll-ups', () => {
  it('stay equal to a recount through labels, undo, imports, undoing them, rule changes, deletes and a zone change', async () => {
    const { client, path } = await demoBackend(1500);
    await client.call('settings.update', { timeZone: MADRID });
    const db = new Database(path);
    let zone = MADRID;
    const unchangedByRecount = (step: string) => {
      const kept = rollupRows(db);
      expect(
        Object.values(kept).every((rows) => rows.length > 0),
        step,
      ).toBe(true);
      // Narrowed, the KPIs from the roll-ups and match sets are the messages' own.
      for (const scope of NARROWINGS) {
        const filter = { from: '2025-10-01', to: '2026-09-30', ...scope };
        const range = { start: dayStart(filter.from, zone), end: dayStart(filter.to, zone, 1) };
        const [fast, plain] = [
          readAggregates(db, filter, range, true, zone),
          readAggregates(db, filter, range, false, zone),
        ];
        expect(sorted(fast.summary.daily), `${step} ${JSON.stringify(scope)}`).toEqual(sorted(plain.summary.daily));
        expect(sorted(fast.topics.topicEntityCounts), step).toEqual(sorted(plain.topics.topicEntityCounts));
        expect(byDimension(fast.period.demographics), step).toEqual(byDimension(plain.period.demographics));
        expect(fast.authors.users, step).toEqual(plain.authors.users);
      }
      rebuildRollups(db, zone);
      expect(rollupRows(db), step).toEqual(kept);
    };
    unchangedByRecount('demo');
    const ids = db.prepare('SELECT id FROM messages ORDER BY id LIMIT 300').pluck().all() as number[];
    await client.call('labels.set', { ids: ids.slice(0, 120), temperature: -2 });
    unchangedByRecount('label');
    await client.call('labels.set', { ids: ids.slice(60, 200), temperature: null });
    unchangedByRecount('unlabel');
    await client.call('labels.undo', {});
    unchangedByRecount('undo');
    // 500 messages and more are taken away and added back in one statement per roll-up.
    const many = db.prepare('SELECT id FROM messages ORDER BY id LIMIT 900').pluck().all() as number[];
    await client.call('labels.set', { ids: many, temperature: 2 });
    unchangedByRecount('label many');
    await client.call('labels.undo', {});
    unchangedByRecount('undo many');
    await client.call('labels.redo', {});
    unchangedByRecount('redo many');
    expect(
      db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'rollup_%'").pluck().get(),
    ).toBe(10);
    expect(
      db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'match_set_%'").pluck().get(),
    ).toBe(4);

    // An import is counted in memory as it is written: a known author keeps the demographics stored
    // (not the file's), a file's entity that a rule also finds counts once, days turn at local midnight
    // around both DST changes.
    const known = db
      .prepare(
        'SELECT handle, s.code AS source FROM authors a JOIN sources s ON s.id = a.source_id WHERE region IS NOT NULL AND EXISTS (SELECT 1 FROM messages WHERE author_id = a.id) LIMIT 1',
      )
      .get() as { handle: string; source: string };
    const file = join(dirname(path), 'more.csv');
    writeFileSync(
      file,
      [
        'Fecha;Usuario;Red social;Texto;Sentimiento;Me gusta;Región;Edad;Marca;Tema',
        '2026-05-04T10:00:00Z;@nueva;twitter;Fatal la cobertura de Movistar;muy enfadado;12;Murcia;25-34;;',
        '2026-05-05T11:00:00Z;@nueva;twitter;Sigue sin cobertura;enfadado;3;Cádiz;;;Cobertura',
        '2026-05-06T12:00:00Z;@otra;facebook;Gracias por la tienda;contento;;;;;',
        `2026-03-28T23:30:00Z;${known.handle};${known.source};Lumen Móvil me cobra de más en la factura;enfadado;4;Otra región;65+;Lumen Móvil;Facturación`,
        '2026-03-28T22:59:00Z;@tarde;twitter;Lumen Móvil sin señal;;1;Murcia;;Lumen Móvil;',
        '2026-10-24T22:30:00Z;@tarde;twitter;La factura de Lumen llega tarde;neutral;;;;;',
        '2026-10-24T21:59:00Z;@tarde;twitter;Lumen Móvil otra vez;neutral;2;;;;',
      ].join('\n'),
    );
    await finished(client.runJob('import.start', { path: file }));
    unchangedByRecount('import');
    const [batch] = await client.call('import.batches', {});
    await client.call('import.undo', { batch: batch?.id as number });
    unchangedByRecount('undo import');
    await finished(client.runJob('topics.save', { name: 'Cobertura', keywords: ['cobertura', 'coverage', 'señal'] }));
    unchangedByRecount('rematch');

    db.prepare(
      "UPDATE authors SET region = 'Murcia', age_band = NULL WHERE id IN (SELECT author_id FROM messages ORDER BY id LIMIT 40)",
    ).run();
    unchangedByRecount('author demographics');
    db.prepare(
      'UPDATE messages SET likes = coalesce(likes, 0) + 7, posted_at = posted_at + 86400000 WHERE id IN (SELECT id FROM messages ORDER BY id DESC LIMIT 30)',
    ).run();
    unchangedByRecount('engagement and time');
    db.prepare('DELETE FROM messages WHERE id IN (SELECT id FROM messages ORDER BY id LIMIT 25)').run();
    unchangedByRecount('messages deleted');
    db.prepare('DELETE FROM entities WHERE id = (SELECT min(id) FROM entities)').run();
    unchangedByRecount('entity deleted');

    await client.call('settings.update', { timeZone: 'America/New_York' });
    zone = 'America/New_York';
    expect(rollupZone(db)).toBe(zone);
    unchangedByRecount('zone');
    db.close();
  });

  it('give the same KPIs as reading the messages, for periods, sources and a DST change', async () => {
    const { client, path } = await demoBackend(3000);
    await client.call('settings.update', { timeZone: MADRID });
    const db = new Database(path);
    const filters = [
      { from: '2026-04-01', to: '2026-06-30' },
      { from: '2026-04-01', to: '2026-06-30', sources: ['twitter' as const] },
      { from: '2026-03-28', to: '2026-03-30' },
      { from: '2025-10-20', to: '2026-10-31' },
      { from: '2020-01-01', to: '2020-01-31' },
      ...NARROWINGS.map((scope) => ({ from: '2026-04-01', to: '2026-06-30', ...scope })),
    ];
    for (const filter of filters) {
      const range = { start: dayStart(filter.from, MADRID), end: dayStart(filter.to, MADRID, 1) };
      const [a, b] = [readAggregates(db, filter, range, true), readAggregates(db, filter, range, false)];
      const step = JSON.stringify(filter);
      expect(sorted(a.summary.daily), step).toEqual(sorted(b.summary.daily));
      expect(sorted(a.summary.entityDaily), step).toEqual(sorted(b.summary.entityDaily));
      expect(sorted(a.topics.topicCounts), step).toEqual(sorted(b.topics.topicCounts));
      expect(sorted(a.topics.topicEntityCounts), step).toEqual(sorted(b.topics.topicEntityCounts));
      expect(byDimension(a.period.demographics), step).toEqual(byDimension(b.period.demographics));
      expect(sorted(a.period.entityAdvocates), step).toEqual(sorted(b.period.entityAdvocates));
      expect(a.authors, step).toEqual(b.authors);
      if (filter.from !== '2020-01-01') expect(a.summary.daily.length, step).toBeGreaterThan(0);
    }
    // The answer above came from the roll-ups: emptied, they answer nothing.
    db.prepare('DELETE FROM kpi_days').run();
    const quarter = filters[0] as { from: string; to: string };
    expect(
      kpiSummaryAggregates(db, quarter, MADRID, {
        start: dayStart(quarter.from, MADRID),
        end: dayStart(quarter.to, MADRID, 1),
      }).daily,
    ).toEqual([]);
    db.close();
  });

  it('rank influencers exactly, an author lifted by replies received included', async () => {
    const { client, path } = await demoBackend(3000);
    await client.call('settings.update', { timeZone: MADRID });
    const quarter = { from: '2026-04-01', to: '2026-06-30' };
    const [start, end] = [dayStart(quarter.from, MADRID), dayStart(quarter.to, MADRID, 1)];
    const bruteForce = () => {
      const db = new Database(path, { readonly: true });
      const rows = db
        .prepare(
          `SELECT m.author_id AS author, a.followers, coalesce(m.likes, 0) + coalesce(m.shares, 0) + coalesce(m.replies, 0) AS engagement, m.temperature,
                (SELECT p.author_id FROM messages p WHERE p.source_id = m.source_id AND p.external_id = m.reply_to_external_id) AS repliedTo
         FROM messages m JOIN authors a ON a.id = m.author_id WHERE m.posted_at >= ? AND m.posted_at < ?`,
        )
        .all(start, end) as {
        author: number;
        followers: number | null;
        engagement: number;
        temperature: number | null;
        repliedTo: number | null;
      }[];
      db.close();
      const authors = new Map<
        number,
        { followers: number | null; engagement: number; replies: number; temperatures: number[] }
      >();
      const of = (id: number, followers: number | null) =>
        authors.get(id) ?? authors.set(id, { followers, engagement: 0, replies: 0, temperatures: [] }).get(id)!;
      for (const row of rows) {
        const author = of(row.author, row.followers);
        author.engagement += row.engagement;
        if (row.temperature !== null) author.temperatures.push(row.temperature);
      }
      for (const row of rows)
        if (row.repliedTo !== null && authors.has(row.repliedTo)) of(row.repliedTo, null).replies++;
      const ranked = [...authors]
        .map(([id, a]) => ({ id, score: influenceParts(a.followers, a.engagement, a.replies).score, a }))
        .sort((x, y) => y.score - x.score || x.id - y.id);
      return {
        top: ranked.slice(0, 10).map((r) => r.id),
        fifteenth: ranked[14] as (typeof ranked)[number],
        detractors: ranked
          .filter((r) => r.a.temperatures.length >= 2 && r.a.temperatures.every((t) => t <= -1))
          .slice(0, 10)
          .map((r) => r.id),
      };
    };
    // Some detractors: every message in the quarter of a few authors with several, labeled −2.
    const seed = new Database(path, { readonly: true });
    const angry = seed
      .prepare(
        `SELECT id FROM messages WHERE posted_at >= ? AND posted_at < ? AND author_id IN (
         SELECT author_id FROM messages WHERE posted_at >= ? AND posted_at < ? GROUP BY 1 HAVING count(*) >= 2 ORDER BY author_id LIMIT 12)`,
      )
      .pluck()
      .all(start, end, start, end) as number[];
    seed.close();
    await client.call('labels.set', { ids: angry, temperature: -2 });
    // Both ways: all the period's authors scored (the app, with this few), and the walk down the bounds.
    const walked = (list: 'influencer' | 'detractor') => {
      const db = new Database(path, { readonly: true });
      const { influence } = kpiAuthorAggregates(db, quarter, MADRID, { start, end }, { scoreAllUpTo: 0 });
      db.close();
      return influence.filter((row) => row.list === list).map((row) => row.authorId);
    };
    const before = bruteForce();
    let report = await client.call('kpis.get', quarter);
    expect(report.influence.top.map((a) => a.authorId)).toEqual(before.top);
    expect(report.influence.detractors.map((a) => a.authorId)).toEqual(before.detractors);
    expect(walked('influencer')).toEqual(before.top);
    expect(walked('detractor')).toEqual(before.detractors);
    expect(before.detractors.length).toBe(10);

    // 300 replies in the quarter to the fifteenth author's message lift them into the top ten,
    // though their followers and engagement alone rank them below it.
    const db = new Database(path, { readonly: true });
    const parent = db
      .prepare(
        'SELECT m.external_id AS id, s.code AS source FROM messages m JOIN sources s ON s.id = m.source_id WHERE m.author_id = ? LIMIT 1',
      )
      .get(before.fifteenth.id) as { id: string; source: string };
    db.close();
    const file = join(dirname(path), 'replies.csv');
    writeFileSync(
      file,
      [
        'id;reply to;fecha;usuario;red social;texto',
        ...Array.from(
          { length: 300 },
          (_, i) =>
            `r-${i};${parent.id};2026-05-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00Z;@fan${i};${parent.source};Totalmente de acuerdo ${i}`,
        ),
      ].join('\n'),
    );
    await finished(client.runJob('import.start', { path: file }));
    const after = bruteForce();
    expect(after.top).toContain(before.fifteenth.id);
    report = await client.call('kpis.get', quarter);
    expect(report.influence.top.map((a) => a.authorId)).toEqual(after.top);
    expect(walked('influencer')).toEqual(after.top);
    const lifted = report.influence.top.find((a) => a.authorId === before.fifteenth.id);
    expect(lifted?.repliesReceived).toBe(300);
  });
});
