import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolder, writeEncoded } from '../../../../helpers/files';
import { testBackend } from '../../../../helpers/workspace';

/**
 * A sentiment research corpus as it is published: tab-separated, no quoting (a quote is the author's), no dates,
 * five levels and NONE coded as P+ P NEU N N+ NONE.
 */
const CORPUS = [
  'id\ttexto\tpolaridad',
  '768512\t"Hola" me dijo el técnico, y se fue sin arreglar nada\tN+',
  '768513\tMe encanta el "nuevo" plan de datos, por fin rápido\tP+',
  '768514\t"Sin fibra desde el lunes, otra semana igual\tN',
  '768515\tNo sé qué pensar del cambio de tarifa de este mes\tNEU',
  '768516\tHoy he cambiado de compañía de teléfono, a ver qué tal\tNONE',
  '768517\tBuena atención en la tienda del centro esta mañana\tP',
  '',
].join('\n');

async function imported(
  client: ReturnType<typeof testBackend>['client'],
  request: Parameters<typeof client.runJob<'import.start'>>[1],
) {
  const end = await client.runJob('import.start', request);
  if (end.state !== 'finished') throw new Error(`import ${end.state}: ${end.message}`);
  return end.result;
}

describe('a research corpus in TSV', () => {
  it('reads quotes as text, the five codes and NONE, and asks only for a time for its undated rows', async () => {
    const path = writeEncoded(join(tempFolder(), 'corpus.tsv'), CORPUS, 'utf8');
    const { client } = testBackend();
    const refused = await client.runJob('import.start', { path });
    expect(refused.message).toMatch(
      /corpus\.tsv: cannot find a column for postedAt among "id", "texto", "polaridad".*or give every row one time \(--default-time\)/,
    );
    expect(await imported(client, { path, defaults: { postedAt: '2019-06-30' } })).toMatchObject({
      new: 6,
      rejected: 0,
    });
    const page = await client.call('messages.page', {
      offset: 0,
      limit: 10,
      sort: { column: 'postedAt', direction: 'asc' },
    });
    expect(page.rows.map((m) => [m.text.slice(0, 20), m.temperature])).toEqual([
      ['"Hola" me dijo el té', -2],
      ['Me encanta el "nuevo', 2],
      ['"Sin fibra desde el ', -1],
      ['No sé qué pensar del', 0],
      ['Hoy he cambiado de c', null],
      ['Buena atención en la', 1],
    ]);
    // The KPIs count the corpus's labels as they are.
    const kpis = await client.call('kpis.get', { from: '2019-06-30', to: '2019-06-30' });
    expect(kpis.byTemperature).toEqual({ '-2': 1, '-1': 1, '0': 1, '1': 1, '2': 1, unlabeled: 1 });
  });
});

describe("the wizard's count of rows and label values", () => {
  it('counts the rows and each label value as written, with what it becomes, and follows a value map', async () => {
    const folder = tempFolder();
    const path = writeEncoded(join(folder, 'corpus.tsv'), CORPUS, 'utf8');
    const { client } = testBackend();
    const first = await client.call('import.inspect', { path });
    expect(first.rows).toEqual({ count: 6, exact: true });
    expect(first.valueTables).toEqual([
      {
        field: 'temperature',
        column: 'polaridad',
        more: 0,
        values: [
          { written: 'N', rows: 1, becomes: -1, error: null },
          { written: 'N+', rows: 1, becomes: -2, error: null },
          { written: 'NEU', rows: 1, becomes: 0, error: null },
          { written: 'NONE', rows: 1, becomes: null, error: null },
          { written: 'P', rows: 1, becomes: 1, error: null },
          { written: 'P+', rows: 1, becomes: 2, error: null },
        ],
      },
    ]);
    const mapped = await client.call('import.inspect', {
      path,
      mapping: { ...first.mapping, values: { temperature: { NONE: 0, 'p+': 1 } } },
    });
    expect(mapped.valueTables[0]?.values.map((v) => [v.written, v.becomes])).toEqual([
      ['N', -1],
      ['N+', -2],
      ['NEU', 0],
      ['NONE', 0],
      ['P', 1],
      ['P+', 1],
    ]);
  });

  it('reads past the sample for a while, then estimates the rows of a large file from how far it got', async () => {
    const lines = ['id\ttexto\tpolaridad'];
    const total = 300_000;
    for (let i = 0; i < total; i++)
      lines.push(`${i}\tmensaje número ${i} de una muestra grande\t${i % 7 === 0 ? 'regular' : 'P'}`);
    const path = writeEncoded(join(tempFolder(), 'large.tsv'), lines.join('\n'), 'utf8');
    const { client } = testBackend();
    const { rows, valueTables } = await client.call('import.inspect', { path });
    // Counted to the end on a fast machine; else an estimate, within a tenth of the truth (the rows are alike).
    if (rows.exact) expect(rows.count).toBe(total);
    else expect(Math.abs(rows.count - total) / total).toBeLessThan(0.1);
    const values = valueTables[0]?.values ?? [];
    expect(values.map((v) => [v.written, v.becomes, v.error !== null])).toEqual([
      ['P', 1, false],
      ['regular', null, true],
    ]);
    // The values are counted over the same rows as the count (all of them when it is exact).
    const seen = values.reduce((sum, v) => sum + v.rows, 0);
    expect(seen).toBeGreaterThan(1000);
    if (rows.exact) expect(seen).toBe(total);
  });
});

