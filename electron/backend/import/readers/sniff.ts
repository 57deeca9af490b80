import { isUtf8 } from 'node:buffer';
import { wholeSequencesEnd } from './utf8';
/** Pure guesses about a text file from its first bytes: its encoding and its delimiter. */
import { ImportError } from './types';
import type { TextEncoding } from '../../../../shared/api/import';

export type { TextEncoding };

export function sniffEncoding(head: Uint8Array, name: string): { encoding: TextEncoding; bomLength: number } {
  const utf32 =
    (head[0] === 0xff && head[1] === 0xfe && head[2] === 0 && head[3] === 0) ||
    (head[0] === 0 && head[1] === 0 && head[2] === 0xfe && head[3] === 0xff);
  if (utf32) throw new ImportError({ code: 'file-utf32', file: name });
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf8', bomLength: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf16le', bomLength: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf16be', bomLength: 2 };
  // UTF-16 without a BOM: ASCII text leaves every other byte zero.
  let evenZeros = 0;
  let oddZeros = 0;
  const pairs = Math.min(head.length, 4096) >> 1;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (head[i] === 0) evenZeros++;
    if (head[i + 1] === 0) oddZeros++;
  }
  if (pairs > 8 && oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return { encoding: 'utf16le', bomLength: 0 };
  if (pairs > 8 && evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return { encoding: 'utf16be', bomLength: 0 };
  // Text with UTF-8 characters and a few other bytes mixes encodings: read as UTF-8, it is refused naming the line,
  // where Windows-1252 would turn every "atención" into "atenciÃ³n".
  return { encoding: isUtf8Text(head) || hasUtf8Characters(head) ? 'utf8' : 'windows1252', bomLength: 0 };
}

/** Whether bytes hold a multi-byte UTF-8 character (Windows-1252 text almost never does). */
function hasUtf8Characters(bytes: Uint8Array): boolean {
  for (let i = 0; i + 1 < bytes.length; i++) {
    const byte = bytes[i] as number;
    if (byte >= 0xc2 && byte <= 0xf4 && ((bytes[i + 1] as number) & 0xc0) === 0x80) return true;
  }
  return false;
}

function isUtf8Text(bytes: Uint8Array): boolean {
  // The sample may end inside a character: only its whole sequences are checked.
  return isUtf8(bytes.subarray(0, wholeSequencesEnd(bytes)));
}

const DELIMITERS = [',', ';', '\t', '|'] as const;

/**
 * Excel's delimiter line, "sep=;" alone on the first line (tools and users add it so Excel opens
 * the file in columns whatever its region's list separator): the delimiter, and the line with its
 * line break, which is not part of the table (Excel does not show it: the header stays row 1).
 */
export function delimiterHint(sample: string): { delimiter: string; line: string } | null {
  const hint = /^"?sep=([^\r\n"])"?(\r\n|\n|\r)/i.exec(sample);
  return hint ? { delimiter: hint[1] as string, line: hint[0] } : null;
}

/**
 * Per line, how often each delimiter stands outside quotes: the one whose most common count
 * (above zero) the most lines share wins, the higher count on a tie. Not the first line's count:
 * report tools write title lines above the table.
 */
export function sniffDelimiter(sample: string): string {
  // Tab-separated text may hold quotes that open and never close, which would throw the count below off: the same
  // number of tabs on every line is a TSV, whatever its quotes.
  const raw = sample
    .split(/\r?\n/)
    .slice(0, -1) // the last line of a sample may be cut
    .slice(0, 30)
    .filter((line) => line !== '');
  const tabs = raw.map((line) => line.split('\t').length - 1);
  if (raw.length >= 2 && (tabs[0] as number) > 0 && tabs.every((count) => count === tabs[0])) return '\t';
  const lines = logicalLines(sample).slice(0, 30);
  let best: string = ',';
  let bestScore = -1;
  for (const delimiter of DELIMITERS) {
    const lineCounts = new Map<number, number>();
    for (const line of lines) {
      const count = countOutsideQuotes(line, delimiter);
      if (count > 0) lineCounts.set(count, (lineCounts.get(count) ?? 0) + 1);
    }
    for (const [count, sharing] of lineCounts) {
      const score = (sharing / lines.length) * 1000 + count;
      if (score > bestScore) [best, bestScore] = [delimiter, score];
    }
  }
  return best;
}

/** Lines of a CSV sample, joining line breaks inside quotes; the last, maybe cut, is dropped. */
function logicalLines(sample: string): string[] {
  const lines: string[] = [];
  let current = '';
  let quoted = false;
  for (const char of sample) {
    if (char === '"') quoted = !quoted;
    if ((char === '\n' || char === '\r') && !quoted) {
      if (current !== '') lines.push(current);
      current = '';
    } else current += char;
  }
  return lines.length > 1 ? lines : [...lines, current].filter(Boolean);
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let count = 0;
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (char === delimiter && !quoted) count++;
  }
  return count;
}

/**
 * Whether a tab-separated sample quotes its cells as CSV does (Excel's "Text (Tab delimited)" does, for cells with
 * tabs, line breaks or quotes): every cell that starts with a quote ends with one, inner quotes doubled. Most TSV has
 * no quoting at all: a research corpus's `"Hola" dijo` is text, and read as a quoted cell it would swallow the rows
 * after it.
 */
export function tsvQuotesCells(sample: string): boolean {
  let quotedCells = 0;
  for (let at = 0; at < sample.length; at++) {
    const cellStart = at === 0 || sample[at - 1] === '\t' || sample[at - 1] === '\n';
    if (!cellStart || sample[at] !== '"') continue;
    let end = at + 1;
    for (;;) {
      end = sample.indexOf('"', end);
      if (end < 0) return quotedCells > 0; // the sample ends inside the cell
      if (sample[end + 1] === '"') end += 2;
      else break;
    }
    const after = sample[end + 1];
    if (after !== undefined && after !== '\t' && after !== '\n' && after !== '\r') return false;
    quotedCells++;
    at = end;
  }
  return quotedCells > 0;
}
