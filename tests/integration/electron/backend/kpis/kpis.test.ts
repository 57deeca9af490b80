import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { influenceParts } from '../../../../../shared/domain/kpis';
import { localDate, wallTimeToUtc } from '../../../../../shared/domain/time';
import { demoBackend } from '../../../../helpers/workspace';

interface Row {
  id: number;
  author: number;
  postedAt: number;
  temperature: number | null;
  engagement: number;
  entities: number[];
  topics: number[];
}

/** The reference: the same KPIs computed in plain JavaScript from every row, no SQL aggregation. */
function reference(path: string, from: string, to: string, timeZone: string) {
  const db = new Database(path, { readonly: true });
  const day = (d: string, plus = 0) => {
    const [y, m, dd] = d.split('-').map(Number) as [number, number, number];
    return wallTimeToUtc({ year: y, month: m, day: dd + plus }, timeZone);
  };
  const [start, end] = [day(from), day(to, 1)];
  const rows = (
    db
      .prepare(
        'SELECT id, author_id AS author, posted_at AS postedAt, temperature, coalesce(likes, 0) + coalesce(shares, 0) + coalesce(replies, 0) AS engagement FROM messages',
      )
      .all() as Omit<Row, 'entities' | 'topics'>[]
  )
    .filter((r) => r.postedAt >= start && r.postedAt < end)
    .map((r) => ({
      ...r,
      entities: db.prepare('SELECT entity_id FROM message_entities WHERE message_id = ?').pluck().all(r.id) as number[],
      topics: db.prepare('SELECT topic_id FROM message_topics WHERE message_id = ?').pluck().all(r.id) as number[],
    })) as Row[];
  const entities = db.prepare('SELECT id, name FROM entities ORDER BY id').all() as { id: number; name: string }[];
  const topics = db.prepare('SELECT id, name FROM topics ORDER BY id').all() as { id: number; name: string }[];
  const followers = new Map(
    (db.prepare('SELECT id, followers FROM authors').all() as { id: number; followers: number | null }[]).map((a) => [
      a.id,
      a.followers,
    ]),
  );
  const cases = (
    db.prepare('SELECT opened_at AS o, first_response_at AS f, resolved_at AS r FROM cases').all() as {
      o: number;
      f: number | null;
      r: number | null;
    }[]
  ).filter((c) => c.o >= start && c.o < end);
  db.close();

  const labeled = rows.filter((r) => r.temperature !== null);
  const net = (list: Row[]) => {
    const l = list.filter((r) => r.temperature !== null);
    return l.length === 0
      ? null
      : (l.filter((r) => (r.temperature as number) > 0).length -
          l.filter((r) => (r.temperature as number) < 0).length) /
          l.length;
  };
  const mentions = new Map(entities.map((e) => [e.id, rows.filter((r) => r.entities.includes(e.id))]));
  const allMentions = [...mentions.values()].reduce((sum, list) => sum + list.length, 0);
  const byAuthor = new Map<number, Row[]>();
  for (const r of [...labeled].sort(
    (a, b) => a.postedAt - b.postedAt || (a.temperature as number) - (b.temperature as number),
  ))
    byAuthor.set(r.author, [...(byAuthor.get(r.author) ?? []), r]);
  const flows = [...byAuthor.values()].map((list) => [
    list[0]?.temperature as number,
    list[list.length - 1]?.temperature as number,
  ]);
  const advocates = (entityId: number, test: (t: number) => boolean) => {
    const perAuthor = new Map<number, number[]>();
    for (const r of labeled.filter((x) => x.entities.includes(entityId)))
      perAuthor.set(r.author, [...(perAuthor.get(r.author) ?? []), r.temperature as number]);
    return [...perAuthor.values()].filter((ts) => ts.length >= 2 && ts.every(test)).length;
  };
  const perDay = new Map<string, number>();
  for (const r of rows)
    perDay.set(localDate(r.postedAt, timeZone), (perDay.get(localDate(r.postedAt, timeZone)) ?? 0) + 1);
  const authors = new Map<number, { engagement: number; messages: number }>();
  for (const r of rows) {
    const a = authors.get(r.author) ?? { engagement: 0, messages: 0 };
    authors.set(r.author, { engagement: a.engagement + r.engagement, messages: a.messages + 1 });
  }
  const influencers = [...authors]
    .map(([id, a]) => ({ id, score: influenceParts(followers.get(id) ?? null, a.engagement, 0).score }))
    .sort((a, b) => b.score - a.score || a.id - b.id)
    .slice(0, 10)
    .map((a) => a.id);
  return {
    perDay,
    influencers,
    totals: { messages: rows.length, labeled: labeled.length, unlabeled: rows.length - labeled.length },
    netTemperature: net(rows),
    entities: entities.map((e) => ({
      name: e.name,
      mentions: (mentions.get(e.id) as Row[]).length,
      shareOfVoice: allMentions === 0 ? null : (mentions.get(e.id) as Row[]).length / allMentions,
      netTemperature: net(mentions.get(e.id) as Row[]),
      evangelists: advocates(e.id, (t) => t >= 1),
      detractors: advocates(e.id, (t) => t <= -1),
    })),
    topics: topics.map((t) => {
      const inTopic = rows.filter((r) => r.topics.includes(t.id));
      return {
        name: t.name,
        mentions: inTopic.length,
        shareOfConversation: Object.fromEntries(
          entities.map((e) => [
            e.name,
            inTopic.length === 0 ? null : inTopic.filter((r) => r.entities.includes(e.id)).length / inTopic.length,
          ]),
        ),
      };
    }),
    users: {
      happy: flows.filter(([, last]) => (last as number) > 0).length,
      unhappy: flows.filter(([, last]) => (last as number) < 0).length,
      unhappyToHappy: flows.filter(([first, last]) => (first as number) < 0 && (last as number) > 0).length,
      happyToUnhappy: flows.filter(([first, last]) => (first as number) > 0 && (last as number) < 0).length,
    },
    care: {
      requested: cases.length,
      attended: cases.filter((c) => c.f !== null).length,
      resolved: cases.filter((c) => c.r !== null).length,
    },
  };
}

