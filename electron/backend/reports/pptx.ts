import PptxGenJS from 'pptxgenjs';
import type { Translator } from '../../../shared/i18n';
import type { CellFormat, Deck, DeckCell, DeckChart, DeckSection, DeckTable } from './deck';
import { placedLogo } from './logo';

const WIDE = { w: 13.333, h: 7.5 };
const ACCENT = '2F6FDE';
const MUTED = '5F6B7A';
const FONT = 'Calibri';

/** Chart value formats as PowerPoint writes them (its own code, like Excel's). */
const CHART_FORMATS: Partial<Record<CellFormat, string>> = { int: '#,##0', dec1: '#,##0.0', dec2: '0.00', pct: '0%' };

/**
 * The deck as slides: a title slide, the summary's tables, then a slide per chart with the native chart (pptxgenjs
 * embeds each chart's data as a workbook, so it can be edited in PowerPoint) and a caption with the figure and its
 * change.
 */
export async function writeSlides(
  deck: Deck,
  t: Translator,
  pictures: ReadonlyMap<string, Uint8Array>,
): Promise<{ buffer: Buffer; charts: number; slides: number }> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = deck.title;
  pptx.company = deck.workspace;
  pptx.author = 'Pulso';
  const title = pptx.addSlide();
  title.background = { color: 'FFFFFF' };
  title.addText(deck.title, {
    x: 0.7,
    y: 2.4,
    w: WIDE.w - 1.4,
    h: 1.2,
    fontFace: FONT,
    fontSize: 36,
    bold: true,
    color: ACCENT,
  });
  title.addText(deck.period.label, {
    x: 0.7,
    y: 3.7,
    w: WIDE.w - 1.4,
    h: 0.6,
    fontFace: FONT,
    fontSize: 20,
    color: MUTED,
  });
  const logo = deck.logo ? placedLogo(deck.logo, { width: 3, height: 1.2 }) : null;
  if (logo)
    title.addImage({
      data: `image/${logo.extension};base64,${logo.bytes.toString('base64')}`,
      x: 0.7,
      y: 0.8,
      w: logo.width,
      h: logo.height,
      altText: deck.workspace,
    });
  let charts = 0;
  let slides = 1;
  for (const section of deck.sections) {
    if (section.key === 'summary' || section.empty || section.charts.length === 0) {
      if (section.key !== 'definitions') slides += tableSlides(pptx, section, deck, t);
      continue;
    }
    for (const chart of section.charts) {
      chartSlide(pptx, section, chart, deck);
      charts++;
      slides++;
    }
    for (const picture of section.pictures) {
      const png = pictures.get(picture.chart);
      if (!png) continue;
      const slide = captionedSlide(pptx, picture.title, section.caption, deck);
      const h = WIDE.h - 2.2;
      slide.addImage({
        data: `image/png;base64,${Buffer.from(png).toString('base64')}`,
        x: (WIDE.w - (h * 16) / 9) / 2,
        y: 1.5,
        w: (h * 16) / 9,
        h,
        altText: picture.title,
      });
      slides++;
    }
  }
  const buffer = (await pptx.write({ outputType: 'nodebuffer' })) as Buffer;
  return { buffer, charts, slides };
}

function heading(slide: PptxGenJS.Slide, text: string, deck: Deck): void {
  slide.addText(text, {
    x: 0.5,
    y: 0.3,
    w: WIDE.w - 1,
    h: 0.7,
    fontFace: FONT,
    fontSize: 26,
    bold: true,
    color: '1D2330',
  });
  slide.addText(`${deck.workspace} · ${deck.period.label}`, {
    x: 0.5,
    y: WIDE.h - 0.5,
    w: WIDE.w - 1,
    h: 0.3,
    fontFace: FONT,
    fontSize: 10,
    color: MUTED,
  });
}

/** A slide with its title, the section's caption (its figure and change) under it, and the footer. */
function captionedSlide(pptx: PptxGenJS, title: string, caption: string, deck: Deck): PptxGenJS.Slide {
  const slide = pptx.addSlide();
  heading(slide, title, deck);
  slide.addText(caption, { x: 0.5, y: 0.95, w: WIDE.w - 1, h: 0.45, fontFace: FONT, fontSize: 16, color: MUTED });
  return slide;
}

/** The slides of a section without charts (the summary), a table each; or one saying why a section is empty. */
function tableSlides(pptx: PptxGenJS, section: DeckSection, deck: Deck, t: Translator): number {
  if (section.empty) {
    const slide = pptx.addSlide();
    heading(slide, section.title, deck);
    slide.addText(section.empty, {
      x: 0.5,
      y: 1.5,
      w: WIDE.w - 1,
      h: 1,
      fontFace: FONT,
      fontSize: 20,
      italic: true,
      color: MUTED,
    });
    return 1;
  }
  for (const table of section.tables) {
    const slide = pptx.addSlide();
    heading(slide, `${section.title}: ${table.title}`, deck);
    const rows: PptxGenJS.TableRow[] = [
      table.columns.map((column) => ({ text: column.header, options: { bold: true, fill: { color: 'E7EFFD' } } })),
      ...table.rows.map((cells) => cells.map((value, i) => tableCell(value, table, i, t))),
    ];
    slide.addTable(rows, {
      x: 0.5,
      y: 1.3,
      w: WIDE.w - 1,
      fontFace: FONT,
      fontSize: 14,
      border: { type: 'solid', pt: 0.5, color: 'D5D8DC' },
    });
  }
  return section.tables.length;
}

