import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import type { Cell } from '../../../../shared/domain/import/values';
import { flattenRecord } from './json-records';
import { batched, ImportError, TEXT_BYTES_PER_ROW, type Reader, type FileRecord } from './types';

const HEADER_SCAN_LINES = 200;

/** JSON Lines: one object a line; the columns are the keys of the first lines, nested ones dotted (flattenRecord). */
export async function openJsonl(path: string): Promise<Reader> {
  const name = basename(path);
  const size = statSync(path).size;
  let bytesRead = 0;

  async function* objects(): AsyncGenerator<{ row: number; object: Record<string, Cell> }> {
    const file = createReadStream(path, { encoding: 'utf8' });
    file.on('data', (chunk) => (bytesRead += Buffer.byteLength(chunk as string)));
    let row = 0;
    for await (const line of createInterface({ input: file, crlfDelay: Infinity })) {
      row++;
      if (line.trim() === '') continue;
      let object: unknown;
      try {
        object = JSON.parse(line);
      } catch (error) {
        throw new ImportError({
          code: 'jsonl-line-invalid',
          file: name,
          line: String(row),
          reason: (error as Error).message,
        });
      }
      if (typeof object !== 'object' || object === null || Array.isArray(object))
        throw new ImportError({ code: 'jsonl-line-not-object', file: name, line: String(row) });
      yield { row, object: flattenRecord(object as Record<string, unknown>) };
    }
  }

  const keys = new Set<string>();
  let seen = 0;
  for await (const { object } of objects()) {
    Object.keys(object).forEach((key) => keys.add(key));
    if (++seen >= HEADER_SCAN_LINES) break;
  }
  if (keys.size === 0) throw new ImportError({ code: 'jsonl-empty', file: name });
  const headers = [...keys];
  return {
    format: 'jsonl',
    headers,
    parts: [],
    part: null,
    encoding: 'utf8',
    delimiter: null,
    headerRow: null,
    estimatedRows: Math.floor(size / TEXT_BYTES_PER_ROW),
    progress: () => ({ done: bytesRead, total: size }),
    batches: () => batched(rows()),
  };

  async function* rows(): AsyncGenerator<FileRecord> {
    bytesRead = 0;
    for await (const { row, object } of objects()) yield { row, values: headers.map((key) => object[key] ?? null) };
  }
}