describe('a mapping that names part of the file', () => {
  const CSV = [
    'Posted,Autor,Mensaje,Type,Valoración',
    '2024-03-05 10:00,@ana,Fatal el servicio de hoy,Photo,malo',
    '2024-03-06 11:00,@luis,Todo bien por aquí,Link,genial',
    '',
  ].join('\n');

  it('maps what it names, guesses the rest, reads values as its value map says, and leaves out a guess that does not read', async () => {
    const path = join(tempFolder(), 'export.csv');
    writeFileSync(path, CSV);
    const { client } = testBackend();
    const mapping = {
      columns: { text: 'Mensaje' },
      values: { temperature: { malo: -2, GENIAL: 2 } },
      defaults: { source: 'facebook' as const },
    };
    const inspection = await client.call('import.inspect', { path, mapping });
    // "Posted" is a time, "Autor" the author: guessed; "Type" (Photo, Link) is not the kind: left out, said.
    expect(inspection.mapping.columns).toEqual({
      text: 'Mensaje',
      postedAt: 'Posted',
      authorHandle: 'Autor',
      temperature: 'Valoración',
    });
    expect(inspection.dropped).toEqual([{ field: 'kind', column: 'Type', example: 'Photo' }]);
    const summary = await imported(client, { path, mapping });
    expect(summary).toMatchObject({ new: 2, rejected: 0, dropped: [{ field: 'kind', column: 'Type' }] });
    const page = await client.call('messages.page', {
      offset: 0,
      limit: 5,
      sort: { column: 'postedAt', direction: 'asc' },
    });
    expect(page.rows.map((m) => [m.authorHandle, m.source, m.temperature, m.kind])).toEqual([
      ['@ana', 'facebook', -2, null],
      ['@luis', 'facebook', 2, null],
    ]);
  });
});

describe('where the column names are', () => {
  it('reads a file without a header as data, its columns named A, B, C as in Excel; --header-row 0 says so', async () => {
    const folder = tempFolder();
    const headerless = writeEncoded(
      join(folder, 'sin-cabecera.tsv'),
      '768512\tSin fibra desde el lunes, otra vez igual que siempre\tN\n768513\tYa funciona todo, gracias por la ayuda\tP\n',
      'utf8',
    );
    const { client } = testBackend();
    const inspection = await client.call('import.inspect', {
      path: headerless,
      mapping: { columns: {}, defaults: { postedAt: '2019-06-30' } },
    });
    expect([inspection.headerRow, inspection.headers, inspection.mapping.columns.text]).toEqual([
      0,
      ['A', 'B', 'C'],
      'B',
    ]);
    expect(await imported(client, { path: headerless, defaults: { postedAt: '2019-06-30' } })).toMatchObject({
      new: 2,
      headerRow: 0,
    });

    // Short words on the first row read as names, unless the user says there are none.
    const words = writeEncoded(join(folder, 'palabras.csv'), 'hola,adiós\nqué tal,hasta luego\n', 'utf8');
    expect((await client.call('import.inspect', { path: words })).headers).toEqual(['hola', 'adiós']);
    const none = await client.call('import.inspect', { path: words, headerRow: 0 });
    expect([none.headers, none.preview.length]).toEqual([['A', 'B'], 2]);
  });

  it('skips the row of descriptions an analytics export puts under the names, and says so', async () => {
    const path = writeEncoded(
      join(tempFolder(), 'insights.csv'),
      [
        'Post ID,Permalink,Post Message,Posted,Lifetime Post Total Reach,Lifetime Engaged Users',
        ',,,,"Lifetime: The number of people who had your Page\'s post enter their screen. (Unique Users)","Lifetime: The number of unique people who engaged in certain ways with your Page post, for example by commenting on, liking, sharing, or clicking upon particular elements of the post. (Unique Users)"',
        '1234_5678,https://www.facebook.com/1234/posts/5678,Nuevas tarifas de fibra desde este lunes,01/19/2017 09:03:47 AM,1520,33',
        '1234_5679,https://www.facebook.com/1234/posts/5679,Cortes en el servicio esta tarde en el centro,01/20/2017 05:10:00 PM,980,41',
      ].join('\r\n'),
      'utf8',
    );
    const { client } = testBackend();
    const inspection = await client.call('import.inspect', { path });
    expect([inspection.headerRow, inspection.descriptionRow]).toEqual([1, 2]);
    expect(inspection.mapping.columns).toMatchObject({
      externalId: 'Post ID',
      text: 'Post Message',
      postedAt: 'Posted',
    });
    expect(inspection.mapping.dateOrder).toBe('mdy');
    const summary = await imported(client, { path });
    expect(summary).toMatchObject({ new: 2, rejected: 0, descriptionRow: 2 });
  });
});
