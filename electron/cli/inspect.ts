import type { ImportInspection, PreviewValue } from '../../shared/api/import';
import { adSpendColumns } from '../../shared/domain/import/ad-spend';
import { FIELD_NAMES, type Field } from '../../shared/domain/import/fields';
import { cellProblemText, fileProblemText, inEnglish } from '../../shared/domain/import/problems';
import type { Io } from './io';

/** Preview rows printed: enough to see each column read right, few enough to read. */
const ROWS_SHOWN = 5;
const TEXT_SHOWN = 60;

function shown(field: Field, value: PreviewValue | undefined): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number' && field === 'postedAt') return new Date(value).toISOString().replace('.000Z', 'Z');
  const text = String(value).replace(/\s+/g, ' ');
  return text.length > TEXT_SHOWN ? `${text.slice(0, TEXT_SHOWN - 1)}…` : text;
}

/**
 * `pulso import FILE --dry-run`: what the wizard shows before an import, as text: how the file was read, which
 * column feeds each field, what each label value becomes, the first rows as they would be stored, and every cell of
 * the rows read that would refuse the file. Returns whether the import as asked would take the file whole.
 */
export function printInspection(inspection: ImportInspection, io: Io): boolean {
  const say = inEnglish();
  const how = [
    inspection.format.toUpperCase(),
    inspection.encoding,
    inspection.delimiter === '\t' ? 'tab-separated' : inspection.delimiter && `"${inspection.delimiter}"-separated`,
    inspection.part && `${inspection.format === 'access' ? 'table' : 'sheet'} "${inspection.part}"`,
    inspection.headerRow === 0 ? 'no header row' : inspection.headerRow && `header on row ${inspection.headerRow}`,
  ].filter(Boolean);
  const rows = `${inspection.rows.exact ? '' : 'about '}${inspection.rows.count.toLocaleString('en')} rows`;
  io.out(`${inspection.file}: ${how.join(', ')}; ${rows}`);
  if (inspection.descriptionRow) io.out(`row ${inspection.descriptionRow} describes the columns: skipped`);

  io.out('columns:');
  const mapped = FIELD_NAMES.filter((field) => inspection.mapping.columns[field] !== undefined);
  const width = Math.max(...mapped.map((field) => field.length));
  for (const field of mapped) io.out(`  ${field.padEnd(width)} ← ${inspection.mapping.columns[field] as string}`);
  const used = new Set(Object.values(inspection.mapping.columns));
  const unused = inspection.headers.filter((header) => !used.has(header));
  if (unused.length > 0) io.out(`  not imported: ${unused.join(', ')}`);
  for (const guess of inspection.dropped)
    io.out(`  left out: "${guess.column}" looked like the ${guess.field}, but holds "${shown('text', guess.example)}"`);
  const defaults = inspection.mapping.defaults;
  if (defaults?.source ?? inspection.mapping.source)
    io.out(`  every row's network: ${defaults?.source ?? inspection.mapping.source}`);
  if (defaults?.postedAt) io.out(`  the time of rows without one: ${defaults.postedAt}`);

  for (const table of inspection.valueTables) {
    io.out(`${table.field} (column "${table.column}"):`);
    for (const value of table.values)
      io.out(
        `  ${JSON.stringify(value.written)} ×${value.rows.toLocaleString('en')} → ${
          value.error ? `cannot be read: ${cellProblemText(value.error, say)}` : (value.becomes ?? 'no label')
        }`,
      );
    if (table.more > 0) io.out(`  and ${table.more.toLocaleString('en')} more values`);
  }

  const problems: string[] = [];
  if (inspection.dealsExport)
    problems.push(fileProblemText({ code: 'file-deals-not-messages', file: inspection.file }, say));
  if (inspection.missing.length > 0) problems.push(`no column for ${inspection.missing.join(' and ')}`);
  if (inspection.open.dateOrder) problems.push('the dates can be day/month or month/day: give --date-order dmy or mdy');
  if (inspection.open.temperatureScale)
    problems.push('the temperatures can be −2…+2 or 1…5: give --temperature-scale signed or five');
  if (inspection.emptyText)
    problems.push(
      `the text column "${inspection.emptyText.column}" is empty in ${inspection.emptyText.empty} of ${inspection.emptyText.count} rows read`,
    );

  for (const table of inspection.valueTables)
    for (const value of table.values)
      if (value.error)
        problems.push(
          `${value.rows.toLocaleString('en')} row(s), column "${table.column}": ${cellProblemText(value.error, say)}`,
        );

  io.out(`the first rows as they would be stored:`);
  for (const row of inspection.preview.slice(0, ROWS_SHOWN))
    io.out(`  row ${row.row}: ${mapped.map((field) => `${field}=${shown(field, row.values[field])}`).join(' · ')}`);
  // A label column's unreadable values are said once above, with their rows counted; a field without a column, once.
  const tabled = new Set<Field>([...inspection.valueTables.map((table) => table.field), ...inspection.missing]);
  for (const row of inspection.preview)
    for (const [field, problem] of Object.entries(row.errors) as [Field, NonNullable<(typeof row.errors)[Field]>][])
      if (!tabled.has(field))
        problems.push(
          `row ${row.row}, column "${inspection.mapping.columns[field] ?? field}": ${cellProblemText(problem, say)}`,
        );
  if (inspection.implausibleDates > 0)
    io.out(`warning: ${inspection.implausibleDates} of the rows read are dated before 1990 or more than a day ahead`);

  if (problems.length === 0) {
    io.out('it would import (nothing written: a dry run)');
    return true;
  }
  io.out('it would not import as it is (nothing written: a dry run; --rejects FILE would take the valid rows):');
  problems.forEach((problem) => io.out(`  ${problem}`));
  // As the wizard offers (a deals export is said above): a file of something else, and the command that takes it.
  if (!inspection.dealsExport && adSpendColumns(inspection.headers))
    io.out(`it looks like an ads report: pulso costs import-ads "${inspection.file}"`);
  return false;
}
