import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openReader, records } from '../../../../../../electron/backend/import/readers';
import { tempFolder, writeEncoded } from '../../../../../helpers/files';

const UNICODE_WORDS = ['ñandú', 'acción', '€uro', 'café ☕', 'emoji 😀', 'Ünïcödé'];
const WINDOWS_1252_WORDS = ['ñandú', 'acción', '€uro', 'café', '“comillas”', 'Ünïcödé'];

/**
 * Rows of accented words (in UTF-8 2-, 3- and 4-byte characters), enough of them (4 MB) to
 * cross the reader's 1 MiB chunks inside a character; every other cell long enough to be
 * narrowed to one byte a character (csv.ts), with or without a character beyond U+00FF.
 */
function accentedRows(count: number, words: readonly string[]): string[][] {
  const long = ' y una frase bastante más larga, con acentos';
  return Array.from({ length: count }, (_, i) => [
    String(i),
    `${words[i % words.length]} ${'ó'.repeat(i % 7)} ${i}${i % 2 === 0 ? long : ''}`,
  ]);
}

describe('CSV reader', () => {
  it.each(['utf8', 'utf16le', 'win1252'] as const)(
    'reads every character of a %s file across its chunks',
    async (encoding) => {
      const rows = accentedRows(120_000, encoding === 'win1252' ? WINDOWS_1252_WORDS : UNICODE_WORDS);
      const path = writeEncoded(
        join(tempFolder(), `${encoding}.csv`),
        `id;texto\n${rows.map((row) => row.join(';')).join('\n')}\n`,
        encoding,
        encoding === 'utf16le',
      );
      const reader = await openReader(path, {});
      expect([reader.encoding, reader.headers]).toEqual([
        encoding === 'win1252' ? 'windows1252' : encoding,
        ['id', 'texto'],
      ]);
      const read: string[][] = [];
      for await (const record of records(reader)) read.push(record.values as string[]);
      expect(read).toEqual(rows);
    },
  );
});

/**
 * A UTF-8 file of 4 MiB whose chunks (1 MiB each) are read two ways (csv.ts): with only characters up to U+00FF, or
 * with one beyond; a chunk's end cuts a character in two: an ñ, an emoji, a €. The first chunk with a character beyond
 * U+00FF starts with a U+FEFF in a cell, which is text, not a byte order mark.
 */
function chunkedUtf8(): { text: string; rows: string[][] } {
  const chunk = 1 << 20;
  const cuts = [
    { character: 'ñ', before: 1 },
    { character: '\ufeff', before: 0 },
    { character: '😀', before: 2 },
    { character: '€', before: 2 },
  ];
  const rows: string[][] = [];
  let bytes = Buffer.byteLength('id;texto\n');
  for (const [i, cut] of cuts.entries()) {
    for (let row = rows.length; bytes < (i + 1) * chunk - 200; row++) {
      rows.push([String(row), `mañana sin conexión ${'á'.repeat(row % 11)} ${row}`]);
      bytes += Buffer.byteLength(`${rows.at(-1)?.join(';')}\n`);
    }
    const head = `${rows.length};x`;
    const padding = (i + 1) * chunk - cut.before - bytes - Buffer.byteLength(head);
    rows.push([String(rows.length), `x${'a'.repeat(padding)}${cut.character} fin`]);
    bytes += Buffer.byteLength(`${rows.at(-1)?.join(';')}\n`);
  }
  return { text: `id;texto\n${rows.map((row) => row.join(';')).join('\n')}\n`, rows };
}

describe('CSV reader, UTF-8 chunks', () => {
  it('reads characters cut between chunks read as Latin-1 and as wider text, and a U+FEFF starting one', async () => {
    const { text, rows } = chunkedUtf8();
    const path = writeEncoded(join(tempFolder(), 'chunks.csv'), text, 'utf8', false);
    // The file is as meant: chunks 2, 4 and 5 start with a character's continuation byte, the 3rd with a U+FEFF.
    const bytes = Buffer.from(text);
    expect([1, 3, 4].map((n) => (bytes[n * (1 << 20)] as number) & 0xc0)).toEqual([0x80, 0x80, 0x80]);
    expect(bytes.subarray(2 * (1 << 20), 2 * (1 << 20) + 3)).toEqual(Buffer.from('\ufeff'));
    const reader = await openReader(path, {});
    const read: string[][] = [];
    for await (const record of records(reader)) read.push(record.values as string[]);
    expect(read).toEqual(rows);
    expect(read.filter((row) => /[ñ😀€\ufeff] fin$/u.test(row[1] as string)).length).toBe(4);
  });
});

