import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '../../../../helpers/files';
import { testBackend } from '../../../../helpers/workspace';

// An export whose text column was not quoted: the comma in row 3 cut the text in two.
const RAGGED = [
  'fecha,usuario,texto,likes',
  '2026-03-25 10:00,@ana,Gracias por la ayuda,3',
  '2026-03-26 11:00,@luis,El router no va, llevo tres días sin fibra,0',
  '2026-03-27 12:00,@eva,Todo bien ahora,',
  '2026-03-28 13:00,@marta,Sin likes ni coma',
  '2026-03-29 14:00,@leo,Con coma final,1,',
].join('\n');

describe('rows with more or fewer cells than the header (a delimited file)', () => {
  it('refuses the file naming the row and the column past the header, instead of cutting the text', async () => {
    const { client } = testBackend();
    const path = join(tempFolder(), 'ragged.csv');
    writeFileSync(path, RAGGED);
    const error = await client.runJob('import.start', { path });
    expect(error.state).toBe('failed');
    expect(error.message).toContain('ragged.csv, row 3, column "E": the row has 5 cells but the header names 4');
    expect(error.message).toContain('ragged.csv: nothing imported; 1 row cannot be read:');
    expect((await client.call('workspace.info', {})).counts.messages).toBe(0);
    // The wizard's preview marks it before the import, as data the wizard says in its own language.
    const inspection = await client.call('import.inspect', { path });
    expect(inspection.preview.find((row) => row.row === 3)?.errors).toMatchObject({
      text: { code: 'past-header', cells: 5, width: 4 },
    });
  });

  it("reports the rows it cannot read in the workspace's language, in the job's message and the rejects file", async () => {
    const { client } = testBackend();
    await client.call('settings.update', { language: 'es' });
    const folder = tempFolder();
    const path = join(folder, 'ragged.csv');
    writeFileSync(
      path,
      `${RAGGED}
2026-02-30 15:00,@noe,Fecha imposible,2
`,
    );
    const refused = await client.runJob('import.start', { path });
    expect(refused.state).toBe('failed');
    expect(refused.message?.split('\n')).toEqual([
      'ragged.csv: no se importó nada; 2 filas no se pueden leer:',
      'ragged.csv, fila 3, columna «E»: la fila tiene 5 celdas pero la cabecera nombra 4: ¿un separador dentro de una celda sin comillas? Pon esa celda entre comillas o corrige la fila',
      'ragged.csv, fila 7, columna «fecha»: «2026-02-30 15:00» no es una fecha real',
      'Corrígelas, o importa las filas válidas y guarda las rechazadas en un archivo (--rejects ARCHIVO en la CLI).',
    ]);
    const done = await client.runJob('import.start', { path, rejectsPath: join(folder, 'rechazadas.csv') });
    expect(done).toMatchObject({ state: 'finished', result: { new: 4, rejected: 2 } });
    const rejects = readFileSync(join(folder, 'rechazadas.csv'), 'utf8').split('\r\n');
    expect(rejects[2]).toMatch(/^7,fecha,fecha: «2026-02-30 15:00» no es una fecha real,2026-02-30 15:00,'@noe,/);
  });

  it('imports the other rows when asked, the cut one in the rejects file whole; a short row or a trailing delimiter is fine', async () => {
    const { client } = testBackend();
    const folder = tempFolder();
    const path = join(folder, 'ragged.csv');
    writeFileSync(path, RAGGED);
    const last = await client.runJob('import.start', { path, rejectsPath: join(folder, 'rejects.csv') });
    expect(last).toMatchObject({ state: 'finished', result: { new: 4, rejected: 1 } });
    const rejects = readFileSync(join(folder, 'rejects.csv'), 'utf8').split('\r\n');
    // The row's cells as read, every one of them: nothing of the text is lost.
    expect(rejects[1]).toMatch(/^3,E,".*",2026-03-26 11:00,'@luis,El router no va,llevo tres días sin fibra,0$/);
    const texts = (await client.call('messages.page', { offset: 0, limit: 10 })).rows.map((row) => row.text).sort();
    expect(texts).toEqual(['Con coma final', 'Gracias por la ayuda', 'Sin likes ni coma', 'Todo bien ahora']);
  });

  it('is refused with a clear message when a short row lacks a required cell', async () => {
    const { client } = testBackend();
    const path = join(tempFolder(), 'short.csv');
    writeFileSync(path, 'fecha,usuario,texto\n2026-03-25 10:00,@ana,hola\n2026-03-26 11:00,@luis\n');
    const last = await client.runJob('import.start', { path });
    expect(last.message).toContain('short.csv, row 3, column "texto": text is empty');
    await expect(client.call('workspace.info', {})).resolves.toMatchObject({ counts: { messages: 0 } });
  });
});
