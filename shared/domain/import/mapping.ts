import type { Temperature } from '../temperature';
import type { Kind, Source } from '../vocabulary';
import { DATE_FIELDS, FIELD_NAMES, REQUIRED_FIELDS, fieldForHeader, type Field } from './fields';
import { detectDateOrder, parseDate, type AsWritten } from './dates';
import type { Mapping } from './mapping-schema';
import {
  cellText,
  detectTemperatureScale,
  parseCount,
  parseKind,
  parseSource,
  parseTemperature,
  type Cell,
  type Parsed,
} from './values';

export type { Mapping } from './mapping-schema';

/** The longest text Pulso keeps in a cell: Excel's own cell limit. */
export const MAX_CELL_CHARS = 32_767;

export interface CellError {
  field: Field;
  column: string;
  message: string;
}

export interface MappedRow {
  externalId: string | null;
  source: Source;
  author: {
    handle: string;
    name: string | null;
    followers: number | null;
    region: string | null;
    ageBand: string | null;
    sex: string | null;
  };
  postedAt: number;
  /** What the file says of the time, whatever the workspace's zone (parseDate): the dedupe key's. */
  postedAtAsWritten: number;
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
  case: {
    type: string;
    status: string | null;
    department: string | null;
    openedAt: number | null;
    firstResponseAt: number | null;
    resolvedAt: number | null;
  } | null;
  entity: string | null;
  topic: string | null;
}

/** The row as it will be stored (nulls where a cell cannot be read) and the cells that cannot. */
export interface RowResult {
  row: MappedRow;
  errors: CellError[];
}

