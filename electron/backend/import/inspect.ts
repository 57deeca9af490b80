import { basename } from 'node:path';
import {
  VALUE_FIELDS,
  type ImportInspection,
  type PreviewRow,
  type ValueField,
  type ValueTable,
} from '../../../shared/api/import';
import type { Field } from '../../../shared/domain/import/fields';
import {
  chooseMapping,
  compileRowMapper,
  completeMapping,
  requiredFields,
  type Mapping,
  type MappedRow,
} from '../../../shared/domain/import/mapping';
import { isImplausibleTime } from '../../../shared/domain/import/dates';
import { cellText, type Cell } from '../../../shared/domain/import/values';
import { dealsAsMessages } from '../../../shared/domain/import/deal-fields';
import { SAMPLE_ROWS, withFileSource } from './plan';
import { openReader, records } from './readers';
import type { FileRecord, Reader, ReaderOptions } from './readers/types';

const PREVIEW_ROWS = 20;
/** How long the wizard may read on past the sample to count the rows and their label values. */
const COUNT_BUDGET_MS = 400;
const MAX_VALUES_SHOWN = 40;

/** The wizard's view of a file: its parts, headers, the mapping, and the first rows as they will be stored. */
export async function inspectFile(
  path: string,
  file: ReaderOptions,
  given: Mapping | undefined,
  timeZone: string,
): Promise<ImportInspection> {
  const reader = await openReader(path, file);
  // One pass: the sample decides the mapping, then the reading goes on (within a budget) to count rows and values.
  const reading = records(reader);
  const sample: FileRecord[] = [];
  let next = await reading.next();
  for (; !next.done && sample.length < SAMPLE_ROWS; next = await reading.next()) sample.push(next.value);
  const values = sample.map((record) => record.values);
  const chosen = chooseMapping(reader.headers, values, withFileSource(reader, given));
  const { mapping, open } = completeMapping(reader.headers, values, chosen.mapping);
  // Only columns the file has; a missing one is shown as missing, not as an error on every row.
  const index: Partial<Record<Field, number>> = {};
  for (const [field, header] of Object.entries(mapping.columns) as [Field, string][]) {
    const at = reader.headers.indexOf(header);
    if (at >= 0) index[field] = at;
  }
  const mapRow = compileRowMapper(index, mapping, timeZone, reader.format === 'csv' ? reader.headers.length : null);
  const tally = valueTally(index, mapping);
  const rowBytes = bytesPerRow(reader);
  for (const record of sample) {
    tally.add(record.values);
    rowBytes.add(record.values);
  }
  let counted = sample.length;
  const deadline = Date.now() + COUNT_BUDGET_MS;
  for (; !next.done && Date.now() <= deadline; next = await reading.next()) {
    counted++;
    tally.add(next.value.values);
    rowBytes.add(next.value.values);
  }
  const complete = next.done === true;
  if (!complete) await reading.return(undefined);
  const rows = complete
    ? { count: counted, exact: true }
    : { count: estimateRows(reader, counted, rowBytes.average()), exact: false };
  const textAt = index.text;
  const emptyTexts = textAt === undefined ? 0 : values.filter((row) => cellText(row[textAt] ?? null) === '').length;
  const now = Date.now();
  let implausibleDates = 0;
  const preview: PreviewRow[] = sample.slice(0, PREVIEW_ROWS).map((record) => {
    const result = mapRow(record.values);
    if (result.errors.length === 0 && isImplausibleTime(result.row.postedAt, now)) implausibleDates++;
    return {
      row: record.row,
      values: storedValues(result.row, Object.keys(index) as Field[]),
      errors: Object.fromEntries(result.errors.map((error) => [error.field, error.problem])),
    };
  });
  return {
    file: basename(path),
    format: reader.format,
    encoding: reader.encoding,
    delimiter: reader.delimiter,
    parts: reader.parts,
    part: reader.part,
    headerRow: reader.headerRow,
    descriptionRow: reader.descriptionRow ?? null,
    headers: reader.headers,
    mapping,
    missing: requiredFields(mapping).filter((field) => index[field] === undefined),
    dropped: chosen.dropped,
    open,
    preview,
    implausibleDates,
    emptyText:
      textAt !== undefined && emptyTexts * 2 > values.length
        ? { column: reader.headers[textAt] as string, empty: emptyTexts, count: values.length }
        : null,
    dealsExport: dealsAsMessages(reader.headers, given),
    rows,
    valueTables: tally.tables(mapRow),
  };
}

