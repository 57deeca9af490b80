import type { Source } from '../../../../shared/domain/vocabulary';
import type { TextEncoding } from '../../../../shared/api/import';
import type { Cell } from '../../../../shared/domain/import/values';
import { ProblemError } from '../../../../shared/api/refusals';
import type { FileProblem } from '../../../../shared/domain/import/problems';

export type FileFormat = 'csv' | 'xlsx' | 'access' | 'jsonl' | 'archive';

export interface FileRecord {
  /** The row number a person sees in the file (1-based, header and title rows counted). */
  row: number;
  values: Cell[];
}

export interface Reader {
  format: FileFormat;
  headers: string[];
  /** Choices the file offers: its sheets or tables, and which one is read. */
  parts: string[];
  part: string | null;
  encoding: string | null;
  delimiter: string | null;
  /** The row the header is on (as Excel numbers rows), for files whose tables may start lower: CSV and XLSX. */
  headerRow: number | null;
  /** A row under the header describing the columns (analytics exports), skipped: CSV and XLSX. */
  descriptionRow?: number | null;
  /** The network every record is from, where the format says it (a network's own archive). */
  source?: Source;
  /** Records after the header, streamed in batches (per-record awaits cost more than the parsing). */
  batches(): AsyncGenerator<FileRecord[]>;
  /** How far reading has got: bytes for text files, rows for the others. */
  progress(): { done: number; total: number };
  /** Roughly how many records there are (from the size where the file does not say), to choose how to write them. */
  estimatedRows: number;
}

export interface ReaderOptions {
  /** Sheet (XLSX) or table (Access) to read; the first by default. */
  part?: string | undefined;
  /** An Access database's password. */
  password?: string | undefined;
  /** The row the header is on, where the reader's guess (findHeaderRow) is wrong. */
  headerRow?: number | undefined;
  /** A CSV's encoding, where the guess from its first bytes is wrong. */
  encoding?: TextEncoding | undefined;
}

/** A file that cannot be read, with a message that names it (and the row, where there is one). */
export class ImportError extends ProblemError<FileProblem> {
  override name = 'ImportError';
}

/** A file that needs a password the request did not give (or gave wrong). */
export class PasswordRequired extends ImportError {
  override name = 'PasswordRequired';
}

export const BATCH_SIZE = 2000;
/** A social-media row of a text file is rarely shorter; a zipped XLSX row, about this long. */
export const TEXT_BYTES_PER_ROW = 120;
export const XLSX_BYTES_PER_ROW = 100;

/** Rows read to find the header below a file's title or report lines. */
export const HEADER_SCAN_ROWS = 20;

/**
 * The header is the first row that fills most of the columns with text, below any title rows (else the first row with
 * any text).
 */
export function findHeaderRow(rows: readonly (readonly Cell[])[]): number {
  const filled = rows.map((row) => row.filter((cell) => typeof cell === 'string' && cell.trim() !== '').length);
  const widest = Math.max(0, ...rows.map((row) => row.filter((cell) => cell !== null && cell !== '').length));
  const index = filled.findIndex((n) => n >= 2 && n >= widest * 0.6);
  return index >= 0
    ? index
    : Math.max(
        0,
        filled.findIndex((n) => n > 0),
      );
}

/** Excel's names for the columns of a file without a header: A, B, … Z, AA, AB, … */
export function columnLetters(count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    let name = '';
    for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
    return name;
  });
}

const isNumberText = (text: string): boolean => /^[+-]?\d+([.,]\d+)?$/.test(text);
const cellString = (cell: Cell | undefined): string =>
  cell === null || cell === undefined ? '' : cell instanceof Date ? cell.toISOString() : String(cell).trim();

/**
 * Whether the row taken for the header is data: column names are short words, while a record has ids (4 or more
 * digits), dates, or sentences.
 */
export function looksLikeData(row: readonly Cell[]): boolean {
  return row.some((cell) => {
    if (typeof cell === 'number' || cell instanceof Date) return true;
    const text = cellString(cell);
    return (
      /^\d{4,}$/.test(text) || (text.length > 40 && text.includes(' ')) || /^\d{1,4}[-/]\d{1,2}[-/]\d{1,4}/.test(text)
    );
  });
}

/**
 * Whether the row under the header describes the columns instead of holding data (analytics exports put one there):
 * text in at least two columns whose rows below are numbers.
 */
export function isDescriptionRow(row: readonly Cell[] | undefined, below: readonly (readonly Cell[])[]): boolean {
  if (!row || below.length === 0) return false;
  let described = 0;
  row.forEach((cell, column) => {
    const text = cellString(cell);
    if (text === '' || isNumberText(text) || typeof cell === 'number') return;
    const values = below.map((values) => cellString(values[column])).filter((value) => value !== '');
    if (values.length > 0 && values.filter(isNumberText).length >= values.length * 0.8) described++;
  });
  return described >= 2;
}

export interface HeaderLayout {
  headers: string[];
  /** The row of the column names as Excel numbers rows; 0 when the file has none (columns are then A, B, C…). */
  headerRow: number;
  /** The row under the names that describes them, skipped; null when there is none. */
  descriptionRow: number | null;
}

/**
 * Where a table's column names are among its first rows (`first` is the number of rows[0]): the row the user named
 * (0: none), else the one findHeaderRow finds unless it looks like data; and a description row under it.
 */
export function headerLayout(rows: readonly (readonly Cell[])[], wanted: number | undefined, first = 1): HeaderLayout {
  const width = Math.max(0, ...rows.map((row) => row.length));
  const index = wanted === undefined ? findHeaderRow(rows) : wanted - first;
  if (wanted === 0 || (wanted === undefined && looksLikeData(rows[index] ?? []))) {
    return { headers: columnLetters(width), headerRow: 0, descriptionRow: null };
  }
  const headers = (rows[index] ?? []).map(cellString);
  const described = isDescriptionRow(rows[index + 1], rows.slice(index + 2));
  return { headers, headerRow: index + first, descriptionRow: described ? index + first + 1 : null };
}

/** Records one at a time, for code that reads only a few. */
export async function* records(reader: Reader): AsyncGenerator<FileRecord> {
  for await (const batch of reader.batches()) yield* batch;
}

/** Groups records into batches. */
export async function* batched(
  records: AsyncIterable<FileRecord> | Iterable<FileRecord>,
): AsyncGenerator<FileRecord[]> {
  let batch: FileRecord[] = [];
  for await (const record of records) {
    batch.push(record);
    if (batch.length >= BATCH_SIZE) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/**
 * The sheet or table a user named, matched as Excel and Access match names: without regard to case. Refused naming
 * the ones there are when none matches.
 */
export function findPart(parts: readonly string[], wanted: string | undefined, name: string, kind: string): string {
  if (wanted === undefined) return parts[0] as string;
  const found =
    parts.find((part) => part === wanted) ?? parts.find((part) => part.toLowerCase() === wanted.toLowerCase());
  if (found === undefined)
    throw new ImportError(
      `${name} has no ${kind} "${wanted}" (${kind}s: ${parts.join(', ')}); choose one (--${kind} in the CLI)`,
    );
  return found;
}
