import { basename } from 'node:path';
import {
  chooseMapping,
  completeMapping,
  defaultPostedAt,
  resolveColumns,
  type DroppedGuess,
  type Mapping,
} from '../../../shared/domain/import/mapping';
import { dealsAsMessages } from '../../../shared/domain/import/deal-fields';
import type { Field } from '../../../shared/domain/import/fields';
import { cellText, type Cell } from '../../../shared/domain/import/values';
import { ImportError, records, type Reader } from './readers';

export const SAMPLE_ROWS = 1000;

export interface ImportOptions {
  mapping?: Mapping | undefined;
  dateOrder?: 'dmy' | 'mdy' | undefined;
  temperatureScale?: 'signed' | 'five' | undefined;
}

export interface Plan {
  mapping: Mapping;
  index: Partial<Record<Field, number>>;
  /** Guessed columns left out because their values are not their field's. */
  dropped: DroppedGuess[];
}

/** The guesses left out, said after the columns a file lacks: why a column that is there was not used. */
export function droppedNote(dropped: readonly DroppedGuess[]): string {
  return dropped.map((d) => `; "${d.column}" is not the ${d.field} (e.g. "${d.example.slice(0, 40)}")`).join('');
}

/** The mapping, with the network the file's format says it is from where the mapping does not name one. */
export function withFileSource(reader: Reader, mapping: Mapping | undefined): Mapping | undefined {
  if (!reader.source || mapping?.source || mapping?.defaults?.source) return mapping;
  return { ...(mapping ?? { columns: {} }), defaults: { ...mapping?.defaults, source: reader.source } };
}

/** Reads the first records of a file. */
export async function sampleRecords(reader: Reader, count = SAMPLE_ROWS): Promise<{ row: number; values: Cell[] }[]> {
  const sample: { row: number; values: Cell[] }[] = [];
  for await (const record of records(reader)) {
    sample.push(record);
    if (sample.length >= count) break;
  }
  return sample;
}

/**
 * The mapping an import will use: the one given (a preset's or a file's), else the detected one,
 * completed from a sample where it leaves the date order or temperature scale open. Refuses,
 * naming the file and columns, when text or time cannot be placed or dates cannot be read, and a
 * file that is not one of messages (a CRM's deals or accounts) before its every row is refused.
 */
export async function planImport(path: string, reader: Reader, options: ImportOptions): Promise<Plan> {
  const name = basename(path);
  if (dealsAsMessages(reader.headers, options.mapping))
    throw new ImportError({ code: 'file-deals-not-messages', file: name });
  const sample = (await sampleRecords(reader)).map((record) => record.values);
  const chosen = chooseMapping(reader.headers, sample, withFileSource(reader, options.mapping));
  if (chosen.missing.length > 0) {
    const timeHint = chosen.missing.includes('postedAt') ? ', or give every row one time (--default-time)' : '';
    throw new ImportError(
      `${name}: cannot find a column for ${chosen.missing.join(' and ')} among ${reader.headers.map((h) => `"${h}"`).join(', ')}${droppedNote(chosen.dropped)}; map it with a preset or a mapping file${timeHint}`,
    );
  }
  let mapping = chosen.mapping;
  if (options.dateOrder) mapping = { ...mapping, dateOrder: options.dateOrder };
  try {
    defaultPostedAt(mapping, 'UTC');
  } catch (error) {
    throw new ImportError(`${name}: ${(error as Error).message} (--default-time)`);
  }
  if (options.temperatureScale) mapping = { ...mapping, temperatureScale: options.temperatureScale };
  const completed = completeMapping(reader.headers, sample, mapping);
  if (completed.open.dateOrder === 'ambiguous') {
    throw new ImportError({ code: 'dates-ambiguous', file: name });
  }
  if (completed.open.dateOrder === 'inconsistent') {
    throw new ImportError({ code: 'dates-mixed', file: name });
  }
  if (completed.open.temperatureScale === 'ambiguous') {
    throw new ImportError({ code: 'temperatures-ambiguous', file: name });
  }
  const resolved = resolveColumns(reader.headers, completed.mapping);
  if (!resolved.ok) throw new ImportError({ ...resolved.problem, file: name });
  // A guessed text column empty in most rows (an accounts export's description), or a named one empty in all.
  const textAt = resolved.index.text;
  const textGiven = options.mapping?.columns.text !== undefined;
  const empty = textAt === undefined ? 0 : sample.filter((values) => cellText(values[textAt] ?? null) === '').length;
  if (textAt !== undefined && empty > 0 && (textGiven ? empty === sample.length : empty * 2 > sample.length))
    throw new ImportError({
      code: 'text-column-empty',
      file: name,
      column: reader.headers[textAt] as string,
      empty,
      count: sample.length,
    });
  return { mapping: completed.mapping, index: resolved.index, dropped: chosen.dropped };
}
