import { basename } from 'node:path';
import type { ImportInspection, PreviewRow } from '../../../shared/api/import';
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
import { sampleRecords, withFileSource } from './plan';
import { openReader } from './readers';
import type { ReaderOptions } from './readers/types';

const PREVIEW_ROWS = 20;

/** The wizard's view of a file: its parts, headers, the mapping, and the first rows as they will be stored. */
export async function inspectFile(
  path: string,
  file: ReaderOptions,
  given: Mapping | undefined,
  timeZone: string,
): Promise<ImportInspection> {
  const reader = await openReader(path, file);
  const sample = await sampleRecords(reader);
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
  const now = Date.now();
  let implausibleDates = 0;
  const preview: PreviewRow[] = sample.slice(0, PREVIEW_ROWS).map((record) => {
    const result = mapRow(record.values);
    if (result.errors.length === 0 && isImplausibleTime(result.row.postedAt, now)) implausibleDates++;
    return {
      row: record.row,
      values: storedValues(result.row, Object.keys(index) as Field[]),
      errors: Object.fromEntries(result.errors.map((error) => [error.field, error.message])),
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
