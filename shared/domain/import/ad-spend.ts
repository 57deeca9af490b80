import { foldHeader } from './fields';

/**
 * An ads report's columns (Facebook Ads Manager's, Google Ads', and reports like them in Spanish or English): what
 * was spent, and the days the report covers. Ads Manager writes both the campaigns' own schedule (Starts, Ends) and
 * the report's range (Reporting Starts, Reporting Ends): the report's range wins, as the spend is the spend within it.
 */
const SPEND =
  /^(amount spent|spend|spent|total spent|cost|importe gastado|gasto|coste|importe invertido)( \(([a-z]{3})\))?$/;
const STARTS = [
  'reporting starts',
  'inicio del informe',
  'day',
  'date',
  'dia',
  'fecha',
  'starts',
  'start date',
  // LinkedIn Campaign Manager's.
  'start date (in utc)',
  'inicio',
];
const ENDS = ['reporting ends', 'fin del informe', 'ends', 'end date', 'fin'];
/** A column of each row's currency, where the spend's header names none (Google Ads' "Currency code"). */
const CURRENCIES = ['currency code', 'currency', 'codigo de moneda', 'moneda', 'divisa'];

export interface AdSpendColumns {
  spend: number;
  /** The currency the spend's header names ("Amount Spent (USD)"), if it does. */
  currency: string | null;
  starts: number;
  /** The day a row's spend ends on; a report by day has none (each row is its day). */
  ends: number | null;
  /** Each row's currency, where the spend's header names none. */
  currencyColumn: number | null;
}

/** The columns of an ads report among a file's headers, or null when it is not one (no spend, or no day). */
export function adSpendColumns(headers: readonly string[]): AdSpendColumns | null {
  const folded = headers.map(foldHeader);
  const spendAt = folded.findIndex((header) => SPEND.test(header));
  const first = (names: readonly string[]): number | null => {
    for (const name of names) {
      const at = folded.indexOf(name);
      if (at >= 0) return at;
    }
    return null;
  };
  const starts = first(STARTS);
  if (spendAt < 0 || starts === null) return null;
  const currency = SPEND.exec(folded[spendAt] as string)?.[3];
  return {
    spend: spendAt,
    currency: currency ? currency.toUpperCase() : null,
    starts,
    ends: first(ENDS),
    currencyColumn: currency ? null : first(CURRENCIES),
  };
}

/**
 * A report's totals row, not a day's spend (Google Ads' "Total: Account" and "Total: Search" under its days): no day,
 * and a cell that says total. Counting it would count the spend twice.
 */
export function isTotalsRow(cells: readonly string[], dayCell: string): boolean {
  if (dayCell !== '' && dayCell !== '--') return false;
  return cells.some((cell) => /^(total|totales|totals)\b/i.test(cell.trim()));
}

/**
 * Which row, if any, is a report's summary (Ads Manager's "include summary row": the reporting days and the total
 * spend, no campaign): its spend, in cents, is all the other rows' together, and it leaves empty a column every other
 * row fills. Two rows cannot tell (each is the other's sum when they are equal).
 */
export function summaryRow(cents: readonly number[], cells: readonly (readonly string[])[]): number | null {
  if (cents.length < 3) return null;
  const total = cents.reduce((sum, value) => sum + value, 0);
  const at = cents.findIndex((value) => value > 0 && value * 2 === total);
  if (at < 0) return null;
  // Not Math.max(...): a spread of a long report's rows overflows the stack.
  const width = cells.reduce((widest, row) => Math.max(widest, row.length), 0);
  for (let column = 0; column < width; column++)
    if (!cells[at]?.[column] && cells.every((row, i) => i === at || Boolean(row[column]))) return at;
  return null;
}