describe('KPIs: SQL aggregation equals a plain in-memory computation', () => {
  it('for a quarter, a period across the DST change, and an empty period', async () => {
    const { client, path } = await demoBackend(4000);
    await client.call('settings.update', { timeZone: 'Europe/Madrid' });
    for (const [from, to] of [
      ['2026-04-01', '2026-06-30'],
      ['2026-03-28', '2026-03-30'],
      ['2020-01-01', '2020-03-31'],
    ] as const) {
      const report = await client.call('kpis.get', { from, to });
      const expected = reference(path, from, to, 'Europe/Madrid');
      expect(report.totals).toEqual(expected.totals);
      expect(report.netTemperature).toEqual(
        expected.netTemperature === null ? null : expect.closeTo(expected.netTemperature, 12),
      );
      for (const [i, entity] of expected.entities.entries()) {
        const actual = report.entities[i];
        expect(actual).toMatchObject({
          name: entity.name,
          mentions: entity.mentions,
          evangelists: entity.evangelists,
          detractors: entity.detractors,
        });
        expect([actual?.shareOfVoice, actual?.netTemperature]).toEqual(
          [entity.shareOfVoice, entity.netTemperature].map((v) => (v === null ? null : expect.closeTo(v, 12))),
        );
      }
      expect(report.topics.map((t) => [t.name, t.mentions])).toEqual(expected.topics.map((t) => [t.name, t.mentions]));
      for (const [i, topic] of expected.topics.entries()) {
        for (const [name, value] of Object.entries(topic.shareOfConversation)) {
          expect(report.topics[i]?.shareOfConversation[name]).toEqual(
            value === null ? null : expect.closeTo(value, 12),
          );
        }
      }
      expect(report.users).toMatchObject(expected.users);
      expect(report.care).toMatchObject(expected.care);
      // Daily volume in the workspace's zone, every day of the period present, across the DST change too.
      expect(report.volume.granularity).toBe(from === '2026-03-28' ? 'day' : 'week');
      expect(report.volume.buckets.reduce((sum, b) => sum + b.messages, 0)).toBe(expected.totals.messages);
      if (from === '2026-03-28') {
        expect(report.volume.buckets.map((b) => b.start)).toEqual(['2026-03-28', '2026-03-29', '2026-03-30']);
        expect(report.volume.buckets.map((b) => b.messages)).toEqual(
          report.volume.buckets.map((b) => expected.perDay.get(b.start) ?? 0),
        );
      }
      expect(report.influence.top.map((a) => a.authorId)).toEqual(expected.influencers);
      if (from === '2020-01-01') {
        expect(report.totals.messages).toBe(0);
        expect(report.entities.every((e) => e.shareOfVoice === null && e.netTemperature === null)).toBe(true);
        expect(report.care.firstResponseMinutes).toEqual({ median: null, p90: null });
      }
    }
  });

  it('counts a message naming two entities for each, and compares with the previous period and a year before', async () => {
    const { client, path } = await demoBackend(3000);
    const db = new Database(path, { readonly: true });
    const multi = db
      .prepare('SELECT count(*) FROM (SELECT message_id FROM message_entities GROUP BY 1 HAVING count(*) > 1)')
      .pluck()
      .get() as number;
    db.close();
    expect(multi).toBeGreaterThan(0);
    const report = await client.call('kpis.get', { from: '2026-01-01', to: '2026-09-30' });
    const totalMentions = report.entities.reduce((sum, e) => sum + e.mentions, 0);
    expect(totalMentions).toBeGreaterThan(report.totals.messages - report.entities.length);
    expect(report.entities.reduce((sum, e) => sum + (e.shareOfVoice ?? 0), 0)).toBeCloseTo(1, 12);
    expect(report.previousPeriod.period).toEqual({
      from: '2025-04-01',
      to: '2025-12-31',
      timeZone: expect.any(String),
    });
    expect(report.yearBefore.period).toMatchObject({ from: '2025-01-01', to: '2025-09-30' });
    expect(report.yearBefore.totals.messages).toBe(0);
    expect(JSON.stringify(report)).not.toMatch(/NaN|Infinity/);
  });
});
