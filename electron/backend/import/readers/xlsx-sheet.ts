import type JSZip from 'jszip';
import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import type { Cell } from '../../../../shared/domain/import/values';

/**
 * A small reader of the Office Open XML parts an import needs (shared strings, cell styles,
 * one worksheet), streaming the sheet: exceljs's general-purpose reader spent most of an
 * import's time building objects Pulso throws away.
 */

const ENTITIES: Record<string, string> = { quot: '"', apos: "'", lt: '<', gt: '>', amp: '&' };

export function decodeXml(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|quot|apos|lt|gt|amp);/g, (_m, entity: string) =>
    entity[0] === '#' ? String.fromCodePoint(entity[1] === 'x' ? parseInt(entity.slice(2), 16) : Number(entity.slice(1))) : (ENTITIES[entity] as string));
}

/** The text of every <t> inside a fragment (a shared string item or an inline string), runs joined. */
function textOf(fragment: string): string {
  let text = '';
  for (const match of fragment.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([^<]*)<\/(?:\w+:)?t>/g)) text += match[1];
  // Phonetic runs (<rPh>) are readings for East Asian text, not part of the value.
  return decodeXml(text);
}

export async function sharedStrings(zip: JSZip): Promise<string[]> {
  const xml = await zip.file('xl/sharedStrings.xml')?.async('string');
  if (!xml) return [];
  return [...xml.matchAll(/<(?:\w+:)?si>([\s\S]*?)<\/(?:\w+:)?si>/g)].map((m) => textOf((m[1] as string).replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '')));
}

const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** A number format shows a date or time when it has d, m, y, h or s outside quotes, escapes and [colour] blocks. */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\\.|\[[^\]]*\]|_.|\*./g, '');
  return /[dmyhs]/i.test(bare) && !/^[#0.,%E+\-\s]*$/i.test(bare);
}

/** For each cell style index (the s attribute), whether its number format is a date. */
export async function dateStyles(zip: JSZip): Promise<boolean[]> {
  const xml = await zip.file('xl/styles.xml')?.async('string');
  if (!xml) return [];
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<(?:\w+:)?numFmt\b[^>]*\bnumFmtId="(\d+)"[^>]*\bformatCode="([^"]*)"/g)) custom.set(Number(m[1]), decodeXml(m[2] as string));
  const cellXfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(xml)?.[1] ?? '';
  return [...cellXfs.matchAll(/<(?:\w+:)?xf\b([^>]*)/g)].map((m) => {
    const id = Number(/\bnumFmtId="(\d+)"/.exec(m[1] as string)?.[1] ?? 0);
    const code = custom.get(id);
    return code === undefined ? BUILTIN_DATE_FORMATS.has(id) : isDateFormat(code);
  });
}

/** The zip path of each sheet by name, through the workbook's relationships. */
export async function sheetPaths(zip: JSZip): Promise<{ names: string[]; paths: Map<string, string>; date1904: boolean } | null> {
  const workbook = await zip.file('xl/workbook.xml')?.async('string').catch(() => undefined);
  if (!workbook) return null;
  const rels = (await zip.file('xl/_rels/workbook.xml.rels')?.async('string')) ?? '';
  const targets = new Map([...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => [/\bId="([^"]*)"/.exec(m[0])?.[1], /\bTarget="([^"]*)"/.exec(m[0])?.[1]]));
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

/** Column letters of a cell reference as a 0-based index ("B7" → 1). */
function columnIndex(reference: string): number {
  let index = 0;
  for (let i = 0; i < reference.length; i++) {
    const code = reference.charCodeAt(i);
    if (code < 65 || code > 90) break;
    index = index * 26 + (code - 64);
  }
  return index - 1;
}

export interface SheetContext { strings: string[]; dates: boolean[]; date1904: boolean }

const ROW = /<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g;
const CELL = /<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
const VALUE = /<(?:\w+:)?v(?:\s[^>]*)?>([^<]*)<\/(?:\w+:)?v>/;
const DAY = 86_400_000;

function cellValue(attributes: string, body: string | undefined, context: SheetContext): Cell {
  const type = /\bt="(\w+)"/.exec(attributes)?.[1] ?? 'n';
  if (type === 'inlineStr') return body ? textOf(body) : null;
  const raw = body === undefined ? undefined : VALUE.exec(body)?.[1];
  if (raw === undefined) return null;
  switch (type) {
    case 's': return context.strings[Number(raw)] ?? null;
    case 'str': return decodeXml(raw);
    case 'b': return raw === '1';
    case 'e': return null;
    default: {
      const number = Number(raw);
      if (!Number.isFinite(number)) return decodeXml(raw);
      const style = Number(/\bs="(\d+)"/.exec(attributes)?.[1] ?? 0);
      if (!context.dates[style]) return number;
      // Serial days since 1899-12-30 (or 1904-01-01), as the wall time Excel shows, read as UTC.
      return new Date(Math.round((number + (context.date1904 ? 1462 : 0) - 25569) * DAY));
    }
  }
}

/** The rows of a worksheet part as they stream out of the zip: each with its 1-based number and cells by column. */
export async function* worksheetRows(file: JSZip.JSZipObject, context: SheetContext): AsyncGenerator<{ number: number; values: Cell[] }> {
  const rowPattern = new RegExp(ROW.source, 'g');
  const decoder = new StringDecoder('utf8'); // a character may straddle two chunks
  let pending = '';
  let lastNumber = 0;
  const parse = (row: RegExpExecArray): { number: number; values: Cell[] } => {
    const number = Number(/\br="(\d+)"/.exec(row[1] as string)?.[1] ?? lastNumber + 1);
    lastNumber = number;
    const values: Cell[] = [];
    let next = 0;
    for (const cell of (row[2] ?? '').matchAll(CELL)) {
      const attributes = cell[1] as string;
      const reference = /\br="([A-Z]+)\d*"/.exec(attributes)?.[1];
      const at = reference ? columnIndex(reference) : next;
      while (values.length < at) values.push(null);
      values[at] = cellValue(attributes, cell[2], context);
      next = at + 1;
    }
    return { number, values };
  };
  // JSZip's stream is an old-style one: wrapped, it can be iterated (and backs off while rows are handled).
  for await (const chunk of new Readable({ read() {} }).wrap(file.nodeStream()) as AsyncIterable<Buffer>) {
    pending += decoder.write(chunk);
    // Only whole rows match; what follows the last one waits for the next chunk.
    rowPattern.lastIndex = 0;
    let consumed = 0;
    for (let row = rowPattern.exec(pending); row; row = rowPattern.exec(pending)) {
      consumed = rowPattern.lastIndex;
      yield parse(row);
    }
    pending = pending.slice(consumed);
  }
}
