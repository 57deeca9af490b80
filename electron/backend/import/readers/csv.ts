import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { Transform } from 'node:stream';
import { isUtf8, transcode } from 'node:buffer';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import {
  headerLayout,
  type HeaderLayout,
  HEADER_SCAN_ROWS,
  ImportError,
  TEXT_BYTES_PER_ROW,
  type Reader,
  type ReaderOptions,
  type FileRecord,
} from './types';
import { delimiterHint, sniffDelimiter, sniffEncoding, tsvQuotesCells } from './sniff';
import { firstInvalidUtf8, wholeSequencesEnd } from './utf8';

const SNIFF_BYTES = 64 * 1024;
/**
 * A chunk's rows live until the last of them is planned and posted: at 1 MiB (4,000-5,000 rows) they outlived two of
 * the reading thread's young-generation collections and were promoted, and collecting them again took a tenth of an
 * import's instructions (figures: tests/bench/MEASUREMENTS.md).
 */
const CHUNK_BYTES = 1 << 16;
const LONG_ROW_CHUNK_BYTES = 1 << 26;

/** The file's bytes in pieces of at least `size.bytes` (as it is when a piece starts). */
function gather(size: { bytes: number }): Transform {
  let pieces: Buffer[] = [];
  let length = 0;
  const piece = (): Buffer => {
    const joined = pieces.length === 1 ? (pieces[0] as Buffer) : Buffer.concat(pieces, length);
    pieces = [];
    length = 0;
    return joined;
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      pieces.push(chunk);
      length += chunk.length;
      done(null, length >= size.bytes ? piece() : undefined);
    },
    flush(done) {
      done(null, length > 0 ? piece() : undefined);
    },
  });
}

function readHead(path: string, bytes: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    return buffer.subarray(0, readSync(fd, buffer, 0, bytes, 0));
  } finally {
    closeSync(fd);
  }
}

/**
 * The file's text as it streams. UTF-8 (most files) a chunk of whole characters at a time: a chunk with no character
 * beyond U+00FF (most of them) through ICU's transcoding to Latin-1, into a string of one byte a character, which
 * every step after (lower-casing, matching, binding, the copy to the writer) reads faster; a chunk with one (an emoji,
 * a curly quote) through TextDecoder, whose string is two bytes a character as Node's own decoder's would be, in a
 * sixth of its time. Other encodings through iconv-lite (figures: tests/bench/MEASUREMENTS.md).
 */
function decodeStream(
  encoding: string,
  seen: { wide: boolean },
  onBadByte: (offset: number) => Error,
): NodeJS.ReadWriteStream {
  if (encoding !== 'utf8') {
    seen.wide = true; // iconv-lite's strings, and UTF-16's, are all two bytes a character
    return iconv.decodeStream(encoding);
  }
  // Its streaming mode is the fast one; each chunk given ends on a whole character, so it holds nothing back. A
  // U+FEFF starting a chunk is text: the file's own mark was skipped before (dataStart).
  const wideDecoder = new TextDecoder('utf-8', { ignoreBOM: true });
  // Checked as it streams: a byte that is not UTF-8 refuses the file, where a decoder would store U+FFFD.
  let carry: Buffer = Buffer.alloc(0);
  let checked = 0;
  // Strings out, as iconv-lite's stream gives them: pushed with the readable side's own encoding, they stay strings.
  return new Transform({
    encoding: 'utf8',
    transform(chunk: Buffer, _encoding, done) {
      const bytes = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
      const whole = bytes.subarray(0, wholeSequencesEnd(bytes));
      if (!isUtf8(whole)) return done(onBadByte(checked + firstInvalidUtf8(whole)));
      checked += whole.length;
      carry = Buffer.from(bytes.subarray(whole.length));
      let text: string;
      if (BEYOND_LATIN1.test(whole.toString('latin1'))) {
        seen.wide = true;
        text = wideDecoder.decode(whole, { stream: true });
      } else text = transcode(whole, 'utf8', 'latin1').toString('latin1');
      if (text.length > 0) this.push(text, 'utf8');
      done();
    },
    flush(done) {
      done(carry.length > 0 ? onBadByte(checked) : null);
    },
  });
}

