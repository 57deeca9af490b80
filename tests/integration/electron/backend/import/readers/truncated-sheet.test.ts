import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '../../../../../helpers/files';
import { testBackend } from '../../../../../helpers/workspace';

/** A workbook whose zip is whole but whose sheet's XML stops mid-row, as a tool that crashed writes it. */
async function cutSheet(path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Data');
  sheet.addRow(['Fecha', 'Texto']);
  for (let i = 0; i < 40; i++) sheet.addRow([`2026-01-0${(i % 9) + 1}`, `mensaje número ${i}`]);
  const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
  const xml = await zip.file('xl/worksheets/sheet1.xml')?.async('string');
  if (!xml) throw new Error('no sheet1.xml');
  zip.file('xl/worksheets/sheet1.xml', xml.slice(0, xml.indexOf('<row r="30"') + 40));
  writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer' }));
}

describe('an XLSX whose sheet is cut short inside an intact zip', () => {
  it('is refused whole, naming the file and sheet, instead of importing its first rows', async () => {
    const path = join(tempFolder(), 'cut-sheet.xlsx');
    await cutSheet(path);
    const { client } = testBackend();
    const last = await client.runJob('import.start', { path });
    expect(last.state).toBe('failed');
    expect(last.message).toBe(
      'cut-sheet.xlsx: cannot read sheet "Data" (the sheet ends before its last row: the file is cut short; nothing imported)',
    );
    expect((await client.call('workspace.info', {})).counts.messages).toBe(0);
  });
});
