import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '../../../../helpers/files';
import { demoBackend, testBackend } from '../../../../helpers/workspace';
import { runCli } from '../../../../helpers/cli';
import { rebuildRollups, rollupRows } from '../../../../../db/queries/rollups';

function matches(path: string, table: 'message_entities' | 'message_topics'): string[] {
  const db = new Database(path, { readonly: true });
  try {
    const column = table === 'message_entities' ? 'entity_id' : 'topic_id';
    return db
      .prepare(
        `SELECT m.external_id || ':' || x.${column} || ':' || x.origin AS k FROM ${table} x JOIN messages m ON m.id = x.message_id ORDER BY 1`,
      )
      .pluck()
      .all() as string[];
  } finally {
    db.close();
  }
}

describe('entity and topic rules', () => {
  it('rematches the whole workspace when rules change, keeping matches a file gave', async () => {
    const opened = testBackend();
    const file = join(tempFolder(), 'm.jsonl');
    writeFileSync(
      file,
      [
        { id: 'a', date: '2026-05-01T10:00:00Z', text: 'Nube Telecom me cobra de más', brand: 'Onda' },
        { id: 'b', date: '2026-05-01T11:00:00Z', text: 'hola @NubeTel, ¿y la fibra óptica?' },
        { id: 'c', date: '2026-05-01T12:00:00Z', text: 'nada que ver con nubes' },
      ]
        .map((o) => JSON.stringify(o))
        .join('\n'),
    );
    const imported = await opened.client.runJob('import.start', {
      path: file,
      mapping: { columns: { externalId: 'id', postedAt: 'date', text: 'text', entity: 'brand' } },
    });
    expect(imported.state).toBe('finished');
    expect(matches(opened.path, 'message_entities')).toEqual(['a:1:import']);

    const saved = await opened.client.runJob('entities.save', {
      name: 'Nube',
      role: 'competitor',
      aliases: ['Nube Telecom', '@NubeTel'],
    });
    expect(saved).toMatchObject({ state: 'finished', result: { messages: 3 } });
    expect(matches(opened.path, 'message_entities')).toEqual(['a:1:import', 'a:2:rule', 'b:2:rule']);

    // Narrower rules: the old matches go, the file's own match stays.
    await opened.client.runJob('entities.save', { name: 'Nube', role: 'competitor', aliases: ['@NubeTel'] });
    expect(matches(opened.path, 'message_entities')).toEqual(['a:1:import', 'b:2:rule']);

    const topic = await opened.client.runJob('topics.save', { name: 'Fibra', keywords: ['fibra optica'] });
    expect(matches(opened.path, 'message_topics')).toEqual(['b:1:rule']);
    const entities = await opened.client.call('entities.list', {});
    // The job says which it saved: a new one's id, known without asking for the list.
    expect(saved.state === 'finished' && saved.result.id).toBe(entities.find((e) => e.name === 'Nube')?.id);
    expect(topic.state === 'finished' && topic.result.id).toBe((await opened.client.call('topics.list', {}))[0]?.id);
    expect(entities.map((e) => [e.name, e.role, e.aliases, e.mentions])).toEqual([
      ['Nube', 'competitor', ['@NubeTel'], 1],
      ['Onda', 'competitor', [], 1],
    ]);
    expect((await opened.client.call('topics.list', {}))[0]).toMatchObject({
      name: 'Fibra',
      keywords: ['fibra optica'],
      mentions: 1,
    });
  });

  it('refuses an unknown role through the contract', async () => {
    const { backend } = testBackend();
    expect(await backend.invoke('entities.save', { name: 'X', role: 'friend', aliases: [] })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', issues: [expect.stringMatching(/^role/)] },
    });
  });
});

