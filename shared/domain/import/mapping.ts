import { z } from 'zod';
import { ENTITY_ROLES, SOURCES, type Source } from '../vocabulary';
import type { Temperature } from '../temperature';
import type { Kind } from '../vocabulary';
import { DATE_FIELDS, FIELD_NAMES, REQUIRED_FIELDS, fieldForHeader, type Field } from './fields';
import { detectDateOrder, parseDate } from './dates';
import { cellText, detectTemperatureScale, parseCount, parseKind, parseSource, parseTemperature, type Cell } from './values';

/** Which column (by header) feeds each field, and how to read values the file cannot tell. */
export const mappingSchema = z.object({
  columns: z.partialRecord(z.enum(FIELD_NAMES as [Field, ...Field[]]), z.string().min(1)),
  dateOrder: z.enum(['dmy', 'mdy']).optional(),
  temperatureScale: z.enum(['signed', 'five']).optional(),
  /** The network when the file has no source column (a Twitter export, say). */
  source: z.enum(SOURCES).optional(),
  /** Role of entities first named by an entity column. */
  entityRole: z.enum(ENTITY_ROLES).optional(),
}).strict();
export type Mapping = z.infer<typeof mappingSchema>;

/** The longest text Pulso keeps in a cell: Excel's own cell limit. */
export const MAX_CELL_CHARS = 32_767;

export interface CellError { field: Field; column: string; message: string }

export interface MappedRow {
  externalId: string | null;
  source: Source;
  author: { handle: string; name: string | null; followers: number | null; region: string | null; ageBand: string | null; sex: string | null };
  postedAt: number;
  text: string;
  url: string | null;
  language: string | null;
  likes: number | null;
  shares: number | null;
  replies: number | null;
  replyToExternalId: string | null;
  temperature: Temperature | null;
  kind: Kind | null;
  annotator: string | null;
  case: { type: string; status: string | null; department: string | null; openedAt: number | null; firstResponseAt: number | null; resolvedAt: number | null } | null;
  entity: string | null;
  topic: string | null;
}

/** The row as it will be stored (nulls where a cell cannot be read) and the cells that cannot. */
export interface RowResult { row: MappedRow; errors: CellError[] }

/** Column positions of the mapped fields; refuses a mapping naming missing or repeated headers. */
export function resolveColumns(headers: readonly string[], mapping: Mapping): { ok: true; index: Partial<Record<Field, number>> } | { ok: false; error: string } {
  const index: Partial<Record<Field, number>> = {};
  for (const field of REQUIRED_FIELDS) {
    if (!mapping.columns[field]) return { ok: false, error: `no column is mapped to ${field} (columns: ${headers.join(', ')})` };
  }
  for (const [field, header] of Object.entries(mapping.columns) as [Field, string][]) {
    const positions = headers.flatMap((name, i) => (name === header ? [i] : []));
    if (positions.length === 0) return { ok: false, error: `column "${header}" (for ${field}) is not in the file (columns: ${headers.join(', ')})` };
    if (positions.length > 1) {
      return { ok: false, error: `the header "${header}" names ${positions.length} columns (${positions.map(columnLetter).join(', ')}); rename them so each is unique` };
    }
    index[field] = positions[0] as number;
  }
  return { ok: true, index };
}

