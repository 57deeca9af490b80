import type { Temperature } from '../temperature';
import { UNKNOWN_AUTHOR, type Kind, type Source } from '../vocabulary';
import { DATE_FIELDS, FIELD_NAMES, REQUIRED_FIELDS, fieldForHeader, headerRank, type Field } from './fields';
import { detectDateOrder, parseDate, type AsWritten } from './dates';
import type { Mapping } from './mapping-schema';
import type { CellProblem, FileProblem } from './problems';
import {
  cellText,
  decodeHtmlText,
  detectTemperatureScale,
  foldValue,
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
  problem: CellProblem;
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
  /** The text as the file wrote it, where decoding changed it (HTML entities, `<br />`); else null. */
  textAsWritten: string | null;
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

/** Why a mapping does not fit a file's headers (the file named by the caller). */
export type MappingProblem = DistributiveOmit<
  Extract<FileProblem, { code: 'mapping-field-unmapped' | 'mapping-column-missing' | 'mapping-header-repeated' }>,
  'file'
>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Column positions of the mapped fields; refuses a mapping naming missing or repeated headers. */
export function resolveColumns(
  headers: readonly string[],
  mapping: Mapping,
): { ok: true; index: Partial<Record<Field, number>> } | { ok: false; problem: MappingProblem } {
  const index: Partial<Record<Field, number>> = {};
  const columns = headers.join(', ');
  for (const field of requiredFields(mapping)) {
    if (!mapping.columns[field]) return { ok: false, problem: { code: 'mapping-field-unmapped', field, columns } };
  }
  for (const [field, header] of Object.entries(mapping.columns) as [Field, string][]) {
    const positions = headers.flatMap((name, i) => (name === header ? [i] : []));
    if (positions.length === 0)
      return { ok: false, problem: { code: 'mapping-column-missing', header, field, columns } };
    if (positions.length > 1) {
      const letters = positions.map(columnLetter).join(', ');
      return {
        ok: false,
        problem: { code: 'mapping-header-repeated', header, count: String(positions.length), letters },
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
      problem: { code: 'past-header', cells: values.length, width },
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
        problem: { code: 'too-long', length: value.length, limit: MAX_CELL_CHARS },
      });
      return null;
    }
    return value === '' ? null : value;
  };
  const read = <T>(field: Field, parsed: Parsed<T>): T | null => {
    if (parsed.ok) return parsed.value;
    errors.push({ field, column: column(field), problem: parsed.problem });
    return null;
  };
  const order = mapping.dateOrder ?? null;
  const scale = mapping.temperatureScale ?? null;
  const date = (field: Field, position: number): number | null =>
    read(field, parseDate(cell(position), order, timeZone));
  const count = (field: Field, position: number): number | null =>
    position < 0 ? null : read(field, parseCount(cell(position)));
  const positions = Object.fromEntries(FIELD_NAMES.map((field) => [field, at(field)])) as Record<Field, number>;
  const own = {
    temperature: valueMap(mapping.values?.temperature),
    kind: valueMap(mapping.values?.kind),
    source: valueMap(mapping.values?.source),
  };
  /** The user's reading of a cell's value where the mapping's value map names it; undefined where it does not. */
  const ownValue = <T>(map: Map<string, T> | null, position: number): T | undefined =>
    map === null || position < 0 ? undefined : map.get(foldValue(cellText(cell(position))));
  const defaultTime = defaultPostedAt(mapping, timeZone);
  const [openedAt, firstResponseAt, resolvedAt] = DATE_FIELDS.slice(1).map((field) => positions[field]) as [
    number,
    number,
    number,
  ];
  const written: AsWritten = { value: 0 };
  const hasCase = positions.caseType >= 0 || positions.caseStatus >= 0 || openedAt >= 0;
  const fixedSource = mapping.defaults?.source ?? mapping.source ?? 'other';

  function readTemperature(): Temperature | null {
    const mine = ownValue(own.temperature, positions.temperature);
    if (mine !== undefined) return mine as Temperature | null;
    return positions.temperature < 0 ? null : read('temperature', parseTemperature(cell(positions.temperature), scale));
  }
  function readKind(): Kind | null {
    const mine = ownValue(own.kind, positions.kind);
    if (mine !== undefined) return mine;
    return positions.kind < 0 ? null : read('kind', parseKind(cell(positions.kind)));
  }
  function readSource(): Source {
    const mine = ownValue(own.source, positions.source);
    if (mine !== undefined) return mine;
    if (positions.source < 0 || cellText(cell(positions.source)) === '') return fixedSource;
    return parseSource(cell(positions.source));
  }

  return (record) => {
    values = record;
    errors = [];
    const ragged = headerWidth === null ? null : cellsPastHeader(record, headerWidth);
    if (ragged) errors.push(ragged);
    const asWritten = text('text', positions.text);
    const body = asWritten === null ? null : decodeHtmlText(asWritten);
    if (body === null && !errors.some((e) => e.field === 'text'))
      errors.push({ field: 'text', column: column('text'), problem: { code: 'text-empty' } });
    let postedAt = read('postedAt', parseDate(cell(positions.postedAt), order, timeZone, written));
    if (postedAt === null && defaultTime && !errors.some((e) => e.field === 'postedAt')) {
      postedAt = defaultTime.postedAt;
      written.value = defaultTime.written;
    }
    if (postedAt === null && !errors.some((e) => e.field === 'postedAt'))
      errors.push({ field: 'postedAt', column: column('postedAt'), problem: { code: 'date-empty' } });
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
      source: readSource(),
      author: {
        handle: text('authorHandle', positions.authorHandle) ?? UNKNOWN_AUTHOR,
        name: text('authorName', positions.authorName),
        followers: count('followers', positions.followers),
        region: text('region', positions.region),
        ageBand: text('ageBand', positions.ageBand),
        sex: text('sex', positions.sex),
      },
      postedAt: postedAt ?? 0,
      postedAtAsWritten: postedAt === null ? 0 : written.value,
      text: body ?? '',
      textAsWritten: asWritten !== null && body !== asWritten ? asWritten : null,
      url: text('url', positions.url),
      language: text('language', positions.language),
      likes: count('likes', positions.likes),
      shares: count('shares', positions.shares),
      replies: count('replies', positions.replies),
      replyToExternalId: text('replyTo', positions.replyTo),
      temperature: readTemperature(),
      kind: readKind(),
      annotator: text('annotator', positions.annotator),
      case: caseRow,
      entity: text('entity', positions.entity),
      topic: text('topic', positions.topic),
    };
    return { row, errors };
  };
}

