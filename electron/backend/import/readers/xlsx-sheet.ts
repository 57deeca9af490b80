import { isAscii } from 'node:buffer';
import type { Cell } from '../../../../shared/domain/import/values';
import { wholeSequencesEnd } from './utf8';
import type { ZipArchive } from './zip';

/**
 * A small reader of the Office Open XML parts an import needs (shared strings, cell styles,
 * one worksheet), streaming the sheet: exceljs's general-purpose reader spent most of an
 * import's time building objects Pulso throws away.
 */

const ENTITIES: Record<string, string> = { quot: '"', apos: "'", lt: '<', gt: '>', amp: '&' };

const isSpace = (code: number): boolean => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;

/** Whether the character after a tag's name ends the name (<c …>, not <col>). */
const isTagEnd = (code: number): boolean => isSpace(code) || code === 0x3e || code === 0x2f;

export function decodeXml(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|quot|apos|lt|gt|amp);/g, (_m, entity: string) =>
    entity[0] === '#'
      ? String.fromCodePoint(entity[1] === 'x' ? parseInt(entity.slice(2), 16) : Number(entity.slice(1)))
      : (ENTITIES[entity] as string),
  );
}

/** The text of every <t> inside a fragment (a shared string item or an inline string), runs joined. */
function textOf(fragment: string): string {
  let text = '';
  for (const match of fragment.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([^<]*)<\/(?:\w+:)?t>/g)) text += match[1];
  // Phonetic runs (<rPh>) are readings for East Asian text, not part of the value.
  return decodeXml(text);
}

/** Whether `bytes` holds `part` at `at` (a few bytes compared here cost less than a call to search them). */
function bytesAt(bytes: Buffer, part: Buffer, at: number): boolean {
  if (at < 0 || at + part.length > bytes.length) return false;
  for (let i = 0; i < part.length; i++) if (bytes[at + i] !== part[i]) return false;
  return true;
}

/** A workbook's shared strings by index; null past the last. */
export interface SharedStrings {
  at(index: number): string | null;
}

const CACHE_SLOTS = 4096;
const PHONETIC_RUN = /<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g;

/**
 * An item's text (the content of its <si>) when it is not one plain run (plainRun): its runs joined, without phonetic
 * ones.
 */
function itemText(item: string): string {
  return textOf(item.includes('rPh') ? item.replace(PHONETIC_RUN, '') : item);
}

/**
 * The shared strings of a workbook's sharedStrings.xml, kept as its bytes (`start`, and `rest`
 * giving the whole part when an item lies past them): each item is found when first asked for
 * (planning asks for a sheet's first rows only) and decoded when asked, the last few thousand
 * kept. A big sheet's million strings stay one buffer outside the JS heap, where an array of them
 * (and the part as one string before that) passed the reading thread's heap cap.
 */