/** The first byte of a UTF-8 character beyond U+00FF, read as Latin-1 (the checked bytes are UTF-8). */
const BEYOND_LATIN1 = /[\xc4-\xf4]/;
/** A code unit beyond U+00FF (an emoji has two): V8 stores a string with one two bytes a character. */
const WIDE = /[\u0100-\uffff]/;
/** Cells shorter than this gain less from narrowing than its test costs. */
const NARROW_FROM = 32;

/**
 * A cell is cut from its chunk's text, and V8 keeps it two bytes a character when that text has
 * any character beyond U+00FF (one emoji or curly quote in a megabyte does it), as all of
 * iconv-lite's and UTF-16's text is. A long cell without such characters is copied through
 * Latin-1 into a string of one byte a character: lower-casing, matching, the copy to the writer
 * and SQLite's binding all read it faster (figures: tests/bench/MEASUREMENTS.md).
 */
function narrow(values: string[]): void {
  for (let i = 0; i < values.length; i++) {
    const cell = values[i] as string;
    if (cell.length >= NARROW_FROM && !WIDE.test(cell)) values[i] = Buffer.from(cell, 'latin1').toString('latin1');
  }
}

type Chunk = { rows: string[][]; errors: Papa.ParseError[]; wide: boolean };

/** The line a byte is on (counted once, when a file is refused for it). */
function lineOf(path: string, offset: number): number {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(Math.min(offset, 1 << 20));
    let line = 1;
    for (let at = 0; at < offset;) {
      const read = readSync(fd, buffer, 0, Math.min(buffer.length, offset - at), at);
      if (read <= 0) break;
      for (let i = 0; i < read; i++) if (buffer[i] === 0x0a) line++;
      at += read;
    }
    return line;
  } finally {
    closeSync(fd);
  }
}

const notUtf8 = (path: string, offset: number): ImportError =>
  new ImportError({
    code: 'not-utf8',
    file: basename(path),
    line: String(lineOf(path, offset)),
    byte: String(offset + 1),
  });

/**
 * CSV and TSV, streamed in chunks: any of the usual encodings and delimiters, quoted line breaks
 * and doubled quotes (papaparse: several times faster than the alternatives measured here).
 */
