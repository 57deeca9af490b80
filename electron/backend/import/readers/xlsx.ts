import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import { MAX_HEADER_ROW } from '../../../../shared/api/import';
import type { Cell } from '../../../../shared/domain/import/values';
import {
  headerLayout,
  HEADER_SCAN_ROWS,
  ImportError,
  XLSX_BYTES_PER_ROW,
  findPart,
  type Reader,
  type FileRecord,
  type ReaderOptions,
} from './types';
import { dateStyles, sharedStrings, sheetPaths, worksheetRows, type SheetContext, type SheetRow } from './xlsx-sheet';
import { openZip as openArchive, PartTooLarge, type ZipArchive } from './zip';

const notAWorkbook = (path: string, error: unknown): ImportError =>
  error instanceof PartTooLarge
    ? new ImportError(`${basename(path)}: ${error.message}`)
    : new ImportError({ code: 'workbook-invalid', file: basename(path), reason: (error as Error).message });

/** The workbook's zip, its directory read once; refuses what is not a workbook. */
function openZip(path: string): ZipArchive {
  try {
    return openArchive(path);
  } catch (error) {
    throw notAWorkbook(path, error);
  }
}

export async function openXlsx(path: string, options: ReaderOptions): Promise<Reader> {
  const name = basename(path);
  const zip = openZip(path);
  let workbook: ReturnType<typeof sheetPaths>;
  try {
    workbook = sheetPaths(zip);
  } catch (error) {
    throw notAWorkbook(path, error);
  }
  if (!workbook) throw new ImportError({ code: 'workbook-no-workbook', file: name });
  const parts = workbook.names;
  if (parts.length === 0) throw new ImportError({ code: 'workbook-no-sheets', file: name });
  const part = findPart(parts, options.part, name, 'sheet');
  const sheetPath = workbook.paths.get(part) ?? '';
  if (!zip.names.includes(sheetPath)) throw new ImportError({ code: 'sheet-missing', file: name, sheet: part });
  const sheet = (): Readable => zip.stream(sheetPath) as Readable;
  let context: SheetContext;
  try {
    context = { strings: sharedStrings(zip), dates: dateStyles(zip), date1904: workbook.date1904 };
  } catch (error) {
    throw notAWorkbook(path, error);
  }
  let rowsRead = 0;
  let bytesRead = 0;
  async function* counted(stream: Readable): AsyncGenerator<Buffer> {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytesRead += chunk.length;
      yield chunk;
    }
  }

  async function* sheetRows(): AsyncGenerator<SheetRow[]> {
    bytesRead = 0;
    try {
      for await (const rows of worksheetRows(counted(sheet()), context)) {
        rowsRead = (rows[rows.length - 1] as SheetRow).number;
        yield rows;
      }
    } catch (error) {
      if (error instanceof ImportError) throw error;
      throw new ImportError({ code: 'sheet-unreadable', file: name, sheet: part, reason: (error as Error).message });
    }
  }

  // The first rows, to find the header in; down to the row the request names, when it names one.
  const wanted = options.headerRow;
  const head: SheetRow[] = [];
  for await (const rows of sheetRows()) {
    head.push(...rows.slice(0, (wanted === undefined ? HEADER_SCAN_ROWS : MAX_HEADER_ROW) - head.length));
    const last = head[head.length - 1];
    if (
      wanted === undefined
        ? head.length >= HEADER_SCAN_ROWS
        : !last || last.number >= wanted || head.length >= MAX_HEADER_ROW
    )
      break;
  }
  if (head.length === 0) throw new ImportError({ code: 'sheet-empty', file: name, sheet: part });
  const found = wanted ? head.find((row) => row.number === wanted) : head[0];
  if (!found || found.values.every((cell) => cell === null || String(cell).trim() === '')) {
    throw new ImportError({ code: 'sheet-header-row-blank', file: name, row: String(wanted), sheet: part });
  }
  // Rows as numbered in the sheet, blank ones in their places, for the layout to count from the first.
  const first = (head[0] as SheetRow).number;
  const byNumber: Cell[][] = [];
  for (const row of head) byNumber[row.number - first] = row.values;
  const { headers, headerRow, descriptionRow } = headerLayout(
    Array.from(byNumber, (row) => row ?? []),
    wanted,
    first,
  );
  const total = await dimensionRows(sheet);
  // Without a <dimension> (exceljs's streaming writer leaves it out), the rows so far scaled by the sheet's XML read.
  const sheetBytes = zip.size(sheetPath) ?? 0;
  const totalRows = (): number =>
    total || (bytesRead > 0 && sheetBytes > 0 ? Math.round((rowsRead * sheetBytes) / bytesRead) : 0);

  return {
    // Some writers leave out the sheet's <dimension>: then the zipped size tells roughly.
    format: 'xlsx',
    headers,
    parts,
    part,
    encoding: null,
    delimiter: null,
    headerRow,
    descriptionRow,
    estimatedRows: total || Math.floor(statSync(path).size / XLSX_BYTES_PER_ROW),
    progress: () => ({ done: rowsRead, total: Math.max(totalRows(), rowsRead) }),
    batches,
  };

  /** The records below the header, blank rows left out, a chunk of the sheet at a time. */
  async function* batches(): AsyncGenerator<FileRecord[]> {
    for await (const rows of sheetRows()) {
      const records: FileRecord[] = [];
      for (const row of rows) {
        if (row.number <= headerRow || row.number === descriptionRow) continue;
        if (row.values.every((cell) => cell === null || cell === '')) continue;
        records.push({ row: row.number, values: row.values });
      }
      if (records.length > 0) yield records;
    }
  }
}

/** Rows in a sheet as its <dimension> says (for progress only; 0 when absent). */
async function dimensionRows(open: () => Readable): Promise<number> {
  const stream = open();
  try {
    let head = '';
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      head += chunk.toString('utf8');
      if (head.length > 2000) break;
    }
    const match = /<(?:\w+:)?dimension ref="[A-Z]+\d+:[A-Z]+(\d+)"/.exec(head);
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  } finally {
    stream.destroy();
  }
}