describe('a live preview of rules', () => {
  it('counts exactly what saving the rules then stores, per rule and in all, with the newest messages', async () => {
    const { demoBackend } = await import('../../../../helpers/workspace');
    const { client, path } = await demoBackend(2500);
    const rules = ['router', '#LumenMovil', 'customer service', 'Vertice', 'no-such-word-here'];
    const preview = await client.call('rules.preview', { rules });
    // The oracle: every message's text through the matcher, without the index.
    const { compileMatcher, tokenize } = await import('../../../../../shared/domain/matching');
    const db = new Database(path, { readonly: true });
    const texts = db.prepare('SELECT id, posted_at AS postedAt, text FROM messages').all() as {
      id: number;
      postedAt: number;
      text: string;
    }[];
    db.close();
    const perRule = rules.map((rule) => compileMatcher([{ target: rule, pattern: rule }]));
    const expected = texts.filter((m) => perRule.some((match) => match(tokenize(m.text)).size > 0));
    expect(preview.matches).toBe(expected.length);
    expect(preview.byRule).toEqual(
      rules.map((rule, i) => ({
        rule,
        matches: texts.filter((m) => (perRule[i] as (t: string[]) => Set<string>)(tokenize(m.text)).size > 0).length,
      })),
    );
    expect(preview.byRule.every((r) => (r.rule === 'no-such-word-here' ? r.matches === 0 : r.matches > 0))).toBe(true);
    expect(preview.sample.map((m) => m.id)).toEqual(
      expected
        .sort((a, b) => b.postedAt - a.postedAt || b.id - a.id)
        .slice(0, 10)
        .map((m) => m.id),
    );

    const saved = await client.runJob('topics.save', { name: 'Vista previa', keywords: rules });
    expect(saved.state).toBe('finished');
    const topic = (await client.call('topics.list', {})).find((t) => t.name === 'Vista previa');
    expect(topic?.mentions).toBe(preview.matches);
  });
});

describe('renaming and deleting what is tracked', () => {
  it('renames keeping the matches, refuses a name taken, and deletes with its matches only, counts as a recount', async () => {
    const { client, path } = await demoBackend(800);
    const [first, second] = await client.call('entities.list', {});
    if (!first || !second) throw new Error('the demo tracks entities');
    const before = matches(path, 'message_entities').filter((k) => k.split(':')[1] === String(first.id));
    expect(before.length).toBeGreaterThan(0);

    await client.call('entities.rename', { id: first.id, name: 'Lumen Renombrada' });
    const renamed = (await client.call('entities.list', {})).find((e) => e.id === first.id);
    expect(renamed).toMatchObject({ name: 'Lumen Renombrada', mentions: first.mentions, aliases: first.aliases });
    await expect(client.call('entities.rename', { id: first.id, name: second.name })).rejects.toThrow(
      `Another entity is already named "${second.name}"`,
    );
    await expect(client.call('topics.rename', { id: 999, name: 'Nada' })).rejects.toThrow('No topic 999');

    const quarter = { from: '2025-10-01', to: '2026-09-30' };
    const narrowedBefore = await client.call('kpis.get', { ...quarter, entities: [second.id] });
    const deleted = await client.runJob('entities.delete', { id: first.id });
    expect(deleted).toMatchObject({ state: 'finished', result: { messages: first.mentions } });
    expect((await client.call('entities.list', {})).map((e) => e.id)).not.toContain(first.id);
    expect(matches(path, 'message_entities').filter((k) => k.split(':')[1] === String(first.id))).toEqual([]);
    expect((await client.call('workspace.info', {})).counts.messages).toBe(800);
    // The roll-ups and match sets as a recount from the messages gives them; the other entity's figures as before.
    const db = new Database(path);
    const kept = rollupRows(db);
    rebuildRollups(db, (await client.call('settings.get', {})).timeZone);
    expect(rollupRows(db)).toEqual(kept);
    db.close();
    const narrowedAfter = await client.call('kpis.get', { ...quarter, entities: [second.id] });
    expect(narrowedAfter.totals).toEqual(narrowedBefore.totals);
    expect(narrowedAfter.byTemperature).toEqual(narrowedBefore.byTemperature);

    const topic = (await client.call('topics.list', {}))[0];
    if (!topic) throw new Error('the demo tracks topics');
    const cli = await runCli('topics', 'delete', '--name', topic.name, '--workspace', path);
    expect(cli).toMatchObject({ code: 0 });
    expect(cli.err).toContain(`deleted "${topic.name}" and its ${(topic.mentions ?? 0).toLocaleString('en')} matches`);
    expect(await runCli('entities', 'rename', '--name', 'Nadie', '--to', 'X', '--workspace', path)).toMatchObject({
      code: 1,
    });
  });
});