export async function openCsv(path: string, options: ReaderOptions = {}): Promise<Reader> {
  const name = basename(path);
  const size = statSync(path).size;
  const head = readHead(path, SNIFF_BYTES);
  const sniffed = sniffEncoding(head, name);
  const encoding = options.encoding ?? sniffed.encoding;
  const bomLength = sniffed.bomLength;
  const sample = iconv.decode(head.subarray(bomLength), encoding);
  const hint = delimiterHint(sample);
  const delimiter = hint?.delimiter ?? sniffDelimiter(sample);
  // Tab-separated files mostly have no quoting: a quote is then text (papaparse's fast mode splits on tabs alone).
  const unquoted = delimiter === '\t' && !tsvQuotesCells(sample);
  // Where the rows start: after the BOM and the hint line, which is not a row.
  const dataStart = bomLength + (hint ? iconv.encode(hint.line, encoding).length : 0);
  let bytesRead = 0;

  /** Parsed chunks, pulled one at a time: the parser pauses until the consumer asks for more. */
  async function* chunks(): AsyncGenerator<Chunk> {
    const file = createReadStream(path, { start: dataStart, highWaterMark: CHUNK_BYTES });
    file.on('data', (data) => (bytesRead = dataStart + (file.bytesRead ?? data.length)));
    const seen = { wide: false };
    const size = { bytes: CHUNK_BYTES };
    const text = file
      .pipe(gather(size))
      .pipe(decodeStream(encoding, seen, (offset) => notUtf8(path, dataStart + offset)));
    text.on('error', (error) => push(error));
    const queue: (Chunk | Error | null)[] = [];
    let wake: (() => void) | null = null;
    let parser: Papa.Parser | null = null;
    const push = (item: Chunk | Error | null): void => {
      queue.push(item);
      wake?.();
    };
    file.on('error', (error) => push(error));
    Papa.parse(text as unknown as Papa.LocalFile, {
      // Blank lines are kept to be counted (rows are numbered as Excel shows them), then left out.
      delimiter,
      ...(unquoted ? { fastMode: true } : {}),
      skipEmptyLines: false,
      chunk: (result: Papa.ParseResult<string[]>, handle: Papa.Parser) => {
        parser = handle;
        handle.pause();
        // Papa parses a row cut by the chunk's end again from its start with the next chunk: a row longer than a chunk
        // is given chunks twice as long until it ends, so it is parsed a few times over, not once a chunk.
        size.bytes = result.data.length === 0 ? Math.min(size.bytes * 2, LONG_ROW_CHUNK_BYTES) : CHUNK_BYTES;
        // Papa's pause stops parsing, not the stream: pausing the decoder backs the pipe up to the
        // file, or the whole file would be read into memory while the consumer is busy elsewhere.
        text.pause();
        push({ rows: result.data, errors: result.errors, wide: seen.wide });
      },
      complete: () => push(null),
      error: (error: Error) => push(error),
    });
    try {
      for (;;) {
        if (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
        const item = queue.shift();
        if (item === null || item === undefined) return;
        if (item instanceof ImportError) throw item;
        if (item instanceof Error) throw new ImportError(`${name}: ${item.message}`);
        yield item;
        text.resume();
        (parser as Papa.Parser | null)?.resume();
      }
    } finally {
      (parser as Papa.Parser | null)?.abort();
      file.destroy();
    }
  }

  // Below any title or report lines a tool writes above the table (the records before it are not rows).
  let layout: HeaderLayout = { headers: [], headerRow: 1, descriptionRow: null };
  const wanted = options.headerRow;
  const scanned = (wanted ?? 0) + HEADER_SCAN_ROWS;
  // The first chunks' records, as many as the header is looked for in (long lines: more than one chunk).
  const firstRecords: string[][] = [];
  scan: for await (const chunk of chunks()) {
    for (const record of chunk.rows) {
      // One by one, not spread: a chunk after a long row can hold millions of short ones.
      firstRecords.push(record);
      // Stopped here, not at the next chunk's first record: that chunk would be read (after a long row, a large one).
      if (firstRecords.length >= scanned) break scan;
    }
  }
  if (firstRecords.length > 0) {
    layout = headerLayout(firstRecords, wanted);
    const row = wanted ? firstRecords[wanted - 1] : undefined;
    if (wanted && (!row || row.every((cell) => cell.trim() === ''))) {
      throw new ImportError({
        code: row ? 'header-row-blank' : 'header-row-past-end',
        file: name,
        row: String(wanted),
      });
    }
  }
  const { headers, headerRow, descriptionRow } = layout;
  if (headers.length === 0) throw new ImportError({ code: 'file-no-header', file: name });

  return {
    format: 'csv',
    headers,
    parts: [],
    part: null,
    encoding,
    delimiter,
    headerRow,
    descriptionRow,
    estimatedRows: Math.floor(size / TEXT_BYTES_PER_ROW),
    progress: () => ({ done: bytesRead, total: size }),
    async *batches() {
      let row = 0; // records counted from 1, the header and any lines above it included
      for await (const chunk of chunks()) {
        const quoteError = chunk.errors.find((error) => error.type === 'Quotes');
        if (quoteError) {
          const at = { file: name, row: String(row + (quoteError.row ?? 0) + 1) };
          throw new ImportError(
            quoteError.code === 'MissingQuotes'
              ? { code: 'quote-unclosed', ...at }
              : { code: 'quote-text-after', ...at, reason: quoteError.message },
          );
        }
        const batch: FileRecord[] = [];
        for (const values of chunk.rows) {
          row++;
          if (row <= headerRow || row === descriptionRow || (values.length === 1 && values[0] === '')) continue;
          if (chunk.wide) narrow(values);
          batch.push({ row, values });
        }
        yield batch;
      }
    },
  };
}