export function columnLetter(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** Turns one record into a message, or says which cells cannot be read. Pure. */
export function mapRow(values: readonly Cell[], index: Partial<Record<Field, number>>, mapping: Mapping, timeZone: string): RowResult {
  const errors: CellError[] = [];
  const cell = (field: Field): Cell => {
    const at = index[field];
    return at === undefined ? null : (values[at] ?? null);
  };
  const text = (field: Field): string | null => {
    const value = cellText(cell(field));
    if (value.length > MAX_CELL_CHARS) {
      errors.push({ field, column: mapping.columns[field] as string, message: `cell has ${value.length.toLocaleString('en')} characters; the limit is ${MAX_CELL_CHARS.toLocaleString('en')}` });
      return null;
    }
    return value === '' ? null : value;
  };
  const read = <T>(field: Field, parsed: { ok: true; value: T } | { ok: false; error: string }): T | null => {
    if (parsed.ok) return parsed.value;
    errors.push({ field, column: mapping.columns[field] as string, message: parsed.error });
    return null;
  };
  const date = (field: Field): number | null => read(field, parseDate(cell(field), mapping.dateOrder ?? null, timeZone));

  const body = text('text');
  if (body === null && !errors.some((e) => e.field === 'text')) errors.push({ field: 'text', column: mapping.columns.text as string, message: 'text is empty' });
  const postedAt = date('postedAt');
  if (postedAt === null && !errors.some((e) => e.field === 'postedAt')) errors.push({ field: 'postedAt', column: mapping.columns.postedAt as string, message: 'date is empty' });

  const caseType = text('caseType');
  const caseStatus = text('caseStatus');
  const caseDates = DATE_FIELDS.slice(1).map(date) as [number | null, number | null, number | null];
  const row: MappedRow = {
    externalId: text('externalId'),
    source: index.source !== undefined ? parseSource(cell('source')) : (mapping.source ?? 'other'),
    author: {
      handle: text('authorHandle') ?? '(unknown)',
      name: text('authorName'),
      followers: read('followers', parseCount(cell('followers'))),
      region: text('region'),
      ageBand: text('ageBand'),
      sex: text('sex'),
    },
    postedAt: postedAt ?? 0,
    text: body ?? '',
    url: text('url'),
    language: text('language'),
    likes: read('likes', parseCount(cell('likes'))),
    shares: read('shares', parseCount(cell('shares'))),
    replies: read('replies', parseCount(cell('replies'))),
    replyToExternalId: text('replyTo'),
    temperature: read('temperature', parseTemperature(cell('temperature'), mapping.temperatureScale ?? null)),
    kind: read('kind', parseKind(cell('kind'))),
    annotator: text('annotator'),
    case: caseType || caseStatus || caseDates[0]
      ? { type: caseType ?? 'general', status: caseStatus, department: text('department'), openedAt: caseDates[0], firstResponseAt: caseDates[1], resolvedAt: caseDates[2] }
      : null,
    entity: text('entity'),
    topic: text('topic'),
  };
  return { row, errors };
}

export interface DetectedMapping {
  mapping: Mapping;
  /** Required fields no column could be placed on. */
  missing: Field[];
}

const looksLikeDate = (value: Cell): boolean =>
  value instanceof Date || (typeof value === 'string' && parseDate(value, 'dmy', 'UTC').ok && /\d/.test(value));

/** Places columns on fields from their header names (es/en), then from their values. */
export function detectMapping(headers: readonly string[], sample: readonly (readonly Cell[])[]): DetectedMapping {
  const columns: Mapping['columns'] = {};
  headers.forEach((header) => {
    const field = fieldForHeader(header);
    if (field && !columns[field]) columns[field] = header;
  });
  const used = new Set(Object.values(columns));
  const column = (i: number): Cell[] => sample.map((row) => row[i] ?? null).filter((v) => cellText(v) !== '');
  if (!columns.postedAt) {
    const i = headers.findIndex((h, i) => !used.has(h) && column(i).length > 0 && column(i).every(looksLikeDate));
    if (i >= 0) columns.postedAt = headers[i];
  }
  if (!columns.text) {
    let best = -1;
    let bestLength = 20; // a text column holds sentences, not codes
    headers.forEach((h, i) => {
      if (used.has(h) || h === columns.postedAt) return;
      const values = column(i).map(cellText);
      const mean = values.reduce((sum, v) => sum + v.length, 0) / Math.max(1, values.length);
      if (mean > bestLength && values.some((v) => v.includes(' '))) [best, bestLength] = [i, mean];
    });
    if (best >= 0) columns.text = headers[best];
  }
  return { mapping: { columns }, missing: REQUIRED_FIELDS.filter((f) => !columns[f]) };
}

export interface OpenQuestions {
  /** Set when the sample cannot tell the order of slashed dates, or tells two. */
  dateOrder: 'ambiguous' | 'inconsistent' | null;
  temperatureScale: 'ambiguous' | null;
}

/** Fills the date order and temperature scale a mapping leaves open from a sample of the file. */
export function completeMapping(headers: readonly string[], sample: readonly (readonly Cell[])[], mapping: Mapping): { mapping: Mapping; open: OpenQuestions } {
  const valuesOf = (fields: readonly Field[]): string[] => fields.flatMap((field) => {
    const i = mapping.columns[field] === undefined ? -1 : headers.indexOf(mapping.columns[field] as string);
    return i < 0 ? [] : sample.map((row) => row[i]).filter((v) => typeof v === 'string' || typeof v === 'number').map(cellText);
  });
  const completed: Mapping = { ...mapping };
  const open: OpenQuestions = { dateOrder: null, temperatureScale: null };
  if (!completed.dateOrder) {
    const order = detectDateOrder(valuesOf(DATE_FIELDS));
    if (order === 'dmy' || order === 'mdy') completed.dateOrder = order;
    else if (order) open.dateOrder = order;
  }
  if (!completed.temperatureScale) {
    const scale = detectTemperatureScale(valuesOf(['temperature']));
    if (scale === 'signed' || scale === 'five') completed.temperatureScale = scale;
    else if (scale) open.temperatureScale = scale;
  }
  return { mapping: completed, open };
}
