import type { MessageRow } from '../../../../shared/api/contract';

const clean = (value: string): string => (/[\t\n\r"]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** Rows as tab-separated text with a header row, as Excel pastes it. */
export function rowsToTsv(rows: readonly MessageRow[], headers: readonly string[], cells: (row: MessageRow) => string[]): string {
  return [headers, ...rows.map(cells)].map((line) => line.map(clean).join('\t')).join('\r\n');
}
