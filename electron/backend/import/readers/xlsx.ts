import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Cell } from '../../../../shared/domain/import/values';
import { batched, ImportError, type Reader, type SourceRecord, type ReaderOptions } from './types';

const HEADER_SCAN_ROWS = 20;

/** The workbook's zip, opened once for its sheet list and sizes; refuses what is not a workbook. */
async function openZip(path: string): Promise<JSZip> {
  try {
    return await JSZip.loadAsync(readFileSync(path));
  } catch (error) {
    throw new ImportError(`${basename(path)} is not a valid Excel workbook (${(error as Error).message}); it may be truncated or another kind of file`);
  }
}

/** Sheet names from the workbook part, without parsing any sheet. */
async function sheetNames(zip: JSZip, name: string): Promise<string[]> {
  const workbook = await zip.file('xl/workbook.xml')?.async('string').catch(() => undefined);
  if (!workbook) throw new ImportError(`${name} is not a valid Excel workbook: it has no xl/workbook.xml`);
  return [...workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*\bname="([^"]*)"/g)].map((m) => decodeXml(m[1] as string));
}

function decodeXml(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

type ExcelValue = ExcelJS.CellValue;

/** An exceljs cell value as a plain cell: formulas by their result, rich text as text. */
function toCell(value: ExcelValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return toCell((value.result ?? null) as ExcelValue);
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('error' in value) return null;
  }
  return String(value);
}

/** The header is the first row that fills most of the columns with text, below any title rows. */
export function findHeaderRow(rows: Cell[][]): number {
  const filled = rows.map((row) => row.filter((cell) => typeof cell === 'string' && cell.trim() !== '').length);
  const widest = Math.max(0, ...rows.map((row) => row.filter((cell) => cell !== null && cell !== '').length));
  const index = filled.findIndex((n) => n >= 2 && n >= widest * 0.6);
  return index < 0 ? 0 : index;
}

export async function openXlsx(path: string, options: ReaderOptions): Promise<Reader> {
  const name = basename(path);
  const zip = await openZip(path);
  const parts = await sheetNames(zip, name);
  if (parts.length === 0) throw new ImportError(`${name} has no sheets`);
  const part = options.part ?? (parts[0] as string);
  if (!parts.includes(part)) throw new ImportError(`${name} has no sheet "${part}" (sheets: ${parts.join(', ')})`);
  let rowsRead = 0;

  async function* sheetRows(): AsyncGenerator<{ number: number; values: Cell[] }> {
    const workbook = new ExcelJS.stream.xlsx.WorkbookReader(path, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
    try {
      for await (const sheet of workbook) {
        if ((sheet as unknown as { name: string }).name !== part) continue;
        for await (const row of sheet) {
          rowsRead = row.number;
          const values = (row.values as ExcelValue[]).slice(1).map(toCell); // exceljs rows are 1-based
          yield { number: row.number, values };
        }
        return;
      }
    } catch (error) {
      if (error instanceof ImportError) throw error;
      throw new ImportError(`${name}: cannot read sheet "${part}" (${(error as Error).message})`);
    }
  }

  const head: { number: number; values: Cell[] }[] = [];
  for await (const row of sheetRows()) {
    head.push(row);
    if (head.length >= HEADER_SCAN_ROWS) break;
  }
  if (head.length === 0) throw new ImportError(`${name}: sheet "${part}" is empty`);
  const headerAt = findHeaderRow(head.map((row) => row.values));
  const headerRow = head[headerAt] as { number: number; values: Cell[] };
  const headers = headerRow.values.map((cell) => (cell === null ? '' : String(cell).trim()));
  const total = await dimensionRows(zip, parts.indexOf(part));

  return {
    format: 'xlsx', headers, parts, part, encoding: null, delimiter: null,
    progress: () => ({ done: rowsRead, total: Math.max(total, rowsRead) }),
    batches: () => batched(rows()),
  };

  async function* rows(): AsyncGenerator<SourceRecord> {
    for await (const row of sheetRows()) {
      if (row.number <= headerRow.number) continue;
      if (row.values.every((cell) => cell === null || cell === '')) continue;
      yield { row: row.number, values: row.values };
    }
  }
}

/** Rows in a sheet as its <dimension> says (for progress only; 0 when absent). */
async function dimensionRows(zip: JSZip, sheetIndex: number): Promise<number> {
  try {
    const file = zip.file(`xl/worksheets/sheet${sheetIndex + 1}.xml`);
    if (!file) return 0;
    const head = await new Promise<string>((resolve) => {
      let text = '';
      const stream = file.nodeStream();
      stream.on('data', (chunk: Buffer) => {
        text += chunk.toString('utf8');
        if (text.length > 2000) {
          stream.pause();
          resolve(text);
        }
      });
      stream.on('end', () => resolve(text));
    });
    const match = /<dimension ref="[A-Z]+\d+:[A-Z]+(\d+)"/.exec(head);
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}
