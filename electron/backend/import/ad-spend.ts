import { basename } from 'node:path';
import { adSpendColumns, isTotalsRow, summaryRow } from '../../../shared/domain/import/ad-spend';
import { detectDateOrder, parseDate, type DateOrder } from '../../../shared/domain/import/dates';
import { parseAmount } from '../../../shared/domain/import/deal-fields';
import type { CellProblem } from '../../../shared/domain/import/problems';
import { cellText, type Cell } from '../../../shared/domain/import/values';
import { localDate } from '../../../shared/domain/time';
import { ImportError, openReader, readerOptions, records } from './readers';
import type { FileRecord, ReaderOptions } from './readers/types';

export interface AdSpend {
  /** What the report's rows spent, in all. */
  ads: number;
  /** As the spend's header names it, if it does. */
  currency: string | null;
  /** The days the rows cover, first and last (the workspace's zone). */
  from: string;
  to: string;
  rows: number;
}

/**
 * An ads report's spend (Facebook Ads Manager's export and reports like it), every row read before anything is used
 * (such reports are small: a row per campaign or day): a row whose spend or day cannot be read refuses the file,
 * naming its row and column.
 */
export async function readAdSpend(
  path: string,
  options: ReaderOptions,
  timeZone: string,
  /** How slashed dates read (04/05/2026), where the report's own days do not tell. */
  given: DateOrder | undefined,
): Promise<AdSpend> {
  const name = basename(path);
  const reader = await openReader(path, readerOptions(options));
  const columns = adSpendColumns(reader.headers);
  if (!columns)
    throw new ImportError({
      code: 'ads-columns-not-found',
      file: name,
      columns: reader.headers.map((h) => `"${h}"`).join(', '),
    });
  const refuse = (row: number, at: number, cell: CellProblem): ImportError =>
    new ImportError({ code: 'ads-row', file: name, row: String(row), column: reader.headers[at] ?? '', cell });
  const rows: FileRecord[] = [];
  for await (const record of records(reader))
    if (!isTotalsRow(record.values.map(cellText), cellText(record.values[columns.starts] ?? null))) rows.push(record);
  // Slashed days read as the report's own days say (one past the 12th), else as the user said; never guessed.
  const dayCells = rows.flatMap(({ values }) =>
    [columns.starts, columns.ends].flatMap((at) => (at === null ? [] : [cellText(values[at] ?? null)])),
  );
  const detected = detectDateOrder(dayCells);
  if (detected === 'inconsistent') throw new ImportError({ code: 'dates-mixed', file: name });
  const order = detected === 'ambiguous' || detected === null ? (given ?? null) : detected;
  if (detected === 'ambiguous' && !given) throw new ImportError({ code: 'dates-ambiguous', file: name });
  const day = (row: number, at: number, values: readonly Cell[]): string | null => {
    const parsed = parseDate(values[at] ?? null, order, timeZone);
    if (!parsed.ok) throw refuse(row, at, parsed.problem);
    return parsed.value === null ? null : localDate(parsed.value, timeZone);
  };
  const cents: number[] = [];
  let currency = columns.currency;
  let from: string | null = null;
  let to: string | null = null;
  for (const { row, values } of rows) {
    const written = cellText(values[columns.spend] ?? null);
    // A campaign that spent nothing may leave its cell empty.
    const spend = written === '' ? 0 : parseAmount(values[columns.spend] ?? null);
    if (spend === null || spend < 0) throw refuse(row, columns.spend, { code: 'amount-unread', value: written });
    const starts = day(row, columns.starts, values);
    if (starts === null) throw refuse(row, columns.starts, { code: 'date-empty' });
    const ends = (columns.ends === null ? null : day(row, columns.ends, values)) ?? starts;
    if (columns.currencyColumn !== null) {
      const code = cellText(values[columns.currencyColumn] ?? null).toUpperCase();
      // One report, one currency: a report that mixes them has no one sum to take.
      if (!/^[A-Z]{3}$/.test(code))
        throw refuse(row, columns.currencyColumn, { code: 'currency-unknown', value: code });
      if (currency !== null && code !== currency)
        throw refuse(row, columns.currencyColumn, { code: 'currency-mixed', value: code });
      currency = code;
    }
    cents.push(Math.round(spend * 100));
    if (from === null || starts < from) from = starts;
    if (to === null || ends > to) to = ends;
  }
  if (from === null || to === null) throw new ImportError({ code: 'ads-no-rows', file: name });
  // Counted with the rows it sums, a summary row would count the spend twice.
  const summary = summaryRow(
    cents,
    rows.map(({ values }) => values.map(cellText)),
  );
  if (summary !== null) cents.splice(summary, 1);
  // Cents, as the report wrote them: a sum of hundreds of rows in binary fractions drifts.
  const ads = cents.reduce((sum, value) => sum + value, 0) / 100;
  return { ads, currency, from, to, rows: cents.length };
}