export function parseSharedStrings(start: Buffer, rest?: () => Buffer): SharedStrings {
  let xml = start;
  /** Reads on into the rest of the part, when there is more of it. */
  function more(): boolean {
    if (!rest) return false;
    xml = rest();
    rest = undefined;
    return true;
  }
  const root = (): RegExpExecArray | null => /<(\w+:)?sst\b/.exec(xml.toString('utf8', 0, Math.min(xml.length, 4096)));
  const prefix = (root() ?? (more() ? root() : null))?.[1] ?? '';
  const open = Buffer.from(`<${prefix}si`);
  const close = Buffer.from(`</${prefix}si>`);
  const runOpen = Buffer.from(`<${prefix}t`);
  const runClose = Buffer.from(`</${prefix}t>`);

  /** The text of an item that is one plain run, <t>…</t>, read from its bytes; null for any other. */
  function plainRun(bytes: Buffer, from: number, to: number): string | null {
    const textEnd = to - runClose.length;
    if (
      !bytesAt(bytes, runOpen, from) ||
      !isTagEnd(bytes[from + runOpen.length] as number) ||
      !bytesAt(bytes, runClose, textEnd)
    )
      return null;
    const tagEnd =
      bytes[from + runOpen.length] === 0x3e ? from + runOpen.length : bytes.indexOf(0x3e, from + runOpen.length);
    if (tagEnd < 0 || tagEnd >= textEnd || bytes[tagEnd - 1] === 0x2f || bytes.indexOf(0x3c, tagEnd) !== textEnd)
      return null;
    return decodeXml(bytes.toString('utf8', tagEnd + 1, textEnd));
  }
  /** Where each item found so far starts and ends in the bytes: its content, between its tags. */
  let bounds = new Uint32Array(2048);
  let found = 0;
  let scanned = 0;
  // The last item decoded in each of a few thousand slots: a column of a few repeated values (a network, a kind)
  // decodes each once.
  const cachedIndex = new Int32Array(CACHE_SLOTS).fill(-1);
  const cachedText: string[] = new Array<string>(CACHE_SLOTS);

  function scanTo(index: number): boolean {
    while (found <= index) {
      // Items follow one another: the next one most often starts where the last ended, <si>.
      const at = bytesAt(xml, open, scanned) ? scanned : xml.indexOf(open, scanned);
      const tagEnd =
        at < 0 ? -1 : xml[at + open.length] === 0x3e ? at + open.length : xml.indexOf(0x3e, at + open.length);
      if (tagEnd < 0) {
        if (more()) continue;
        scanned = xml.length;
        return false;
      }
      if (!isTagEnd(xml[at + open.length] as number)) {
        scanned = at + open.length;
        continue;
      }
      const empty = xml[tagEnd - 1] === 0x2f; // <si/>
      const end = empty ? tagEnd + 1 : xml.indexOf(close, tagEnd);
      if (end < 0) {
        if (more()) continue;
        scanned = xml.length;
        return false;
      }
      if (2 * found + 2 > bounds.length) {
        const grown = new Uint32Array(bounds.length * 2);
        grown.set(bounds);
        bounds = grown;
      }
      bounds[2 * found] = tagEnd + 1;
      bounds[2 * found + 1] = empty ? tagEnd + 1 : end;
      found++;
      scanned = empty ? end : end + close.length;
    }
    return true;
  }

  return {
    at(index) {
      if (!Number.isInteger(index) || index < 0) return null;
      const slot = index & (CACHE_SLOTS - 1);
      if (cachedIndex[slot] === index) return cachedText[slot] as string;
      if (index >= found && !scanTo(index)) return null;
      const text =
        plainRun(xml, bounds[2 * index] as number, bounds[2 * index + 1] as number) ??
        itemText(xml.toString('utf8', bounds[2 * index], bounds[2 * index + 1]));
      cachedIndex[slot] = index;
      cachedText[slot] = text;
      return text;
    },
  };
}

/** Compressed bytes of the strings inflated first: planning reads a sheet's first rows, whose strings come first. */
const STRINGS_START = 1 << 20;

export function sharedStrings(zip: ZipArchive): SharedStrings {
  const part = 'xl/sharedStrings.xml';
  const start = zip.readStart(part, STRINGS_START);
  if (!start) return { at: () => null };
  return parseSharedStrings(start.data, start.complete ? undefined : () => zip.read(part) as Buffer);
}

const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58,
]);

/** A number format shows a date or time when it has d, m, y, h or s outside quotes, escapes and [colour] blocks. */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\\.|\[[^\]]*\]|_.|\*./g, '');
  return /[dmyhs]/i.test(bare) && !/^[#0.,%E+\-\s]*$/i.test(bare);
}

/** For each cell style index (the s attribute), whether its number format is a date. */
export function dateStyles(zip: ZipArchive): boolean[] {
  const xml = zip.read('xl/styles.xml')?.toString('utf8');
  if (!xml) return [];
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<(?:\w+:)?numFmt\b[^>]*\bnumFmtId="(\d+)"[^>]*\bformatCode="([^"]*)"/g))
    custom.set(Number(m[1]), decodeXml(m[2] as string));
  const cellXfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(xml)?.[1] ?? '';
  return [...cellXfs.matchAll(/<(?:\w+:)?xf\b([^>]*)/g)].map((m) => {
    const id = Number(/\bnumFmtId="(\d+)"/.exec(m[1] as string)?.[1] ?? 0);
    const code = custom.get(id);
    return code === undefined ? BUILTIN_DATE_FORMATS.has(id) : isDateFormat(code);
  });
}

