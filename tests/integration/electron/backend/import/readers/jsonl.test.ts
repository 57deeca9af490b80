import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '../../../../../helpers/files';
import { testBackend } from '../../../../../helpers/workspace';

/** Lines as a network's API wrote them: the user and the entities nested, the posting app as HTML. */
const line = (id: number, text: string, screenName: string) =>
  JSON.stringify({
    created_at: 'Tue Mar 05 14:30:00 +0000 2024',
    id,
    id_str: String(id),
    text,
    source: '<a href="http://twitter.com/download/iphone" rel="nofollow">Twitter for iPhone</a>',
    user: {
      id: 1000 + id,
      name: `Nombre visible de ${screenName} con espacios largos`,
      screen_name: screenName,
      description: 'Una descripción del perfil mucho más larga que cualquier mensaje de esta prueba, con espacios',
      followers_count: 120,
    },
    entities: {
      hashtags: [{ text: 'fibra', indices: [10, 16] }],
      user_mentions: [{ screen_name: 'LumenMovil', name: 'Lumen Móvil', id: 7, indices: [0, 11] }],
    },
    lang: 'es',
  });

describe('JSON Lines with nested objects', () => {
  it('takes the text from a plain string field, never the JSON of a nested object, and the handle from user.screen_name', async () => {
    const path = join(tempFolder(), 'stream.jsonl');
    writeFileSync(path, [line(1, 'Sin fibra', 'lucia'), line(2, 'Ya funciona', 'jordi')].join('\n') + '\n');
    const { client } = testBackend();
    const inspection = await client.call('import.inspect', { path });
    expect(inspection.headers).toContain('user.screen_name');
    expect(inspection.mapping.columns).toMatchObject({ text: 'text', authorHandle: 'user.screen_name' });
    expect(inspection.dropped.map((d) => d.column)).toEqual(['source']);
    const end = await client.runJob('import.start', { path });
    expect(end).toMatchObject({
      state: 'finished',
      result: { new: 2, dropped: [{ field: 'source', column: 'source' }] },
    });
    const page = await client.call('messages.page', { offset: 0, limit: 5 });
    expect(page.rows.map((m) => [m.text, m.authorHandle, m.source]).sort()).toEqual([
      ['Sin fibra', 'lucia', 'other'],
      ['Ya funciona', 'jordi', 'other'],
    ]);
  });

  it('guesses the text among plain fields when no field is named for it: not the entities JSON, not the user profile', async () => {
    const path = join(tempFolder(), 'export.jsonl');
    const renamed = (id: number, text: string) => line(id, text, 'ana').replace('"text":', '"contenido_publicacion":');
    writeFileSync(
      path,
      [renamed(1, 'Sin fibra desde el lunes, otra vez'), renamed(2, 'Ya funciona, gracias')].join('\n'),
    );
    const { client } = testBackend();
    const inspection = await client.call('import.inspect', { path });
    expect(inspection.mapping.columns.text).toBe('contenido_publicacion');
  });
});