function tableCell(value: DeckCell, table: DeckTable, column: number, t: Translator): PptxGenJS.TableCell {
  const format = value.format ?? table.columns[column]?.format ?? 'text';
  const text = formatCell(value.value, format, t);
  const signed =
    (format === 'change' || format === 'points' || format === 'delta') &&
    typeof value.value === 'number' &&
    value.value !== 0;
  return {
    text,
    options: {
      align: format === 'text' ? 'left' : 'right',
      ...(signed ? { color: (value.value as number) > 0 ? '1A9850' : 'B2182B', bold: true } : {}),
    },
  };
}

/** A figure as the workbook shows it, in the deck's language (1.234,5 / 1,234.5). */
export function formatCell(value: DeckCell['value'], format: CellFormat, t: Translator): string {
  if (value === null) return '—';
  if (typeof value === 'string') return value;
  switch (format) {
    case 'int':
      return t.number(value);
    case 'dec1':
      return t.number(value, 1);
    case 'dec2':
      return t.number(value, 2);
    case 'money':
      return t.number(value, 2);
    case 'pct':
      return `${t.number(value * 100, 1)} %`;
    case 'change':
      return value === 0 ? '= 0 %' : `${value > 0 ? '▲' : '▼'} ${t.number(Math.abs(value) * 100, 1)} %`;
    case 'delta':
      return value === 0 ? '= 0' : `${value > 0 ? '▲' : '▼'} ${t.number(Math.abs(value), 2)}`;
    case 'points':
      return value === 0 ? '= 0 pp' : `${value > 0 ? '▲' : '▼'} ${t.number(Math.abs(value), 1)} pp`;
    default:
      return String(value);
  }
}

function chartData(table: DeckTable, columns: readonly number[]): PptxGenJS.OptsChartData[] {
  const labels = table.rows.map((cells) => String(cells[0]?.value ?? ''));
  return columns.map((c) => ({
    name: table.columns[c]?.header ?? '',
    labels,
    // A gap in a table (no figure) is drawn as 0: the slide's caption and the workbook keep the gap.
    values: table.rows.map((cells) => (typeof cells[c]?.value === 'number' ? (cells[c]?.value as number) : 0)),
  }));
}

function chartSlide(pptx: PptxGenJS, section: DeckSection, chart: DeckChart, deck: Deck): void {
  const slide = captionedSlide(pptx, chart.title, section.caption, deck);
  const table = section.tables.find((candidate) => candidate.key === chart.table);
  if (!table) throw new Error(`Chart "${chart.title}" names no table "${chart.table}"`);
  const format = CHART_FORMATS[table.columns[chart.series[0] ?? 1]?.format ?? 'int'];
  const place = { x: 0.5, y: 1.5, w: WIDE.w - 1, h: WIDE.h - 2.2 };
  const common = {
    ...place,
    fontFace: FONT,
    showLegend: true,
    legendPos: 'b' as const,
    ...(format ? { valAxisLabelFormatCode: format } : {}),
  };
  if (chart.kind === 'combo') {
    const secondary = chart.secondary ?? [];
    const secondaryFormat = CHART_FORMATS[table.columns[secondary[0] ?? 1]?.format ?? 'int'];
    const options: PptxGenJS.IChartOpts = {
      ...common,
      valAxes: [
        { showValAxisTitle: false, ...(format ? { valAxisLabelFormatCode: format } : {}) },
        {
          showValAxisTitle: false,
          valGridLine: { style: 'none' },
          ...(secondaryFormat ? { valAxisLabelFormatCode: secondaryFormat } : {}),
        },
      ],
      catAxes: [{ catAxisTitle: '' }, { catAxisHidden: true }],
    };
    // A combo's options go where a chart's data would (pptxgenjs reads them from there when the types are a list).
    slide.addChart(
      [
        {
          type: pptx.ChartType.bar,
          data: chartData(table, chart.series),
          options: { barDir: 'col', chartColors: [chart.colors?.[0] ?? ACCENT] },
        },
        {
          type: pptx.ChartType.line,
          data: chartData(table, secondary),
          options: { chartColors: [chart.colors?.[1] ?? 'F28E2B'], secondaryValAxis: true, secondaryCatAxis: true },
        },
      ],
      null as unknown as [],
      options,
    );
    return;
  }
  const data = chartData(table, chart.series);
  if (chart.kind === 'pie' || chart.kind === 'doughnut')
    slide.addChart(chart.kind === 'pie' ? pptx.ChartType.pie : pptx.ChartType.doughnut, data, {
      ...common,
      chartColors: chart.pointColors ?? [ACCENT],
      showPercent: true,
      ...(chart.kind === 'doughnut' ? { holeSize: 50 } : {}),
    });
  else
    slide.addChart(chart.kind === 'line' ? pptx.ChartType.line : pptx.ChartType.bar, data, {
      ...common,
      chartColors: chart.colors ?? [ACCENT],
      ...(chart.kind === 'line'
        ? { lineDataSymbol: 'none' as const }
        : { barDir: chart.kind === 'bar' ? 'bar' : 'col', barGrouping: chart.grouping ?? 'clustered' }),
    });
}
