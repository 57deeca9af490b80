import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '../../../../../helpers/files';
import { testBackend } from '../../../../../helpers/workspace';

/** A real workbook whose sheet gets one more cell, at `ref` (a few bytes: r="ZZZZZZZ2" is column 8 billion). */
async function withCellAt(ref: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Data');
  sheet.addRow(['Fecha', 'Texto']);
  sheet.addRow(['2026-01-05', 'hola']);
  const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
  const xml = (await zip.file('xl/worksheets/sheet1.xml')?.async('string')) ?? '';
  zip.file(
    'xl/worksheets/sheet1.xml',
    xml.replace('</row></sheetData>', `<c r="${ref}" t="inlineStr"><is><t>x</t></is></c></row></sheetData>`),
  );
  const path = join(tempFolder(), `cell-${ref}.xlsx`);
  writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer' }));
  return path;
}

describe("an XLSX with a cell past Excel's last column", () => {
  it('is refused naming the file, by the wizard and the import, instead of taking the process down', async () => {
    const { client } = testBackend();
    const path = await withCellAt('ZZZZZZZ2');
    const inspected = await client.call('import.inspect', { path }).then(
      () => null,
      (e: Error) => e.message,
    );
    expect(inspected).toMatch(
      /^cell-ZZZZZZZ2\.xlsx: cannot read sheet "Data" \(a cell is in column [\d,]+, past Excel's last \(XFD, 16,384\)/,
    );
    const last = await client.runJob('import.start', { path });
    expect(last.message).toMatch(/past Excel's last \(XFD/);
    // The last column itself is fine.
    const edge = await client.call('import.inspect', { path: await withCellAt('XFD2') });
    expect(edge.headers).toEqual(['Fecha', 'Texto']);
  });
});

describe('an XLSX whose part unpacks far beyond its packed size (a compression bomb)', () => {
  it('is refused naming the part before it takes the memory, by the wizard and the import', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Data').addRow(['Fecha', 'Texto']);
    const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
    // 100 MB of one letter packs to about 100 KB: a thousand times, where XML packs 5-20 times.
    zip.file('xl/sharedStrings.xml', Buffer.alloc(100 * 1024 ** 2, 0x61));
    const path = join(tempFolder(), 'bomb.xlsx');
    writeFileSync(
      path,
      await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } }),
    );
    const { client } = testBackend();
    const inspected = await client.call('import.inspect', { path }).then(
      () => null,
      (e: Error) => e.message,
    );
    expect(inspected).toMatch(
      /^bomb\.xlsx: xl\/sharedStrings\.xml would unpack to more than 64 MB \(over 200 times its packed size\)/,
    );
    const last = await client.runJob('import.start', { path });
    expect(last.message).toMatch(/xl\/sharedStrings\.xml would unpack to more than 64 MB/);
  });
});

describe('an XLSX with one giant row', () => {
  it('is refused naming the row once it passes 32 MB, read in one pass (not again for every chunk)', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Data');
    sheet.addRow(['Fecha', 'Texto']);
    sheet.addRow(['2026-01-05', 'hola']);
    const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
    const xml = (await zip.file('xl/worksheets/sheet1.xml')?.async('string')) ?? '';
    // 40 MB of one cell packs to some 40 KB, within the unpacking limit (64 MB): the row's own limit refuses it.
    const giant = `<row r="3"><c r="A3" t="inlineStr"><is><t>${'a'.repeat(40 * 2 ** 20)}</t></is></c></row>`;
    zip.file('xl/worksheets/sheet1.xml', xml.replace('</sheetData>', `${giant}</sheetData>`));
    const path = join(tempFolder(), 'giant-row.xlsx');
    writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    const { client } = testBackend();
    const last = await client.runJob('import.start', { path });
    expect(last.state).toBe('failed');
    expect(last.message).toMatch(/^giant-row\.xlsx: .*row 3 of the sheet is longer than 32 MB of XML/);
    expect((await client.call('workspace.info', {})).counts.messages).toBe(0);
  });
});
