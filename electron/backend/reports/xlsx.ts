import ExcelJS from 'exceljs';
import type { CellFormat, Deck, DeckChart, DeckSection, DeckTable } from './deck';
import { placedLogo } from './logo';
import { addCharts } from './xlsx-package';
import { rangeRef, type SheetChart } from './xlsx-charts';

/** Excel number formats, shown with the reader's own separators (1.234,5 in Spanish, 1,234.5 in English). */
const NUMBER_FORMATS: Record<CellFormat, string> = {
  text: '@',
  int: '#,##0',
  dec1: '#,##0.0',
  dec2: '0.00',
  pct: '0.0%',
  money: '#,##0.00',
  change: '"▲ "0.0%;"▼ "0.0%;"= "0.0%',
  points: '"▲ "0.0" pp";"▼ "0.0" pp";"= 0 pp"',
  delta: '"▲ "0.00;"▼ "0.00;"= "0.00',
};
const GREEN = 'FF1A9850';
const RED = 'FFB2182B';
const HEADER_FILL = 'FFE7EFFD';
const CHART_COLUMNS = 9;
const CHART_ROWS = 18;
/** A sheet's title, period and note take the first rows; tables start below. */
const FIRST_TABLE_ROW = 5;

/** Where a table was written: its header's row and first column (1-based), so charts can reference its cells. */
interface Placed {
  table: DeckTable;
  headerRow: number;
  column: number;
}

/** The deck as a workbook: a sheet per section, its tables on the left, its native charts beside them. */
export async function writeWorkbook(
  deck: Deck,
  pictures: ReadonlyMap<string, Uint8Array>,
): Promise<{ buffer: Buffer; charts: number }> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Pulso';
  workbook.title = deck.title;
  workbook.created = new Date(deck.generatedAt);
  const chartsBySheet = new Map<string, SheetChart[]>();
  for (const section of deck.sections) {
    const name = sheetName(section.name, [...chartsBySheet.keys()]);
    const sheet = workbook.addWorksheet(name, {
      views: [{ state: 'frozen', ySplit: 3 }],
      pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 },
    });
    const placed = writeSection(sheet, section, deck);
    const logo = section.key === 'summary' && deck.logo ? placedLogo(deck.logo, { width: 180, height: 60 }) : null;
    if (logo) {
      const image = workbook.addImage({ buffer: logo.bytes as unknown as ExcelJS.Buffer, extension: logo.extension });
      sheet.addImage(image, {
        tl: { col: 4, row: 0 },
        ext: { width: Math.round(logo.width), height: Math.round(logo.height) },
      });
    }
    const charts = section.charts.map((chart, i) => sheetChart(name, chart, placed, i));
    chartsBySheet.set(name, charts);
    // Pictures below the native charts, in the same column: exceljs places them, and the charts share its drawing.
    const column = Math.max(0, ...placed.map((p) => p.table.columns.length)) + 1;
    section.pictures.forEach((picture, i) => {
      const png = pictures.get(picture.chart);
      if (!png) return;
      const image = workbook.addImage({ buffer: Buffer.from(png) as unknown as ExcelJS.Buffer, extension: 'png' });
      const row = FIRST_TABLE_ROW - 1 + (charts.length + i) * (CHART_ROWS + 1);
      sheet.addImage(image, { tl: { col: column, row }, ext: { width: 608, height: 342 } });
    });
  }
  const written = Buffer.from(await workbook.xlsx.writeBuffer());
  const charts = [...chartsBySheet.values()].reduce((sum, list) => sum + list.length, 0);
  return { buffer: await addCharts(written, chartsBySheet), charts };
}

/** Excel's rules for a sheet name: at most 31 characters, none of []:*?/\, unique. */
function sheetName(wanted: string, taken: readonly string[]): string {
  const base = wanted.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);
  let name = base;
  for (let n = 2; taken.includes(name); n++) name = `${base.slice(0, 28)} ${n}`;
  return name;
}

