import type { Source } from '../../../../shared/domain/vocabulary';
import type { TextEncoding } from '../../../../shared/api/import';
import type { Cell } from '../../../../shared/domain/import/values';

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
export class ImportError extends Error {
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
  if (found === undefined) throw new ImportError(`${name} has no ${kind} "${wanted}" (${kind}s: ${parts.join(', ')})`);
  return found;
}
