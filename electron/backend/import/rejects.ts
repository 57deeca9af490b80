import { neutralizeFormula } from '../../../shared/domain/spreadsheet-cell';
import { cellText, type Cell } from '../../../shared/domain/import/values';
import { openOutputFile } from '../runtime/output-file';

function quote(value: string): string {
  const safe = neutralizeFormula(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The rejected rows of an import, each with its reason, as a CSV that Excel opens (UTF-8 BOM),
 * cells that could run as formulas neutralized. Written beside its name and renamed when the
 * import ends well: a failed import leaves no rejects file, and any file that was there before.
 */
export function createRejectsWriter(path: string, headers: readonly string[]) {
  const out = openOutputFile(path);
  out.stream.write(`\ufeff${['row', 'column', 'reason', ...headers].map(quote).join(',')}\r\n`);
  return {
    write(row: number, column: string, reason: string, values: readonly Cell[]): void {
      out.stream.write(`${[String(row), column, reason, ...values.map(cellText)].map(quote).join(',')}\r\n`);
    },
    close: out.commit,
    abort: out.abort,
  };
}
