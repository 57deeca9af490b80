import type { MessageRow } from '../../../../shared/api/contract';
import { neutralizeFormula } from '../../../../shared/domain/spreadsheet-cell';

const quote = (value: string): string => (/[\t\n\r"]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
const clean = (value: string): string => quote(neutralizeFormula(value));

/** Rows as tab-separated text with a header row, as Excel pastes it. */
export function rowsToTsv(
  rows: readonly MessageRow[],
  headers: readonly string[],
  cells: (row: MessageRow) => string[],
): string {
  return [headers, ...rows.map(cells)].map((line) => line.map(clean).join('\t')).join('\r\n');
}
