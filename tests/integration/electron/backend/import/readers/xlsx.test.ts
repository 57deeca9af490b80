import ExcelJS from 'exceljs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openReader, records } from '../../../../../../electron/backend/import/readers';
import {
  isDateFormat,
  parseSharedStrings,
  worksheetRows,
} from '../../../../../../electron/backend/import/readers/xlsx-sheet';
import type { Cell } from '../../../../../../shared/domain/import/values';
import { tempFolder } from '../../../../../helpers/files';

/** The oracle: exceljs's own reading of the same sheet, cells as plain values. */
async function excelRows(path: string, sheetName: string): Promise<Map<number, Cell[]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const rows = new Map<number, Cell[]>();
  workbook.getWorksheet(sheetName)?.eachRow((row, number) => {
    const values = (row.values as ExcelJS.CellValue[]).slice(1).map((value): Cell => {
      if (value === null || value === undefined) return null;
      if (typeof value === 'object' && !(value instanceof Date)) {
        if ('richText' in value) return value.richText.map((part) => part.text).join('');
        if ('result' in value) return (value.result ?? null) as Cell;
        if ('text' in value) return String(value.text);
        return null;
      }
      return value as Cell;
    });
    while (values.length > 0 && values[values.length - 1] === null) values.pop();
    rows.set(number, values);
  });
  return rows;
}

async function ourRows(path: string, part: string): Promise<Map<number, Cell[]>> {
  const reader = await openReader(path, { part });
  const rows = new Map<number, Cell[]>();
  for await (const record of records(reader)) {
    const values = [...record.values];
    while (values.length > 0 && values[values.length - 1] === null) values.pop();
    rows.set(record.row, values);
  }
  return rows;
}

