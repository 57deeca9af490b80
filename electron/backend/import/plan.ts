import { basename } from 'node:path';
import { completeMapping, detectMapping, resolveColumns, type Mapping } from '../../../shared/domain/import/mapping';
import type { Field } from '../../../shared/domain/import/fields';
import type { Cell } from '../../../shared/domain/import/values';
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
 * naming the file and columns, when text or time cannot be placed or dates cannot be read.
 */
export async function planImport(path: string, reader: Reader, options: ImportOptions): Promise<Plan> {
  const name = basename(path);
  const sample = (await sampleRecords(reader)).map((record) => record.values);
  let mapping = options.mapping;
  if (!mapping) {
    const detected = detectMapping(reader.headers, sample);
    if (detected.missing.length > 0) {
      throw new ImportError(
        `${name}: cannot find a column for ${detected.missing.join(' and ')} among ${reader.headers.map((h) => `"${h}"`).join(', ')}; map it with a preset or a mapping file`,
      );
    }
    mapping = detected.mapping;
  }
  if (options.dateOrder) mapping = { ...mapping, dateOrder: options.dateOrder };
  if (options.temperatureScale) mapping = { ...mapping, temperatureScale: options.temperatureScale };
  const completed = completeMapping(reader.headers, sample, mapping);
  if (completed.open.dateOrder === 'ambiguous') {
    throw new ImportError(
      `${name}: the dates could be day/month or month/day (e.g. 05/03); choose the date order (dmy or mdy)`,
    );
  }
  if (completed.open.dateOrder === 'inconsistent') {
    throw new ImportError(
      `${name}: the dates mix day/month and month/day; fix the file or choose the date order (dmy or mdy)`,
    );
  }
  if (completed.open.temperatureScale === 'ambiguous') {
    throw new ImportError(
      `${name}: the temperatures could be on −2…+2 or on 1…5 (the file has only 1s and 2s, or as many values only one scale allows as only the other); choose the scale (signed or five: --temperature-scale in the CLI)`,
    );
  }
  const resolved = resolveColumns(reader.headers, completed.mapping);
  if (!resolved.ok) throw new ImportError(`${name}: ${resolved.error}`);
  return { mapping: completed.mapping, index: resolved.index };
}
