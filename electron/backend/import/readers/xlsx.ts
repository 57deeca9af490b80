import JSZip from 'jszip';
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Cell } from '../../../../shared/domain/import/values';
import { batched, ImportError, XLSX_BYTES_PER_ROW, type Reader, type SourceRecord, type ReaderOptions } from './types';
import { dateStyles, sharedStrings, sheetPaths, worksheetRows, type SheetContext } from './xlsx-sheet';

const HEADER_SCAN_ROWS = 20;

/** The workbook's zip, opened once for its sheet list and sizes; refuses what is not a workbook. */
async function openZip(path: string): Promise<JSZip> {
  try {
    return await JSZip.loadAsync(readFileSync(path));
  } catch (error) {
    throw new ImportError(`${basename(path)} is not a valid Excel workbook (${(error as Error).message}); it may be truncated or another kind of file`);
  }
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
  const workbook = await sheetPaths(zip);
  if (!workbook) throw new ImportError(`${name} is not a valid Excel workbook: it has no xl/workbook.xml`);
  const parts = workbook.names;
  if (parts.length === 0) throw new ImportError(`${name} has no sheets`);
  const part = options.part ?? (parts[0] as string);
  if (!parts.includes(part)) throw new ImportError(`${name} has no sheet "${part}" (sheets: ${parts.join(', ')})`);
  const sheet = zip.file(workbook.paths.get(part) ?? '');
  if (!sheet) throw new ImportError(`${name}: sheet "${part}" is missing from the workbook; it may be truncated`);
  let context: SheetContext;
  try {
    context = { strings: await sharedStrings(zip), dates: await dateStyles(zip), date1904: workbook.date1904 };
  } catch (error) {
    throw new ImportError(`${name} is not a valid Excel workbook (${(error as Error).message}); it may be truncated or another kind of file`);
  }
  let rowsRead = 0;

  async function* sheetRows(): AsyncGenerator<{ number: number; values: Cell[] }> {
    try {
      for await (const row of worksheetRows(sheet as JSZip.JSZipObject, context)) {
        rowsRead = row.number;
        yield row;
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
  const total = await dimensionRows(sheet);

  return {
    // Some writers leave out the sheet's <dimension>: then the zipped size tells roughly.
    format: 'xlsx', headers, parts, part, encoding: null, delimiter: null, estimatedRows: total || Math.floor(statSync(path).size / XLSX_BYTES_PER_ROW),
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
async function dimensionRows(file: JSZip.JSZipObject): Promise<number> {
  try {
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
    const match = /<(?:\w+:)?dimension ref="[A-Z]+\d+:[A-Z]+(\d+)"/.exec(head);
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}
