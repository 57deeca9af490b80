import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '../helpers/files';
import { openBackend } from '../helpers/workspace';

function matches(path: string, table: 'message_entities' | 'message_topics'): string[] {
  const db = new Database(path, { readonly: true });
  try {
    const column = table === 'message_entities' ? 'entity_id' : 'topic_id';
    return (db.prepare(`SELECT m.external_id || ':' || x.${column} || ':' || x.origin AS k FROM ${table} x JOIN messages m ON m.id = x.message_id ORDER BY 1`).pluck().all() as string[]);
  } finally {
    db.close();
  }
}

describe('entity and topic rules', () => {
  it('rematches the whole workspace when rules change, keeping matches a file gave', async () => {
    const opened = openBackend();
    const file = join(tempFolder(), 'm.jsonl');
    writeFileSync(file, [
      { id: 'a', date: '2026-05-01T10:00:00Z', text: 'Nube Telecom me cobra de más', brand: 'Onda' },
      { id: 'b', date: '2026-05-01T11:00:00Z', text: 'hola @NubeTel, ¿y la fibra óptica?' },
      { id: 'c', date: '2026-05-01T12:00:00Z', text: 'nada que ver con nubes' },
    ].map((o) => JSON.stringify(o)).join('\n'));
    const imported = await opened.client.runJob('import.start', { path: file, mapping: { columns: { externalId: 'id', postedAt: 'date', text: 'text', entity: 'brand' } } });
    expect(imported.state).toBe('finished');
    expect(matches(opened.path, 'message_entities')).toEqual(['a:1:import']);

    const saved = await opened.client.runJob('entities.save', { name: 'Nube', role: 'competitor', aliases: ['Nube Telecom', '@NubeTel'] });
    expect(saved).toMatchObject({ state: 'finished', result: { messages: 3 } });
    expect(matches(opened.path, 'message_entities')).toEqual(['a:1:import', 'a:2:rule', 'b:2:rule']);

    // Narrower rules: the old matches go, the file's own match stays.
    await opened.client.runJob('entities.save', { name: 'Nube', role: 'competitor', aliases: ['@NubeTel'] });
    expect(matches(opened.path, 'message_entities')).toEqual(['a:1:import', 'b:2:rule']);

    await opened.client.runJob('topics.save', { name: 'Fibra', keywords: ['fibra optica'] });
    expect(matches(opened.path, 'message_topics')).toEqual(['b:1:rule']);
    const entities = await opened.client.call('entities.list', {});
    expect(entities.map((e) => [e.name, e.role, e.aliases, e.mentions])).toEqual([['Nube', 'competitor', ['@NubeTel'], 1], ['Onda', 'competitor', [], 1]]);
    expect((await opened.client.call('topics.list', {}))[0]).toMatchObject({ name: 'Fibra', keywords: ['fibra optica'], mentions: 1 });
  });

  it('refuses an unknown role through the contract', async () => {
    const { backend } = openBackend();
    expect(await backend.invoke('entities.save', { name: 'X', role: 'friend', aliases: [] })).toMatchObject({ ok: false, error: { code: 'invalid-input', issues: [expect.stringMatching(/^role/)] } });
  });
});