/** Column positions of the mapped fields; refuses a mapping naming missing or repeated headers. */
export function resolveColumns(
  headers: readonly string[],
  mapping: Mapping,
): { ok: true; index: Partial<Record<Field, number>> } | { ok: false; error: string } {
  const index: Partial<Record<Field, number>> = {};
  for (const field of REQUIRED_FIELDS) {
    if (!mapping.columns[field])
      return { ok: false, error: `no column is mapped to ${field} (columns: ${headers.join(', ')})` };
  }
  for (const [field, header] of Object.entries(mapping.columns) as [Field, string][]) {
    const positions = headers.flatMap((name, i) => (name === header ? [i] : []));
    if (positions.length === 0)
      return {
        ok: false,
        error: `column "${header}" (for ${field}) is not in the file (columns: ${headers.join(', ')})`,
      };
    if (positions.length > 1) {
      return {
        ok: false,
        error: `the header "${header}" names ${positions.length} columns (${positions.map(columnLetter).join(', ')}); rename them so each is unique`,
      };
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

/**
 * A delimited file's row with text past its header's columns: most often a delimiter inside an
 * unquoted cell, which cut that cell in two ("El router no va, llevo tres días…"). Empty cells
 * past the header (a trailing delimiter) are no error.
 */
export function cellsPastHeader(values: readonly Cell[], width: number): CellError | null {
  for (let i = width; i < values.length; i++) {
    if (cellText(values[i] ?? null) === '') continue;
    return {
      field: 'text',
      column: columnLetter(i),
      message: `the row has ${values.length} cells but the header names ${width}: a delimiter inside a cell that is not in quotes? Quote that cell, or fix the row`,
    };
  }
  return null;
}

/**
 * What turns a record of one file into a message, or says which cells cannot be read. Pure. The
 * column positions and readers are worked out once, and a record costs only its cells (an
 * import maps a million). `headerWidth`, for delimited text: cells past it are an error.
 */
export function compileRowMapper(
  index: Partial<Record<Field, number>>,
  mapping: Mapping,
  timeZone: string,
  headerWidth: number | null = null,
): (values: readonly Cell[]) => RowResult {
  let values: readonly Cell[] = [];
  let errors: CellError[] = [];
  const column = (field: Field): string => mapping.columns[field] as string;
  const at = (field: Field): number => index[field] ?? -1;
  const cell = (position: number): Cell => (position < 0 ? null : (values[position] ?? null));
  const text = (field: Field, position: number): string | null => {
    const value = cellText(cell(position));
    if (value.length > MAX_CELL_CHARS) {
      errors.push({
        field,
        column: column(field),
        message: `cell has ${value.length.toLocaleString('en')} characters; the limit is ${MAX_CELL_CHARS.toLocaleString('en')}`,
      });
      return null;
    }
    return value === '' ? null : value;
  };
  const read = <T>(field: Field, parsed: Parsed<T>): T | null => {
    if (parsed.ok) return parsed.value;
    errors.push({ field, column: column(field), message: parsed.error });
    return null;
  };
  const order = mapping.dateOrder ?? null;
  const scale = mapping.temperatureScale ?? null;
  const date = (field: Field, position: number): number | null =>
    read(field, parseDate(cell(position), order, timeZone));
  const count = (field: Field, position: number): number | null =>
    position < 0 ? null : read(field, parseCount(cell(position)));
  const positions = Object.fromEntries(FIELD_NAMES.map((field) => [field, at(field)])) as Record<Field, number>;
  const [openedAt, firstResponseAt, resolvedAt] = DATE_FIELDS.slice(1).map((field) => positions[field]) as [
    number,
    number,
    number,
  ];
  const written: AsWritten = { value: 0 };
  const hasCase = positions.caseType >= 0 || positions.caseStatus >= 0 || openedAt >= 0;
  const fixedSource = mapping.source ?? 'other';

  return (record) => {
    values = record;
    errors = [];
    const ragged = headerWidth === null ? null : cellsPastHeader(record, headerWidth);
    if (ragged) errors.push(ragged);
    const body = text('text', positions.text);
    if (body === null && !errors.some((e) => e.field === 'text'))
      errors.push({ field: 'text', column: column('text'), message: 'text is empty' });
    const postedAt = read('postedAt', parseDate(cell(positions.postedAt), order, timeZone, written));
    if (postedAt === null && !errors.some((e) => e.field === 'postedAt'))
      errors.push({ field: 'postedAt', column: column('postedAt'), message: 'date is empty' });
    let caseRow: MappedRow['case'] = null;
    if (hasCase) {
      const caseType = text('caseType', positions.caseType);
      const caseStatus = text('caseStatus', positions.caseStatus);
      const opened = openedAt < 0 ? null : date('caseOpenedAt', openedAt);
      const responded = firstResponseAt < 0 ? null : date('caseFirstResponseAt', firstResponseAt);
      const resolved = resolvedAt < 0 ? null : date('caseResolvedAt', resolvedAt);
      if (caseType || caseStatus || opened) {
        caseRow = {
          type: caseType ?? 'general',
          status: caseStatus,
          department: text('department', positions.department),
          openedAt: opened,
          firstResponseAt: responded,
          resolvedAt: resolved,
        };
      }
    }
    const row: MappedRow = {
      externalId: text('externalId', positions.externalId),
      source: positions.source >= 0 ? parseSource(cell(positions.source)) : fixedSource,
      author: {
        handle: text('authorHandle', positions.authorHandle) ?? '(unknown)',
        name: text('authorName', positions.authorName),
        followers: count('followers', positions.followers),
        region: text('region', positions.region),
        ageBand: text('ageBand', positions.ageBand),
        sex: text('sex', positions.sex),
      },
      postedAt: postedAt ?? 0,
      postedAtAsWritten: postedAt === null ? 0 : written.value,
      text: body ?? '',
      url: text('url', positions.url),
      language: text('language', positions.language),
      likes: count('likes', positions.likes),
      shares: count('shares', positions.shares),
      replies: count('replies', positions.replies),
      replyToExternalId: text('replyTo', positions.replyTo),
      temperature:
        positions.temperature < 0 ? null : read('temperature', parseTemperature(cell(positions.temperature), scale)),
      kind: positions.kind < 0 ? null : read('kind', parseKind(cell(positions.kind))),
      annotator: text('annotator', positions.annotator),
      case: caseRow,
      entity: text('entity', positions.entity),
      topic: text('topic', positions.topic),
    };
    return { row, errors };
  };
}

export interface DetectedMapping {
  mapping: Mapping;
  /** Required fields no column could be placed on. */
  missing: Field[];
}

/** A date by its value alone; not seconds or milliseconds since 1970 here, which ids can look like. */
const looksLikeDate = (value: Cell): boolean =>
  value instanceof Date ||
  (typeof value === 'string' &&
    /\d/.test(value) &&
    !/^\d{10}(\d{3})?$/.test(value.trim()) &&
    parseDate(value, 'dmy', 'UTC').ok);

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
export function completeMapping(
  headers: readonly string[],
  sample: readonly (readonly Cell[])[],
  mapping: Mapping,
): { mapping: Mapping; open: OpenQuestions } {
  const valuesOf = (fields: readonly Field[]): string[] =>
    fields.flatMap((field) => {
      const i = mapping.columns[field] === undefined ? -1 : headers.indexOf(mapping.columns[field] as string);
      return i < 0
        ? []
        : sample
            .map((row) => row[i])
            .filter((v) => typeof v === 'string' || typeof v === 'number')
            .map(cellText);
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
