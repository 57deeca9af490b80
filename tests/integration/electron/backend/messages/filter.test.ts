import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SORT_COLUMNS, type MessageFilter, type MessageSort } from '../../../../../shared/api/messages';
import { foldText } from '../../../../../shared/domain/matching';
import { wallTimeToUtc } from '../../../../../shared/domain/time';
import { demoBackend } from '../../../../helpers/workspace';

interface Plain {
  id: number;
  posted_at: number;
  source: string;
  temperature: number | null;
  kind: string | null;
  text: string;
  entities: string;
  cases: number;
}

describe('message filters in SQL agree with a plain computation over the same workspace', () => {
  it('for periods (in the workspace zone), sources, labels, entities, cases and text search', async () => {
    const { client, path } = await demoBackend(2000);
    await client.call('settings.update', { timeZone: 'Europe/Madrid' });
    const db = new Database(path, { readonly: true });
    const all = db
      .prepare(
        `SELECT m.id, m.posted_at, s.code AS source, m.temperature, m.kind, m.text,
              coalesce((SELECT group_concat(entity_id) FROM message_entities e WHERE e.message_id = m.id), '') AS entities,
              (SELECT count(*) FROM case_messages c WHERE c.message_id = m.id) AS cases
       FROM messages m JOIN sources s ON s.id = m.source_id`,
      )
      .all() as Plain[];
    db.close();
    const madrid = (day: string) => {
      const [year, month, date] = day.split('-').map(Number) as [number, number, number];
      return wallTimeToUtc({ year, month, day: date }, 'Europe/Madrid');
    };
    const cases: [MessageFilter, (m: Plain) => boolean][] = [
      [
        { from: '2026-03-29', to: '2026-03-29' },
        (m) => m.posted_at >= madrid('2026-03-29') && m.posted_at < madrid('2026-03-30'),
      ],
      [{ sources: ['twitter', 'forum'] }, (m) => m.source === 'twitter' || m.source === 'forum'],
      [{ temperatures: ['unlabeled', 2] }, (m) => m.temperature === null || m.temperature === 2],
      [{ kinds: ['none'] }, (m) => m.kind === null],
      [{ entities: [1], hasCase: true }, (m) => m.entities.split(',').includes('1') && m.cases > 0],
      // Within a year the matches are looked up per message, not listed: the same messages.
      [
        { entities: [1, 2], from: '2026-01-01', to: '2026-06-30' },
        (m) =>
          (m.entities.split(',').includes('1') || m.entities.split(',').includes('2')) &&
          m.posted_at >= madrid('2026-01-01') &&
          m.posted_at < madrid('2026-07-01'),
      ],
      [{ hasCase: false, kinds: ['complaint'] }, (m) => m.cases === 0 && m.kind === 'complaint'],
      [{ search: 'atencion' }, (m) => /\batencion\b/.test(foldText(m.text))],
      [{ search: 'factur*' }, (m) => /\bfactur/.test(foldText(m.text))],
    ];
    for (const [filter, keep] of cases) {
      const expected = all.filter(keep);
      expect(expected.length, JSON.stringify(filter)).toBeGreaterThan(0);
      const page = await client.call('messages.page', { offset: 0, limit: 1000, filter });
      const counts = await client.call('messages.count', { filter });
      expect(counts.total, JSON.stringify(filter)).toBe(expected.length);
      expect(counts.unlabeled, JSON.stringify(filter)).toBe(
        expected.filter((m) => m.temperature === null && m.kind === null).length,
      );
      expect(counts.all).toBe(2000);
      expect(new Set(page.rows.map((row) => row.id))).toEqual(
        new Set(
          expected.slice(0, 1000).length === expected.length
            ? expected.map((m) => m.id)
            : page.rows.map((row) => row.id),
        ),
      );
    }
  });

  it("sorts by every column both ways, page after page and as a selection's ids, as a plain sort does (NULLs first ascending), with a filter too", async () => {
    const { client, path } = await demoBackend(700);
    await client.call('labels.set', { ids: [3, 5, 8], kind: 'spam' });
    const db = new Database(path, { readonly: true });
    type Row = {
      id: number;
      posted_at: number;
      source: string;
      source_id: number;
      handle: string;
      author_id: number;
      temperature: number | null;
      kind: string | null;
      annotator: string | null;
      labeled_at: number | null;
    };
    const rows = db
      .prepare(
        `SELECT m.id, m.posted_at, s.code AS source, m.source_id, a.handle, m.author_id, m.temperature, m.kind, m.annotator, m.labeled_at
       FROM messages m JOIN sources s ON s.id = m.source_id JOIN authors a ON a.id = m.author_id`,
      )
      .all() as Row[];
    db.close();
    const keys: Record<MessageSort['column'], (r: Row) => (string | number | null)[]> = {
      postedAt: (r) => [r.posted_at, r.id],
      temperature: (r) => [r.temperature, r.posted_at, r.id],
      kind: (r) => [r.kind, r.posted_at, r.id],
      annotator: (r) => [r.annotator, r.posted_at, r.id],
      labeledAt: (r) => [r.labeled_at, r.id],
      author: (r) => [r.handle, r.source_id, r.author_id, r.posted_at, r.id],
      source: (r) => [r.source, r.posted_at, r.id],
    };
    const compare = (a: (string | number | null)[], b: (string | number | null)[]): number => {
      for (let i = 0; i < a.length; i++) {
        const [x, y] = [a[i] ?? null, b[i] ?? null];
        if (x === y) continue;
        if (x === null) return -1;
        if (y === null) return 1;
        return x < y ? -1 : 1;
      }
      return 0;
    };
    for (const filter of [{}, { sources: ['twitter', 'forum'] }] as MessageFilter[]) {
      const kept = rows.filter((r) => !filter.sources || filter.sources.includes(r.source as 'twitter'));
      for (const column of SORT_COLUMNS) {
        for (const direction of ['asc', 'desc'] as const) {
          const expected = [...kept]
            .sort((a, b) => compare(keys[column](a), keys[column](b)) * (direction === 'asc' ? 1 : -1))
            .map((r) => r.id);
          const got: number[] = [];
          for (let offset = 0; offset < kept.length; offset += 150) {
            got.push(
              ...(
                await client.call('messages.page', { offset, limit: 150, filter, sort: { column, direction } })
              ).rows.map((r) => r.id),
            );
          }
          expect(got, `${column} ${direction} ${JSON.stringify(filter)}`).toEqual(expected);
          // A selection's ids past the pages the grid read: the same messages, in the same order.
          const ids = await client.call('messages.ids', {
            offset: 37,
            limit: 400,
            filter,
            sort: { column, direction },
          });
          expect(ids, `ids ${column} ${direction}`).toEqual(expected.slice(37, 437));
        }
      }
    }
  });
});