function writeSection(sheet: ExcelJS.Worksheet, section: DeckSection, deck: Deck): Placed[] {
  sheet.getCell('A1').value = section.title;
  sheet.getCell('A1').font = { bold: true, size: 16 };
  sheet.getCell('A2').value = `${deck.workspace} · ${deck.period.label}`;
  sheet.getCell('A2').font = { color: { argb: 'FF5F6B7A' } };
  if (section.empty) {
    sheet.getCell('A4').value = section.empty;
    sheet.getCell('A4').font = { italic: true, size: 12 };
    sheet.getColumn(1).width = Math.max(40, section.empty.length);
    return [];
  }
  const placed: Placed[] = [];
  const widths: number[] = [];
  let row = FIRST_TABLE_ROW;
  for (const table of section.tables) {
    sheet.getCell(row, 1).value = table.title;
    sheet.getCell(row, 1).font = { bold: true, size: 12 };
    const headerRow = row + 1;
    table.columns.forEach((column, i) => {
      const header = sheet.getCell(headerRow, i + 1);
      header.value = column.header;
      header.font = { bold: true };
      header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
      header.alignment = { wrapText: true, vertical: 'middle' };
      widths[i] = Math.max(widths[i] ?? 8, Math.min(28, column.header.length + 2));
    });
    table.rows.forEach((cells, r) => {
      cells.forEach((value, i) => {
        const target = sheet.getCell(headerRow + 1 + r, i + 1);
        const format = value.format ?? table.columns[i]?.format ?? 'text';
        target.value = value.value;
        if (format !== 'text') target.numFmt = NUMBER_FORMATS[format];
        if (
          (format === 'change' || format === 'points' || format === 'delta') &&
          typeof value.value === 'number' &&
          value.value !== 0
        )
          target.font = { color: { argb: value.value > 0 ? GREEN : RED }, bold: true };
        const shown = typeof value.value === 'string' ? value.value.length : 12;
        widths[i] = Math.max(widths[i] ?? 8, Math.min(i === 0 || format === 'text' ? 60 : 16, shown + 2));
      });
    });
    placed.push({ table, headerRow, column: 1 });
    row = headerRow + table.rows.length + 1;
    if (table.note) {
      sheet.getCell(row, 1).value = table.note;
      sheet.getCell(row, 1).font = { italic: true, color: { argb: 'FF5F6B7A' } };
      row++;
    }
    row++;
  }
  widths.forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  return placed;
}

function sheetChart(sheet: string, chart: DeckChart, placed: readonly Placed[], index: number): SheetChart {
  const at = placed.find((p) => p.table.key === chart.table);
  if (!at) throw new Error(`Chart "${chart.title}" names no table "${chart.table}"`);
  const { table, headerRow, column } = at;
  const first = headerRow + 1;
  const last = headerRow + Math.max(1, table.rows.length);
  const categories = table.rows.map((cells) => String(cells[0]?.value ?? ''));
  const columnsUsed = [...chart.series, ...(chart.secondary ?? [])];
  const series = columnsUsed.map((c, i) => ({
    name: table.columns[c]?.header ?? '',
    nameRef: rangeRef(sheet, column + c, headerRow),
    categoriesRef: rangeRef(sheet, column, first, last),
    valuesRef: rangeRef(sheet, column + c, first, last),
    categories,
    values: table.rows.map((cells) => {
      const value = cells[c]?.value;
      return typeof value === 'number' ? value : null;
    }),
    ...(chart.colors?.[i] ? { color: chart.colors[i] } : {}),
    ...(chart.pointColors ? { pointColors: chart.pointColors } : {}),
    ...(chart.secondary?.includes(c) ? { secondary: true } : {}),
  }));
  const formatOf = (c: number | undefined): string =>
    NUMBER_FORMATS[c === undefined ? 'int' : (table.columns[c]?.format ?? 'int')].replace('@', 'General');
  const tableWidth = Math.max(...placed.map((p) => p.table.columns.length));
  const fromCol = tableWidth + 1;
  const fromRow = FIRST_TABLE_ROW - 1 + index * (CHART_ROWS + 1);
  return {
    kind: chart.kind,
    ...(chart.grouping ? { grouping: chart.grouping } : {}),
    title: chart.title,
    series,
    format: formatOf(chart.series[0]),
    ...(chart.secondary ? { secondaryFormat: formatOf(chart.secondary[0]) } : {}),
    anchor: { fromCol, fromRow, toCol: fromCol + CHART_COLUMNS, toRow: fromRow + CHART_ROWS },
  };
}