/**
 * The rows of a file read only in part. A text file's reader is ahead of its rows by what it has buffered, so its size
 * is divided by the bytes per row read so far instead; the other readers count rows.
 */
function estimateRows(reader: Reader, counted: number, bytesPerRow: number): number {
  const { done, total } = reader.progress();
  if (reader.format === 'jsonl') return Math.max(counted, Math.round((counted * total) / Math.max(1, done)));
  if (reader.format !== 'csv') return Math.max(counted, total - (reader.headerRow ?? 0));
  return Math.max(counted, Math.round(total / Math.max(1, bytesPerRow)));
}

/** A delimited file's rows' average size, as written (near enough: quotes are not counted). */
function bytesPerRow(reader: Reader) {
  const separator = reader.delimiter ?? ',';
  let bytes = 0;
  let rows = 0;
  return {
    add(values: Cell[]): void {
      if (reader.format !== 'csv') return;
      for (const value of values) bytes += value === null ? 0 : Buffer.byteLength(cellText(value));
      bytes += values.length * separator.length;
      rows++;
    },
    average: (): number => bytes / Math.max(1, rows),
  };
}

/** Counts each mapped label column's distinct values, keeping a row that has each to show what it becomes. */
function valueTally(index: Partial<Record<Field, number>>, mapping: Mapping) {
  const columns = VALUE_FIELDS.filter((field) => index[field] !== undefined);
  const found = new Map<ValueField, Map<string, { rows: number; record: Cell[] }>>(
    columns.map((field) => [field, new Map()]),
  );
  return {
    add(record: Cell[]): void {
      for (const field of columns) {
        const written = cellText(record[index[field] as number] ?? null);
        if (written === '') continue;
        const values = found.get(field) as Map<string, { rows: number; record: Cell[] }>;
        const value = values.get(written);
        if (value) value.rows++;
        else values.set(written, { rows: 1, record });
      }
    },
    tables(mapRow: ReturnType<typeof compileRowMapper>): ValueTable[] {
      return columns.map((field) => {
        const all = [...(found.get(field) ?? new Map<string, { rows: number; record: Cell[] }>())].sort(
          (a, b) => b[1].rows - a[1].rows || a[0].localeCompare(b[0]),
        );
        return {
          field,
          column: mapping.columns[field] as string,
          values: all.slice(0, MAX_VALUES_SHOWN).map(([written, { rows, record }]) => {
            const { row, errors } = mapRow(record);
            const error = errors.find((e) => e.field === field)?.problem ?? null;
            return { written, rows, becomes: error ? null : row[field], error };
          }),
          more: Math.max(0, all.length - MAX_VALUES_SHOWN),
        };
      });
    },
  };
}

function storedValues(row: MappedRow, fields: Field[]): PreviewRow['values'] {
  const all: Record<Field, string | number | null> = {
    externalId: row.externalId,
    text: row.text || null,
    postedAt: row.postedAt || null,
    authorHandle: row.author.handle,
    authorName: row.author.name,
    source: row.source,
    url: row.url,
    likes: row.likes,
    shares: row.shares,
    replies: row.replies,
    followers: row.author.followers,
    language: row.language,
    replyTo: row.replyToExternalId,
    temperature: row.temperature,
    kind: row.kind,
    annotator: row.annotator,
    caseType: row.case?.type ?? null,
    caseStatus: row.case?.status ?? null,
    caseOpenedAt: row.case?.openedAt ?? null,
    caseFirstResponseAt: row.case?.firstResponseAt ?? null,
    caseResolvedAt: row.case?.resolvedAt ?? null,
    department: row.case?.department ?? null,
    entity: row.entity,
    topic: row.topic,
    region: row.author.region,
    ageBand: row.author.ageBand,
    sex: row.author.sex,
  };
  return Object.fromEntries(fields.map((field) => [field, all[field]]));
}
