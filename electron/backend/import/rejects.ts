import { createWriteStream, type WriteStream } from 'node:fs';
import type { Cell } from '../../../shared/domain/import/values';
import { cellText } from '../../../shared/domain/import/values';

function quote(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The rejected rows of an import, each with its reason, as a CSV that Excel opens (UTF-8 BOM). */
export function createRejectsWriter(path: string, headers: readonly string[]) {
  const out: WriteStream = createWriteStream(path, { encoding: 'utf8' });
  out.write(`\ufeff${['row', 'column', 'reason', ...headers].map(quote).join(',')}\r\n`);
  return {
    write(row: number, column: string, reason: string, values: readonly Cell[]): void {
      out.write(`${[String(row), column, reason, ...values.map(cellText)].map(quote).join(',')}\r\n`);
    },
    close: (): Promise<void> => new Promise((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve()))),
  };
}