describe('the XLSX reader agrees with exceljs', () => {
  it('on a real export (Twitter Ads) and on a sheet with shared and inline strings, rich text, formulas, booleans and dates', async () => {
    const ads = resolve('../shared/datasets/social-exports/twitter_ads_2017-04.xlsx');
    const adsSheet = (await openReader(ads, {})).part as string;
    const oracle = await excelRows(ads, adsSheet);
    const ours = await ourRows(ads, adsSheet);
    expect(ours.size).toBeGreaterThan(0);
    for (const [number, values] of ours) expect(values, `row ${number}`).toEqual(oracle.get(number));

    const path = join(tempFolder(), 'mixed.xlsx');
    const workbook = new ExcelJS.Workbook();
    workbook.properties.date1904 = false;
    const sheet = workbook.addWorksheet('Datos & más <x>');
    sheet.addRow(['Fecha', 'Texto', 'Rico', 'Fórmula', 'Sí/No', 'Número']);
    for (let i = 0; i < 300; i++) {
      const row = sheet.addRow([
        new Date(Date.UTC(2026, 0, 1 + i, i % 24, 30)),
        `Línea ${i} con "comillas" & <símbolos>\ny salto`,
        { richText: [{ text: 'rico ' }, { text: `${i}`, font: { bold: true } }] },
        { formula: `F${i + 2}*2+1`, result: i * 2 + 1 } /* exceljs reads a cached 0 back as no result */,
        i % 2 === 0,
        i + 0.25,
      ]);
      row.getCell(1).numFmt = i % 2 ? 'dd/mm/yyyy hh:mm' : '[$-409]mmmm d, yyyy;@';
    }
    await workbook.xlsx.writeFile(path);
    const mixedOracle = await excelRows(path, 'Datos & más <x>');
    const mixed = await ourRows(path, 'Datos & más <x>');
    expect(mixed.size).toBe(300);
    for (const [number, values] of mixed) expect(values, `row ${number}`).toEqual(mixedOracle.get(number));

    // The streaming writer puts strings inline in the sheet instead of the shared table.
    const inline = join(tempFolder(), 'inline.xlsx');
    const streamed = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: inline,
      useSharedStrings: false,
      useStyles: true,
    });
    const streamedSheet = streamed.addWorksheet('Inline');
    streamedSheet.addRow(['Usuario', 'Mensaje', 'Fecha']).commit();
    for (let i = 0; i < 50; i++) {
      const row = streamedSheet.addRow([
        `@usuario${i}`,
        `Atención ${i} — ¿qué tal? ✓`,
        new Date(Date.UTC(2026, 5, 1, i % 24)),
      ]);
      row.getCell(3).numFmt = 'yyyy-mm-dd hh:mm:ss';
      row.commit();
    }
    await streamed.commit();
    const inlineOurs = await ourRows(inline, 'Inline');
    const inlineOracle = await excelRows(inline, 'Inline');
    expect(inlineOurs.size).toBe(50);
    for (const [number, values] of inlineOurs) expect(values, `row ${number}`).toEqual(inlineOracle.get(number));
  });

  it('reads a sheet the same however its stream is cut, each byte a chunk or all in one', async () => {
    const row = (n: number): string =>
      `<row r="${n}" spans="1:4"><c r="A${n}" t="str"><v>b${n} &amp; ñ</v></c><c r="B${n}" s="1"><v>46137.5</v></c>` +
      `<c r="C${n}" t="inlineStr"><is><t>Atención — ✓ ${n}</t></is></c><c r="D${n}"/><x:c r="E${n}"/><c r="F${n}" t="b"><v>1</v></c>` +
      // Attributes in any order, others among them (whose values are skipped whole), and a cell that does not say its
      // column.
      `<c s="1" cm="a r=&quot;Z1&quot;" r="G${n}"><v>46137.5</v></c><c t="str" ph="1"><v>sin r</v></c></row>`;
    const xml = `<?xml version="1.0"?><worksheet><sheetData>${Array.from({ length: 40 }, (_, i) => row(i + 1)).join('')}<row r="41"/></sheetData></worksheet>`;
    const context = { strings: { at: () => null }, dates: [false, true], date1904: false };
    const read = async (chunks: Buffer[]) => {
      const rows = [];
      for await (const parsed of worksheetRows(
        (async function* () {
          yield* chunks;
        })(),
        context,
      ))
        rows.push(...parsed);
      return rows;
    };
    const whole = await read([Buffer.from(xml)]);
    expect(whole).toHaveLength(41);
    expect(whole[0]).toEqual({
      number: 1,
      values: [
        'b1 & ñ',
        new Date(Date.UTC(2026, 3, 25, 12)),
        'Atención — ✓ 1',
        null,
        null,
        true,
        new Date(Date.UTC(2026, 3, 25, 12)),
        'sin r',
      ],
    });
    const bytes = Buffer.from(xml);
    for (const size of [1, 2, 3, 5, 7, 64]) {
      const chunks = Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) =>
        bytes.subarray(i * size, (i + 1) * size),
      );
      expect(await read(chunks), `chunks of ${size} bytes`).toEqual(whole);
    }
  });

  it("reads shared strings of every form, in any order of asking, from the part's bytes", () => {
    const items = [
      '<t>Atención — ✓</t>',
      '<t xml:space="preserve"> con espacios </t>',
      '<t>a &amp; b &lt;c&gt; &#241;&#x2713;</t>',
      '<r><rPr><b/></rPr><t>rico </t></r><r><t>texto</t></r>',
      '<t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh>',
      '<t/>',
      null,
      '\n  <t>sangría</t>\n',
    ];
    const expected = ['Atención — ✓', ' con espacios ', 'a & b <c> ñ✓', 'rico texto', '東京', '', '', 'sangría'];
    for (const prefix of ['', 'x:']) {
      const tag = (content: string | null) =>
        content === null
          ? `<${prefix}si/>`
          : `<${prefix}si>${content.replace(/<(\/?)(?=[a-zA-Z])/g, `<$1${prefix}`)}</${prefix}si>`;
      const xml = `<?xml version="1.0"?><${prefix}sst count="8" uniqueCount="8">${items.map(tag).join('')}</${prefix}sst>`;
      const strings = parseSharedStrings(Buffer.from(xml));
      // Asked past what was found first, then back: each item where the part has it.
      expect(strings.at(7), prefix).toBe('sangría');
      expect(
        expected.map((_, i) => strings.at(i)),
        prefix,
      ).toEqual(expected);
      expect([strings.at(8), strings.at(-1), strings.at(1.5)], prefix).toEqual([null, null, null]);
      // Only the part's start at first, however it is cut: the rest is read when an item lies past it.
      const bytes = Buffer.from(xml);
      for (let cut = 0; cut < bytes.length; cut++) {
        const started = parseSharedStrings(bytes.subarray(0, cut), () => bytes);
        expect(
          expected.map((_, i) => started.at(i)),
          `${prefix} cut at ${cut}`,
        ).toEqual(expected);
      }
    }
  });

  it("keeps a big workbook's shared strings out of the JS heap: a million of them cost no more heap than a few", () => {
    const chunks: Buffer[] = [Buffer.from('<?xml version="1.0"?><sst count="1000000" uniqueCount="1000000">')];
    for (let from = 0; from < 1_000_000; from += 10_000) {
      let part = '';
      for (let i = from; i < from + 10_000; i++) part += `<si><t>Mensaje número ${i}, con texto de ejemplo</t></si>`;
      chunks.push(Buffer.from(part));
    }
    chunks.push(Buffer.from('</sst>'));
    const xml = Buffer.concat(chunks);
    expect(xml.length).toBeGreaterThan(50_000_000);
    const before = process.memoryUsage().heapUsed;
    const strings = parseSharedStrings(xml);
    expect(strings.at(999_999)).toBe('Mensaje número 999999, con texto de ejemplo');
    expect(strings.at(0)).toBe('Mensaje número 0, con texto de ejemplo');
    // The part as one string, or an array of its strings, would be 50 MB or more.
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(16_000_000);
  });

  it("estimates a sheet's rows from the XML read so far where the sheet does not say (exceljs's streaming writer)", async () => {
    const path = join(tempFolder(), 'sin-dimension.xlsx');
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
    const sheet = workbook.addWorksheet('Menciones');
    sheet.addRow(['fecha', 'usuario', 'texto']).commit();
    const count = 60_000;
    for (let i = 0; i < count; i++)
      sheet.addRow([new Date(Date.UTC(2026, 0, 1) + i * 60_000), `@autor${i % 900}`, `mensaje número ${i}`]).commit();
    await workbook.commit();

    const reader = await openReader(path, {});
    const batches = reader.batches();
    // Partway through: the rows read, scaled by the share of the sheet's XML they took.
    for (let read = 0; read < count / 4;) read += ((await batches.next()).value as unknown[]).length;
    const { done, total } = reader.progress();
    expect(done).toBeLessThan(count / 2);
    expect(Math.abs(total - count) / count).toBeLessThan(0.1);
    await batches.return(undefined);
  });

  it('knows date formats from number formats', () => {
    expect(
      ['dd/mm/yyyy', 'yyyy-mm-dd hh:mm:ss', '[$-409]mmmm d, yyyy;@', 'h:mm AM/PM', 'mmm-yy'].map(isDateFormat),
    ).toEqual([true, true, true, true, true]);
    expect(['0.00', '#,##0', '0%', '"días" 0', '[Red]0.00', '@'].map(isDateFormat)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('finds a sheet named in any case, as Excel does, and names the sheets there are when none matches', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Resumen').addRow(['nada']);
    workbook.addWorksheet('Menciones').addRow(['Fecha', 'Texto']);
    const path = join(tempFolder(), 'hojas.xlsx');
    await workbook.xlsx.writeFile(path);
    expect((await openReader(path, { part: 'MENCIONES' })).part).toBe('Menciones');
    await expect(openReader(path, { part: 'Ventas' })).rejects.toThrow(
      /hojas\.xlsx has no sheet "Ventas" \(sheets: Resumen, Menciones\); choose one \(--sheet in the CLI\)/,
    );
  });
});