/** The zip path of each sheet by name, through the workbook's relationships. */
export function sheetPaths(zip: ZipArchive): { names: string[]; paths: Map<string, string>; date1904: boolean } | null {
  const workbook = zip.read('xl/workbook.xml')?.toString('utf8');
  if (!workbook) return null;
  const rels = zip.read('xl/_rels/workbook.xml.rels')?.toString('utf8') ?? '';
  const targets = new Map(
    [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => [
      /\bId="([^"]*)"/.exec(m[0])?.[1],
      /\bTarget="([^"]*)"/.exec(m[0])?.[1],
    ]),
  );
  const names: string[] = [];
  const paths = new Map<string, string>();
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = decodeXml(/\bname="([^"]*)"/.exec(m[0])?.[1] ?? '');
    const target = targets.get(/\br:id="([^"]*)"|\bid="([^"]*)"/.exec(m[0])?.slice(1).find(Boolean));
    names.push(name);
    if (target) paths.set(name, target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`);
  }
  return { names, paths, date1904: /<(?:\w+:)?workbookPr\b[^>]*\bdate1904="(1|true)"/.test(workbook) };
}

export interface SheetContext {
  strings: SharedStrings;
  dates: boolean[];
  date1904: boolean;
}

const DAY = 86_400_000;

/** Where the value of the attribute `name` (' t="', say) starts in a tag's text, or -1. */
function attributeAt(tag: string, name: string): number {
  const at = tag.indexOf(name);
  return at < 0 ? -1 : at + name.length;
}

/**
 * The most XML one row may take: Excel's own widest rows (16,384 cells of a few characters) take a few hundred KB.
 */
const MAX_ROW_CHARS = 32 * 2 ** 20;

/** How many columns an Excel sheet has (A to XFD). */
const EXCEL_COLUMNS = 16_384;

/** The column letters at `at` ("B7" → 1), 0-based. */
function columnAt(xml: string, at: number): number {
  let index = 0;
  for (let code = xml.charCodeAt(at); code >= 65 && code <= 90; code = xml.charCodeAt(++at))
    index = index * 26 + (code - 64);
  return index - 1;
}

/** The digits at `at` as a number ("3" of s="3"). */
function numberAt(xml: string, at: number): number {
  let value = 0;
  for (let code = xml.charCodeAt(at); code >= 48 && code <= 57; code = xml.charCodeAt(++at))
    value = value * 10 + (code - 48);
  return value;
}

/** Where the digits at `at` end. */
function digitsEndAt(xml: string, at: number): number {
  let end = at;
  for (let code = xml.charCodeAt(end); code >= 48 && code <= 57; code = xml.charCodeAt(++end));
  return end;
}

type CellType = 'n' | 's' | 'str' | 'b' | 'e' | 'inlineStr';

/** A cell's t attribute, read in place; any other type reads as a number would. */
function typeAt(xml: string, at: number): CellType {
  const quoteAt = xml.indexOf('"', at);
  switch (quoteAt - at) {
    case 1:
      return xml[at] === 's' ? 's' : xml[at] === 'b' ? 'b' : xml[at] === 'e' ? 'e' : 'n';
    case 3:
      return xml.startsWith('str', at) ? 'str' : 'n';
    case 9:
      return xml.startsWith('inlineStr', at) ? 'inlineStr' : 'n';
    default:
      return 'n';
  }
}

/** What a cell's tag says: its column (-1 when it does not say), type and style; set by readCellTag. */
const cellTag: { column: number; type: CellType; style: number } = { column: -1, type: 'n', style: 0 };

/**
 * Reads a cell tag's r, t and s attributes in one pass, from `at` (just after "<c") to its ">",
 * into cellTag; other attributes' values are skipped whole. Returns where the ">" is, or -1.
 */
function readCellTag(xml: string, at: number): number {
  cellTag.column = -1;
  cellTag.type = 'n';
  cellTag.style = 0;
  for (let i = at; i < xml.length; i++) {
    const code = xml.charCodeAt(i);
    if (code === 0x3e) return i;
    if (code !== 0x3d || xml.charCodeAt(i + 1) !== 0x22) continue;
    const valueAt = i + 2;
    // A one-letter name: whitespace, the letter, =".
    if (isSpace(xml.charCodeAt(i - 2))) {
      const name = xml.charCodeAt(i - 1);
      if (name === 0x72) cellTag.column = columnAt(xml, valueAt);
      else if (name === 0x74) cellTag.type = typeAt(xml, valueAt);
      else if (name === 0x73) cellTag.style = numberAt(xml, valueAt);
    }
    i = xml.indexOf('"', valueAt);
    if (i < 0) return -1;
  }
  return -1;
}

/** The value of a cell of this type and style whose content is [bodyStart, bodyEnd) of the chunk, read in place. */
function cellValue(
  type: CellType,
  style: number,
  xml: string,
  bodyStart: number,
  bodyEnd: number,
  v: { open: string; close: string },
  context: SheetContext,
): Cell {
  if (type === 'inlineStr') return bodyStart < bodyEnd ? textOf(xml.slice(bodyStart, bodyEnd)) : null;
  const open = xml.indexOf(v.open, bodyStart);
  if (open < 0 || open >= bodyEnd) return null;
  const valueStart = xml.indexOf('>', open) + 1;
  if (xml.charCodeAt(valueStart - 2) === 0x2f) return null; // <v/>
  if (type === 's') {
    // Most cells of most sheets: the index read where it stands, without a string made of it.
    const digitsEnd = digitsEndAt(xml, valueStart);
    if (digitsEnd > valueStart && xml.startsWith(v.close, digitsEnd))
      return context.strings.at(numberAt(xml, valueStart));
  }
  const raw = xml.slice(valueStart, xml.indexOf(v.close, valueStart));
  switch (type) {
    case 's':
      return context.strings.at(Number(raw));
    case 'str':
      return decodeXml(raw);
    case 'b':
      return raw === '1';
    case 'e':
      return null;
    default: {
      if (raw === '') return null;
      const number = Number(raw);
      if (!Number.isFinite(number)) return decodeXml(raw);
      if (!context.dates[style]) return number;
      // Serial days since 1899-12-30 (or 1904-01-01), as the wall time Excel shows, read as UTC.
      return new Date(Math.round((number + (context.date1904 ? 1462 : 0) - 25569) * DAY));
    }
  }
}

/** The tags of a sheet, with the namespace prefix its writer gave them ("x:" in some, none in most). */
function tagsFor(prefix: string) {
  return {
    prefix,
    row: `<${prefix}row`,
    rowEnd: `</${prefix}row>`,
    cell: `<${prefix}c`,
    cellEnd: `</${prefix}c>`,
    v: { open: `<${prefix}v`, close: `</${prefix}v>` },
  };
}

/**
 * The cells of a row's content, by column: a scan for tags, each cell's attributes and value read
 * where they stand in the chunk (regular expressions, then a string per attribute, then a string
 * per tag searched once per attribute, were most of the reading).
 */
function rowCells(
  xml: string,
  from: number,
  to: number,
  tags: ReturnType<typeof tagsFor>,
  context: SheetContext,
): Cell[] {
  const values: Cell[] = [];
  let next = 0;
  for (let at = xml.indexOf(tags.cell, from); at >= 0 && at < to; at = xml.indexOf(tags.cell, at + 1)) {
    if (!isTagEnd(xml.charCodeAt(at + tags.cell.length))) continue; // <col…>, say
    const tagEnd = readCellTag(xml, at + tags.cell.length);
    if (tagEnd < 0) break;
    const { type, style } = cellTag;
    const column = cellTag.column < 0 ? next : cellTag.column;
    // Excel's last column is XFD: a cell past it (r="ZZZZZZZ2") would make an array of billions of cells.
    if (column >= EXCEL_COLUMNS)
      throw new Error(
        `a cell is in column ${column + 1}, past Excel's last (XFD, ${EXCEL_COLUMNS.toLocaleString('en')}): the file is damaged or crafted`,
      );
    const empty = xml.charCodeAt(tagEnd - 1) === 0x2f;
    const bodyEnd = empty ? tagEnd : xml.indexOf(tags.cellEnd, tagEnd);
    while (values.length < column) values.push(null);
    values[column] = empty ? null : cellValue(type, style, xml, tagEnd + 1, bodyEnd, tags.v, context);
    next = column + 1;
    at = bodyEnd;
  }
  return values;
}

