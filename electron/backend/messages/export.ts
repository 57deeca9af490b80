import type Database from 'better-sqlite3';
import { countMessages, iterateMessages } from '../../../db/queries/messages';
import type { MessageRow } from '../../../shared/api/contract';
import type { GridColumn } from '../../../shared/api/grid';
import type { MessageFilter, MessageSort } from '../../../shared/api/messages';
import { COLUMN_TEXT, csvField } from '../../../shared/domain/grid-text';
import type { Language } from '../../../shared/domain/vocabulary';
import { createTranslator, type MessageKey } from '../../../shared/i18n';
import type { JobProgress } from '../runtime/jobs';
import { openOutputFile } from '../runtime/output-file';

export interface GridExportData {
  workspacePath: string;
  nativeBinding?: string | undefined;
  path: string;
  filter: MessageFilter;
  sort?: MessageSort | undefined;
  columns: GridColumn[];
  language: Language;
  timeZone: string;
}

const PROGRESS_EVERY = 5_000;

/**
 * The grid as the analyst sees it (its filter, order and visible columns, cells as they read on screen) written to CSV
 * for Excel (BOM, `;` in Spanish, CRLF) or XLSX (streamed, so a million rows stay out of memory); cells that would run
 * as formulas are written as text. The file appears whole or not at all.
 */
export async function writeGridExport(
  sqlite: Database.Database,
  data: GridExportData,
  progress: (progress: JobProgress) => void,
): Promise<{ rows: number; path: string }> {
  const t = createTranslator(data.language, data.timeZone);
  const total = countMessages(sqlite, data.filter, data.timeZone).total;
  const headers = data.columns.map((column) => t.t(`grid.col.${column}` as MessageKey));
  const cells = (row: MessageRow): (string | number | null)[] =>
    data.columns.map((column) => {
      if (column === 'temperature') return row.temperature;
      return COLUMN_TEXT[column](row, t);
    });
  const out = openOutputFile(data.path);
  let rows = 0;
  const step = (): void => {
    if (++rows % PROGRESS_EVERY === 0) progress({ done: rows, total });
  };
  try {
    if (data.path.toLowerCase().endsWith('.xlsx')) {
      // Loaded when a workbook is asked for: the library is large, and the app and the CLI start without it.
      const { default: ExcelJS } = await import('exceljs');
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out.stream, useSharedStrings: false });
      const sheet = workbook.addWorksheet(t.t('grid.title'), { views: [{ state: 'frozen', ySplit: 1 }] });
      sheet.addRow(headers).commit();
      for (const row of iterateMessages(sqlite, data, data.timeZone)) {
        // A text cell of a workbook is never run as a formula: only CSV needs neutralizing.
        sheet.addRow(cells(row)).commit();
        step();
      }
      sheet.commit();
      await workbook.commit();
      await out.commit();
    } else {
      const separator = data.language === 'es' ? ';' : ',';
      const line = (values: (string | number | null)[]): string =>
        `${values.map((value) => csvField(value, separator)).join(separator)}\r\n`;
      out.stream.write(`\uFEFF${line(headers)}`);
      let chunk = '';
      for (const row of iterateMessages(sqlite, data, data.timeZone)) {
        chunk += line(cells(row));
        step();
        if (chunk.length > 1 << 20) {
          if (!out.stream.write(chunk)) await new Promise<void>((drained) => out.stream.once('drain', () => drained()));
          chunk = '';
        }
      }
      out.stream.write(chunk);
      await out.commit();
    }
  } catch (error) {
    await out.abort();
    throw error;
  }
  progress({ done: rows, total });
  return { rows, path: data.path };
}