describe('a message in detail', () => {
  it("has its thread, its author's other messages and its label history", async () => {
    const { resolve } = await import('node:path');
    const { testBackend } = await import('../../../../helpers/workspace');
    const { client } = testBackend();
    const imported = await client.runJob('import.start', {
      path: resolve('../shared/datasets/customer-support/sample.csv'),
      preset: 'customer-support-tweets',
    });
    expect(imported.state).toBe('finished');
    const page = await client.call('messages.page', {
      offset: 0,
      limit: 100,
      filter: { search: '"Your business means a lot to us"' },
    });
    const reply = page.rows[0];
    expect(reply?.authorHandle).toBe('ChaseSupport');
    await client.call('labels.set', { ids: [reply?.id as number], kind: 'chat' });
    const detail = await client.call('messages.detail', { id: reply?.id as number });
    expect(detail.parent?.text).toBeTruthy();
    expect(detail.byAuthor.every((row) => row.authorHandle === 'ChaseSupport' && row.id !== reply?.id)).toBe(true);
    expect(detail.history.map((h) => h.kind)).toEqual(['chat']);
    const parentDetail = await client.call('messages.detail', { id: detail.parent?.id as number });
    expect(parentDetail.replies.map((row) => row.id)).toContain(reply?.id);
    await expect(client.call('messages.detail', { id: 999_999 })).rejects.toThrow(/No message 999999/);
  });
});
