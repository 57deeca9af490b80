import { parse } from 'csv-parse';
import { createReadStream, openSync, readSync, closeSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import iconv from 'iconv-lite';
import { ImportError, type Reader } from './types';
import { sniffDelimiter, sniffEncoding } from './sniff';

const SNIFF_BYTES = 64 * 1024;

function readHead(path: string, bytes: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    return buffer.subarray(0, readSync(fd, buffer, 0, bytes, 0));
  } finally {
    closeSync(fd);
  }
}

/** CSV and TSV, streamed: any of the usual encodings and delimiters, quoted line breaks. */
export async function openCsv(path: string): Promise<Reader> {
  const name = basename(path);
  const size = statSync(path).size;
  const head = readHead(path, SNIFF_BYTES);
  const { encoding, bomLength } = sniffEncoding(head);
  const delimiter = sniffDelimiter(iconv.decode(head.subarray(bomLength), encoding));
  let bytesRead = 0;

  const stream = () => {
    const file = createReadStream(path, { start: bomLength, highWaterMark: 1 << 20 });
    file.on('data', (chunk) => (bytesRead += chunk.length));
    const parser = parse({ delimiter, relax_column_count: true, skip_empty_lines: true, info: true });
    file.on('error', (error) => parser.destroy(error));
    file.pipe(iconv.decodeStream(encoding)).pipe(parser);
    return parser as AsyncIterable<{ record: string[]; info: { records: number; lines: number } }>;
  };

  let headers: string[] = [];
  try {
    for await (const { record } of stream()) {
      headers = record.map((h) => h.trim());
      break;
    }
  } catch (error) {
    throw new ImportError(`${name}: ${(error as Error).message}`);
  }
  if (headers.length === 0) throw new ImportError(`${name} is empty: there is no header row`);

  return {
    format: 'csv', headers, parts: [], part: null, encoding, delimiter,
    progress: () => ({ done: bytesRead + bomLength, total: size }),
    async *records() {
      bytesRead = 0;
      let first = true;
      try {
        for await (const { record, info } of stream()) {
          if (first) {
            first = false;
            continue;
          }
          yield { row: info.records, values: record };
        }
      } catch (error) {
        const { message } = error as Error & { lines?: number };
        throw new ImportError(`${name}: ${message}`);
      }
    },
  };
}