describe("Excel's sep= line", () => {
  it.each([
    ['utf8', true, ','],
    ['utf16le', true, ';'],
    ['win1252', false, '|'],
  ] as const)('in a %s file (BOM: %s) gives the delimiter %s and is not a row', async (encoding, bom, delimiter) => {
    // Cells full of the other delimiters, so guessing from the lines would not find the hinted one.
    const rows = [
      ['1', 'hola; qué tal, bien | o no'],
      ['2', 'otra; más, aún | sí'],
    ];
    const text = `sep=${delimiter}\r\nid${delimiter}texto\r\n${rows.map((row) => `${row[0]}${delimiter}"${row[1]}"`).join('\r\n')}\r\n`;
    const path = writeEncoded(join(tempFolder(), `${encoding}.csv`), text, encoding, bom);
    const reader = await openReader(path, {});
    expect([reader.delimiter, reader.headers]).toEqual([delimiter, ['id', 'texto']]);
    const read: { row: number; values: string[] }[] = [];
    for await (const record of records(reader)) read.push({ row: record.row, values: record.values as string[] });
    // Numbered as Excel shows them: the header is row 1.
    expect(read).toEqual(rows.map((values, i) => ({ row: i + 2, values })));
  });
});

describe('CSV reports with lines above the table', () => {
  it.each([
    ['padded title lines, ,', 'Informe de menciones,,,\nMarca:,Lumen,,\nDesde:,01/03/2026,,\n\n', ','],
    ['bare title lines, ;', 'Informe de menciones\nGenerado el 6 de marzo de 2026\n\n', ';'],
    ['no title, a blank line first, tab', '\n', '\t'],
  ] as const)('find the header below %s, and number rows as Excel shows them', async (_name, above, delimiter) => {
    const table = [
      ['id', 'fecha', 'usuario', 'texto'],
      ['1', '05/03/2026 10:00', '@ana', 'el router no funciona, otra vez'],
      ['2', '05/03/2026 11:00', '@luis', 'gracias; ya va'],
    ];
    const quote = (cell: string): string => (/[,;\t]/.test(cell) ? `"${cell}"` : cell);
    const text = `${above}${table[0]!.join(delimiter)}\n\n${table
      .slice(1)
      .map((row) => row.map(quote).join(delimiter))
      .join('\n')}\n`;
    const path = writeEncoded(join(tempFolder(), 'report.csv'), text, 'utf8');
    const reader = await openReader(path, {});
    expect([reader.delimiter, reader.headers]).toEqual([delimiter, table[0]]);
    const read: { row: number; values: string[] }[] = [];
    for await (const record of records(reader)) read.push({ row: record.row, values: record.values as string[] });
    // Every line above the data counts (blank ones too), as in Excel: the blank line under the header is row header +
    // 1.
    const headerRow = above.split('\n').length;
    expect(read).toEqual(table.slice(1).map((values, i) => ({ row: headerRow + 2 + i, values })));
  });
});

describe('CSV header rows far down', () => {
  it('finds a header given or guessed below lines longer than the reader reads at a time', async () => {
    // 15 notes of 5,000 characters: 75 KB above the header, more than one of the reader's chunks.
    const notes = Array.from({ length: 15 }, (_, i) => `nota ${i + 1}: ${'x'.repeat(5000)}`);
    const text = `${notes.join('\n')}\nid,fecha,texto\n1,05/03/2026,hola\n2,06/03/2026,adiós\n`;
    const path = writeEncoded(join(tempFolder(), 'notes.csv'), text, 'utf8');
    for (const options of [{ headerRow: 16 }, {}]) {
      const reader = await openReader(path, options);
      expect(reader.headers, JSON.stringify(options)).toEqual(['id', 'fecha', 'texto']);
      const read: { row: number; values: string[] }[] = [];
      for await (const record of records(reader)) read.push({ row: record.row, values: record.values as string[] });
      expect(read).toEqual([
        { row: 17, values: ['1', '05/03/2026', 'hola'] },
        { row: 18, values: ['2', '06/03/2026', 'adiós'] },
      ]);
    }
  });

  it('reads the header above half a million short rows that follow a long note line', async () => {
    // The note is cut by the reader's chunks, each twice the last, so the chunk that ends it holds most of these rows.
    const rows = Array.from({ length: 500_000 }, (_, i) => `${i % 10},a`);
    const text = `${'x'.repeat(1_000_000)}\nid,texto\n${rows.join('\n')}\n`;
    const path = writeEncoded(join(tempFolder(), 'note-then-rows.csv'), text, 'utf8');
    const reader = await openReader(path, { headerRow: 2 });
    expect(reader.headers).toEqual(['id', 'texto']);
    let count = 0;
    for await (const record of records(reader)) if (++count === 1) expect(record).toMatchObject({ row: 3 });
    expect(count).toBe(500_000);
  });
});
