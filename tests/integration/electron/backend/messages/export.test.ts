import ExcelJS from 'exceljs';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolder, writeEncoded } from '../../../../helpers/files';
import { testBackend } from '../../../../helpers/workspace';

const ROWS = [
  'id,fecha,usuario,red,texto,temperatura,tipo',
  'a,2026-05-02T10:00:00Z,@ana,twitter,"=HYPERLINK(""http://x"";""clic"")",-2,complaint',
  'b,2026-05-03T10:00:00Z,@bea,facebook,"Hola; ¿qué tal?\nSegunda línea",1,opinion',
  'c,2026-05-04T10:00:00Z,@carla,twitter,+34 600 000 000 me llamáis,-1,case',
  'd,2026-05-05T10:00:00Z,@dani,twitter,Todo bien,,',
].join('\n');

async function workspace() {
  const { client } = testBackend();
  const file = writeEncoded(join(tempFolder(), 'export.csv'), `${ROWS}\n`, 'utf8');
  expect((await client.runJob('import.start', { path: file })).state).toBe('finished');
  await client.call('settings.update', { timeZone: 'Europe/Madrid', language: 'es' });
  return client;
}

describe('exporting the grid', () => {
  it('writes what the grid shows to CSV for Excel: BOM, ; in Spanish, its order and columns, formulas as text', async () => {
    const client = await workspace();
    const path = join(tempFolder(), 'menciones.csv');
    const end = await client.runJob('messages.export', {
      path,
      filter: { temperatures: [-2, -1, 1] },
      sort: { column: 'postedAt', direction: 'asc' },
      columns: ['postedAt', 'author', 'text', 'temperature', 'kind'],
    });
    expect(end.state === 'finished' && end.result).toEqual({ rows: 3, path });
    const text = readFileSync(path, 'utf8');
    expect(text.split('\r\n')).toEqual([
      '\uFEFFPublicado;Autor;Texto;Temperatura;Tipo',
      `2/5/26, 12:00;'@ana;"'=HYPERLINK(""http://x"";""clic"")";-2;queja`,
      '3/5/26, 12:00;\'@bea;"Hola; ¿qué tal?\nSegunda línea";1;opinión',
      "4/5/26, 12:00;'@carla;'+34 600 000 000 me llamáis;-1;tramitación",
      '',
    ]); // prettier-ignore
  });

  it('writes XLSX with numbers as numbers, and a refused path or a bad extension leaves no file', async () => {
    const client = await workspace();
    const folder = tempFolder();
    const path = join(folder, 'menciones.xlsx');
    const end = await client.runJob('messages.export', { path, columns: ['author', 'temperature', 'text'] });
    expect(end.state === 'finished' ? end.result.rows : end.message).toBe(4);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.worksheets[0];
    expect(sheet?.getRow(1).values).toEqual([undefined, 'Autor', 'Temperatura', 'Texto']);
    // Newest first, as the grid opens.
    expect(sheet?.getRow(2).values).toEqual([undefined, '@dani', undefined, 'Todo bien']);
    expect(sheet?.getRow(3).getCell(2).value).toBe(-1);
    // A workbook's text cell is never run as a formula: the text is kept as written.
    expect(sheet?.getRow(5).getCell(3).value).toBe(`=HYPERLINK("http://x";"clic")`);
    expect(sheet?.getRow(5).getCell(3).type).toBe(ExcelJS.ValueType.String);
    await expect(client.call('messages.export', { path: join(folder, 'x.pdf'), columns: ['text'] })).rejects.toThrow(/x\.pdf: choose a name ending in \.xlsx or \.csv/); // prettier-ignore
    await expect(client.call('messages.export', { path: join(folder, 'no', 'x.csv'), columns: ['text'] })).rejects.toThrow(/no folder/); // prettier-ignore
    expect(readdirSync(folder).sort()).toEqual(['menciones.xlsx']);
    expect(existsSync(join(folder, 'x.pdf'))).toBe(false);
  });
});