/** A mapping's value map with its keys folded as cells are (foldValue); null when it has none. */
function valueMap<T>(values: Record<string, T> | undefined): Map<string, T> | null {
  if (!values) return null;
  return new Map(Object.entries(values).map(([written, value]) => [foldValue(written), value]));
}

/**
 * The time a mapping gives rows that have none (its defaults), read as the file's own dates are; null when it gives
 * none. Throws when it is not a date.
 */
export function defaultPostedAt(mapping: Mapping, timeZone: string): { postedAt: number; written: number } | null {
  const given = mapping.defaults?.postedAt;
  if (given === undefined) return null;
  const written: AsWritten = { value: 0 };
  const parsed = parseDate(given, mapping.dateOrder ?? null, timeZone, written);
  if (!parsed.ok || parsed.value === null) throw new Error(`the default time "${given}" is not a date`);
  return { postedAt: parsed.value, written: written.value };
}

/** The fields a mapping must place on columns: the time not, when it gives one for every row. */
export function requiredFields(mapping: Mapping): readonly Field[] {
  return mapping.defaults?.postedAt ? REQUIRED_FIELDS.filter((field) => field !== 'postedAt') : REQUIRED_FIELDS;
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

/** The column, among those `eligible`, whose values are sentences and longest on average; -1 when none. */
function longestText(
  headers: readonly string[],
  column: (i: number) => Cell[],
  eligible: (header: string) => boolean,
): number {
  let best = -1;
  let bestLength = 20; // a text column holds sentences, not codes
  headers.forEach((h, i) => {
    if (h === '' || !eligible(h)) return;
    const values = column(i).map(cellText);
    // The JSON of a nested value (a network archive's entities) is long, but never the text.
    if (values.some(isJsonText)) return;
    const mean = values.reduce((sum, v) => sum + v.length, 0) / Math.max(1, values.length);
    if (mean > bestLength && values.some((v) => v.includes(' '))) [best, bestLength] = [i, mean];
  });
  return best;
}

const isJsonText = (value: string): boolean => /^\s*[[{]/.test(value) && /[\]}]\s*$/.test(value);

/** Places columns on fields from their header names (es/en), then from their values. */
export function detectMapping(headers: readonly string[], sample: readonly (readonly Cell[])[]): DetectedMapping {
  const columns: Mapping['columns'] = {};
  headers.forEach((header) => {
    const field = fieldForHeader(header);
    const taken = field && columns[field];
    if (field && (!taken || headerRank(header) < headerRank(taken))) columns[field] = header;
  });
  const used = new Set(Object.values(columns));
  const column = (i: number): Cell[] => sample.map((row) => row[i] ?? null).filter((v) => cellText(v) !== '');
  if (!columns.postedAt) {
    const i = headers.findIndex(
      (h, i) => h !== '' && !used.has(h) && column(i).length > 0 && column(i).every(looksLikeDate),
    );
    if (i >= 0) columns.postedAt = headers[i];
  }
  if (!columns.text) {
    // A nested object's values (a JSON record's user.description) are the text only when nothing else can be.
    const best = longestText(headers, column, (h) => h !== columns.postedAt && !used.has(h) && !h.includes('.'));
    const nested = best >= 0 ? best : longestText(headers, column, (h) => h !== columns.postedAt && !used.has(h));
    if (nested >= 0) columns.text = headers[nested];
  }
  return { mapping: { columns }, missing: REQUIRED_FIELDS.filter((f) => !columns[f]) };
}

/** A column placed on a field by a guess and left out because its values are not that field's. */
export interface DroppedGuess {
  field: Field;
  column: string;
  /** One of its values that is not one. */
  example: string;
}

/**
 * The mapping of a file: the columns the given mapping (a preset's, a file's, the wizard's) names, and guesses for the
 * fields it leaves out, from the headers it does not use. A guess whose sample values mostly do not read as its
 * field's (a "Type" column of Photo and Link taken for the kind) is left out and said, not made every row's error.
 */
export function chooseMapping(
  headers: readonly string[],
  sample: readonly (readonly Cell[])[],
  given: Mapping | undefined,
): DetectedMapping & { dropped: DroppedGuess[] } {
  const named = new Set(Object.values(given?.columns ?? {}));
  const unnamed = headers.map((header) => (named.has(header) ? '' : header));
  const guessed = detectMapping(unnamed, sample).mapping.columns;
  const columns: Mapping['columns'] = { ...given?.columns };
  const dropped: DroppedGuess[] = [];
  for (const [field, header] of Object.entries(guessed) as [Field, string][]) {
    if (header === '' || columns[field] !== undefined) continue;
    const values = sample.map((row) => row[headers.indexOf(header)] ?? null).filter((v) => cellText(v) !== '');
    const bad = values.filter((value) => !readsAs(field, value));
    // The text and time are kept whatever their values: without them nothing imports, and each bad row is named.
    if (bad.length * 2 > values.length && !REQUIRED_FIELDS.includes(field))
      dropped.push({ field, column: header, example: cellText(bad[0] ?? null) });
    else columns[field] = header;
  }
  const mapping: Mapping = { ...given, columns };
  return { mapping, missing: requiredFields(mapping).filter((field) => !columns[field]), dropped };
}

/** Whether a value reads as a field's: what a guessed column's values are checked with. */
function readsAs(field: Field, value: Cell): boolean {
  if (DATE_FIELDS.includes(field)) return parseDate(value, 'dmy', 'UTC').ok || parseDate(value, 'mdy', 'UTC').ok;
  switch (field) {
    case 'temperature':
      return parseTemperature(value, 'signed').ok || parseTemperature(value, 'five').ok;
    case 'kind':
      return parseKind(value).ok;
    case 'source':
      return parseSource(value) !== 'other' || foldValue(cellText(value)) === 'other';
    case 'likes':
    case 'shares':
    case 'replies':
    case 'followers':
      return parseCount(value).ok;
    default:
      return true;
  }
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
