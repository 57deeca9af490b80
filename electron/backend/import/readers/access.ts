import MDBReader from 'mdb-reader';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Cell } from '../../../../shared/domain/import/values';
import {
  batched,
  findPart,
  ImportError,
  PasswordRequired,
  type Reader,
  type FileRecord,
  type ReaderOptions,
} from './types';

const CHUNK = 5000;

/** Access .mdb/.accdb: whole-file (the format needs random access), rows read in chunks. */
export async function openAccess(path: string, options: ReaderOptions): Promise<Reader> {
  const name = basename(path);
  let database: MDBReader;
  let parts: string[];
  const refusePassword = (): never => {
    throw new PasswordRequired(
      options.password === undefined
        ? `${name} is protected by a password: give it (--password, or in the import wizard)`
        : `${name}: the password is not right`,
    );
  };
  try {
    database = new MDBReader(readFileSync(path), options.password === undefined ? {} : { password: options.password });
    parts = database.getTableNames();
  } catch (error) {
    const message = (error as Error).message;
    if (/password|encrypt/i.test(message)) refusePassword();
    throw new ImportError(
      `${name} is not a readable Access database (${message}); it may be corrupt or another kind of file`,
    );
  }
  // An .mdb's database password does not encrypt its pages, so the reader could read on without
  // it; Pulso asks for it as Access does.
  const stored = database.getPassword();
  if (stored !== null && stored !== options.password) refusePassword();
  if (parts.length === 0) throw new ImportError({ code: 'access-no-tables', file: name });
  const part = findPart(parts, options.part, name, 'table');
  let table: ReturnType<MDBReader['getTable']>;
  let headers: string[];
  try {
    table = database.getTable(part);
    headers = table.getColumnNames();
  } catch (error) {
    throw new ImportError({ code: 'table-unreadable', file: name, table: part, reason: (error as Error).message });
  }
  let done = 0;
  return {
    format: 'access',
    headers,
    parts,
    part,
    encoding: null,
    delimiter: null,
    headerRow: null,
    estimatedRows: table.rowCount,
    progress: () => ({ done, total: table.rowCount }),
    batches: () => batched(rows()),
  };

  async function* rows(): AsyncGenerator<FileRecord> {
    for (let offset = 0; offset < table.rowCount; offset += CHUNK) {
      let rows: Record<string, unknown>[];
      try {
        rows = table.getData({ rowOffset: offset, rowLimit: CHUNK });
      } catch (error) {
        throw new ImportError(
          `${name}: table "${part}" is damaged near row ${offset + 2} (${(error as Error).message})`,
        );
      }
      for (const [i, row] of rows.entries()) {
        done = offset + i + 1;
        yield { row: offset + i + 2, values: headers.map((header) => toCell(row[header])) };
      }
    }
  }
}

function toCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date)
    return value;
  if (typeof value === 'bigint') return Number(value);
  if (Buffer.isBuffer(value)) return null; // OLE objects and attachments carry no message data
  return String(value);
}
