import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import {
  dealColumns,
  readDealRow,
  REQUIRED_DEAL_FIELDS,
  type DealField,
  type DealRow,
} from '../../../shared/domain/import/deal-fields';
import { ImportError, openReader, readerOptions, records } from './readers';
import type { ReaderOptions } from './readers/types';

/**
 * A CRM export's deals, every row read and checked before anything is stored: a row that cannot be read refuses the
 * file, naming its row and column (the store is not touched). The columns come from the headers (dealColumns).
 */
export async function readDeals(
  path: string,
  options: ReaderOptions,
  timeZone: string,
  /** Headers given for fields, over what the headers say (a mapping file's). */
  given: Partial<Record<DealField, string>> = {},
  /** The currency of amounts whose rows name none. */
  currencyUnnamed = 'EUR',
): Promise<{ deals: DealRow[]; sha256: string; size: number; currencyAssumed: string | null }> {
  const name = basename(path);
  const reader = await openReader(path, readerOptions(options));
  const columns = dealColumns(reader.headers);
  const listed = reader.headers.map((h) => `"${h}"`).join(', ');
  for (const [field, header] of Object.entries(given) as [DealField, string][]) {
    const at = reader.headers.findIndex((h) => h.trim().toLowerCase() === header.trim().toLowerCase());
    if (at < 0) throw new ImportError({ code: 'deal-column-missing', file: name, header, field, columns: listed });
    columns[field] = at;
  }
  const missing = REQUIRED_DEAL_FIELDS.filter((field) => columns[field] === undefined);
  if (missing.length > 0)
    throw new ImportError({ code: 'deal-columns-not-found', file: name, fields: missing.join(', '), columns: listed });
  const deals: DealRow[] = [];
  let currencyAssumed: string | null = null;
  for await (const record of records(reader)) {
    const read = readDealRow(record.values, columns, reader.headers, timeZone, currencyUnnamed);
    if ('deal' in read) {
      deals.push(read.deal);
      if (read.currencyAssumed) currencyAssumed = read.deal.currency;
    } else
      throw new ImportError({
        code: 'deal-row',
        file: name,
        row: String(record.row),
        column: read.column,
        cell: read.problem,
      });
  }
  const bytes = readFileSync(path);
  return { deals, sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length, currencyAssumed };
}