/**
 * Decodes a sheet's UTF-8 chunk by chunk, a character straddling two chunks carried over. A chunk of ASCII alone (a
 * sheet whose texts are all shared strings is tags and numbers) is copied byte for byte, not decoded: a few ms where
 * Node's UTF-8 decoder took 210 for the bench's sheet (tests/bench/MEASUREMENTS.md).
 */
function sheetDecoder(): { write(chunk: Buffer): string; end(): string } {
  let carry: Buffer | null = null;
  return {
    write(chunk) {
      const bytes = carry ? Buffer.concat([carry, chunk]) : chunk;
      carry = null;
      if (isAscii(bytes)) return bytes.toString('latin1');
      const end = wholeSequencesEnd(bytes);
      if (end < bytes.length) carry = bytes.subarray(end);
      return bytes.toString('utf8', 0, end);
    },
    end() {
      const rest = carry?.toString('utf8') ?? '';
      carry = null;
      return rest;
    },
  };
}

export interface SheetRow {
  number: number;
  values: Cell[];
}

/**
 * The rows of a worksheet part as they stream out of the zip, those of each chunk together: each with its 1-based
 * number and cells by column.
 */
export async function* worksheetRows(sheet: AsyncIterable<Buffer>, context: SheetContext): AsyncGenerator<SheetRow[]> {
  const decoder = sheetDecoder();
  let tags: ReturnType<typeof tagsFor> | null = null;
  let pending = '';
  let lastNumber = 0;
  // The chunks of a row whose end has not come yet, kept apart: added to `pending` one by one, a giant row would be
  // copied and searched again for every chunk that lengthens it.
  const longRow = { number: 0, chunks: [] as string[], length: 0, tail: '' };
  for await (const chunk of sheet) {
    const text = decoder.write(chunk);
    if (tags && longRow.number > 0) {
      const width = tags.rowEnd.length;
      const ends = text.includes(tags.rowEnd) || (longRow.tail + text.slice(0, width)).includes(tags.rowEnd);
      longRow.tail = text.length >= width ? text.slice(-width) : (longRow.tail + text).slice(-width);
      if (!ends) {
        longRow.chunks.push(text);
        longRow.length += text.length;
        if (pending.length + longRow.length > MAX_ROW_CHARS)
          throw new Error(
            `row ${longRow.number} of the sheet is longer than ${MAX_ROW_CHARS / 2 ** 20} MB of XML, which no spreadsheet writes: the file is damaged or crafted; nothing imported`,
          );
        continue;
      }
      pending += longRow.chunks.join('') + text;
      Object.assign(longRow, { number: 0, chunks: [], length: 0 });
    } else pending += text;
    if (!tags) {
      const data = /<(\w+:)?sheetData\b/.exec(pending);
      if (!data) continue;
      tags = tagsFor(data[1] ?? '');
    }
    // Only whole rows are read; what follows the last one waits for the next chunk.
    const rows: SheetRow[] = [];
    let consumed = 0;
    // Rows follow one another: the next one most often starts where the last ended.
    const rowOpen = tags.row;
    const nextRow = (): number =>
      pending.startsWith(rowOpen, consumed) ? consumed : pending.indexOf(rowOpen, consumed);
    for (let at = nextRow(); at >= 0; at = nextRow()) {
      if (at + tags.row.length >= pending.length) break;
      if (!isTagEnd(pending.charCodeAt(at + tags.row.length))) {
        consumed = at + tags.row.length;
        continue;
      }
      const tagEnd = pending.indexOf('>', at);
      if (tagEnd < 0) break;
      const rowTag = pending.slice(at, tagEnd);
      const numberFrom = attributeAt(rowTag, ' r="');
      const number = numberFrom < 0 ? lastNumber + 1 : numberAt(rowTag, numberFrom);
      const empty = pending.charCodeAt(tagEnd - 1) === 0x2f;
      const end = empty ? tagEnd + 1 : pending.indexOf(tags.rowEnd, tagEnd);
      if (end < 0) {
        Object.assign(longRow, { number, tail: pending.slice(-tags.rowEnd.length) });
        break;
      }
      lastNumber = number;
      rows.push({ number, values: empty ? [] : rowCells(pending, tagEnd + 1, end, tags, context) });
      consumed = empty ? end : end + tags.rowEnd.length;
    }
    pending = pending.slice(consumed);
    if (rows.length > 0) yield rows;
  }
  pending += longRow.chunks.join('');
  // A sheet cut short (a row half written, no end of the data) would import its first rows only.
  pending += decoder.end();
  if (!tags || !new RegExp(`</${tags.prefix}sheetData>|<${tags.prefix}sheetData\\s*/>`).test(pending))
    throw new Error('the sheet ends before its last row: the file is cut short; nothing imported');
}
