// DrawingML for native Excel charts, which exceljs does not write: chart parts whose series reference the cells of the
// sheet's tables (with caches, so a reader that does not recalculate draws them too), and the drawing that anchors
// them. Modelled on what Excel itself writes (the Excel-made files XlsxWriter compares against).

export type ChartKind = 'line' | 'column' | 'bar' | 'pie' | 'doughnut' | 'combo';
export type ChartGrouping = 'clustered' | 'stacked' | 'percentStacked';

export interface SheetChartSeries {
  name: string;
  /** A cell holding the series name, as a formula: `'Volume'!$B$4`. */
  nameRef: string;
  categoriesRef: string;
  valuesRef: string;
  categories: string[];
  values: (number | null)[];
  /** RRGGBB; one per point for pies and doughnuts. */
  color?: string;
  pointColors?: string[];
  /** A combo chart's line, on the second value axis. */
  secondary?: boolean;
}

export interface SheetChart {
  kind: ChartKind;
  grouping?: ChartGrouping;
  title: string;
  series: SheetChartSeries[];
  /** The number format of the values (and of their axis), as in the cells. */
  format?: string;
  secondaryFormat?: string;
  /** Cells the chart spans: from its top-left cell to the cell after its bottom-right (0-based). */
  anchor: { fromCol: number; fromRow: number; toCol: number; toRow: number };
}

const NS =
  'xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" ' +
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export const escapeXml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string,
  );

const val = (tag: string, value: string | number): string => `<c:${tag} val="${value}"/>`;

function richText(text: string, size: number, bold: boolean): string {
  return (
    `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"/></a:pPr>` +
    `<a:r><a:rPr lang="es-ES" sz="${size}" b="${bold ? 1 : 0}"/><a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich></c:tx>`
  );
}

function strRef(ref: string, values: readonly string[]): string {
  const points = values.map((v, i) => `<c:pt idx="${i}"><c:v>${escapeXml(v)}</c:v></c:pt>`).join('');
  return `<c:strRef><c:f>${escapeXml(ref)}</c:f><c:strCache><c:ptCount val="${values.length}"/>${points}</c:strCache></c:strRef>`;
}

function numRef(ref: string, values: readonly (number | null)[], format: string): string {
  // A blank cell is left out of the cache, as Excel does: the chart shows a gap.
  const points = values
    .map((v, i) => (v === null || !Number.isFinite(v) ? '' : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`))
    .join('');
  return (
    `<c:numRef><c:f>${escapeXml(ref)}</c:f><c:numCache><c:formatCode>${escapeXml(format)}</c:formatCode>` +
    `<c:ptCount val="${values.length}"/>${points}</c:numCache></c:numRef>`
  );
}

const solid = (color: string): string => `<a:solidFill><a:srgbClr val="${color}"/></a:solidFill>`;

function seriesXml(series: SheetChartSeries, index: number, kind: ChartKind | 'lineOf', format: string): string {
  const line = kind === 'line' || kind === 'lineOf';
  const fill = series.color
    ? line
      ? `<c:spPr><a:ln w="28575" cap="rnd">${solid(series.color)}<a:round/></a:ln></c:spPr>`
      : `<c:spPr>${solid(series.color)}</c:spPr>`
    : '';
  const points = (series.pointColors ?? [])
    .map((color, i) => `<c:dPt><c:idx val="${i}"/><c:bubble3D val="0"/><c:spPr>${solid(color)}</c:spPr></c:dPt>`)
    .join('');
  return (
    `<c:ser>${val('idx', index)}${val('order', index)}<c:tx>${strRef(series.nameRef, [series.name])}</c:tx>${fill}` +
    (line
      ? `<c:marker>${val('symbol', 'none')}</c:marker>`
      : kind === 'column' || kind === 'bar'
        ? val('invertIfNegative', 0)
        : '') +
    points +
    `<c:cat>${strRef(series.categoriesRef, series.categories)}</c:cat><c:val>${numRef(series.valuesRef, series.values, format)}</c:val>` +
    (line ? val('smooth', 0) : '') +
    '</c:ser>'
  );
}

function barChart(chart: SheetChart, series: SheetChartSeries[], axes: [number, number], first: number): string {
  const grouping = chart.grouping ?? 'clustered';
  return (
    `<c:barChart>${val('barDir', chart.kind === 'bar' ? 'bar' : 'col')}${val('grouping', grouping)}${val('varyColors', 0)}` +
    series.map((s, i) => seriesXml(s, first + i, 'column', chart.format ?? 'General')).join('') +
    `${val('gapWidth', 80)}${grouping === 'clustered' ? '' : val('overlap', 100)}` +
    `${val('axId', axes[0])}${val('axId', axes[1])}</c:barChart>`
  );
}

function lineChart(
  chart: SheetChart,
  series: SheetChartSeries[],
  axes: [number, number],
  first: number,
  format: string,
) {
  return (
    `<c:lineChart>${val('grouping', 'standard')}${val('varyColors', 0)}` +
    series.map((s, i) => seriesXml(s, first + i, 'lineOf', format)).join('') +
    `${val('marker', 1)}${val('axId', axes[0])}${val('axId', axes[1])}</c:lineChart>`
  );
}

function catAx(id: number, cross: number, position: 'b' | 'l', deleted = false): string {
  return (
    `<c:catAx>${val('axId', id)}<c:scaling>${val('orientation', 'minMax')}</c:scaling>${val('delete', deleted ? 1 : 0)}` +
    `${val('axPos', position)}<c:numFmt formatCode="General" sourceLinked="0"/>` +
    `${val('majorTickMark', 'out')}${val('minorTickMark', 'none')}${val('tickLblPos', 'nextTo')}` +
    `${val('crossAx', cross)}${val('crosses', 'autoZero')}${val('auto', 1)}${val('lblAlgn', 'ctr')}${val('lblOffset', 100)}` +
    `${val('noMultiLvlLbl', 0)}</c:catAx>`
  );
}

function valAx(id: number, cross: number, position: 'l' | 'r' | 'b', format: string, secondary = false): string {
  return (
    `<c:valAx>${val('axId', id)}<c:scaling>${val('orientation', 'minMax')}</c:scaling>${val('delete', 0)}` +
    `${val('axPos', position)}${secondary ? '' : '<c:majorGridlines/>'}` +
    `<c:numFmt formatCode="${escapeXml(format)}" sourceLinked="0"/>` +
    `${val('majorTickMark', 'out')}${val('minorTickMark', 'none')}${val('tickLblPos', 'nextTo')}` +
    `${val('crossAx', cross)}${val('crosses', secondary ? 'max' : 'autoZero')}${val('crossBetween', 'between')}</c:valAx>`
  );
}

/** One chart part (`xl/charts/chartN.xml`). */
export function chartXml(chart: SheetChart): string {
  const format = chart.format ?? 'General';
  let plot: string;
  if (chart.kind === 'pie' || chart.kind === 'doughnut') {
    const series = chart.series.map((s, i) => seriesXml(s, i, chart.kind, format)).join('');
    plot =
      chart.kind === 'pie'
        ? `<c:pieChart>${val('varyColors', 1)}${series}${val('firstSliceAng', 0)}</c:pieChart>`
        : `<c:doughnutChart>${val('varyColors', 1)}${series}${val('firstSliceAng', 0)}${val('holeSize', 50)}</c:doughnutChart>`;
  } else if (chart.kind === 'line') {
    plot =
      lineChart(chart, chart.series, [50010001, 50010002], 0, format) +
      catAx(50010001, 50010002, 'b') +
      valAx(50010002, 50010001, 'l', format);
  } else if (chart.kind === 'combo') {
    const columns = chart.series.filter((s) => !s.secondary);
    const lines = chart.series.filter((s) => s.secondary);
    plot =
      barChart({ ...chart, kind: 'column' }, columns, [50010001, 50010002], 0) +
      lineChart(chart, lines, [60010001, 60010002], columns.length, chart.secondaryFormat ?? format) +
      catAx(50010001, 50010002, 'b') +
      valAx(50010002, 50010001, 'l', format) +
      valAx(60010002, 60010001, 'r', chart.secondaryFormat ?? format, true) +
      catAx(60010001, 60010002, 'b', true);
  } else {
    const horizontal = chart.kind === 'bar';
    plot =
      barChart(chart, chart.series, [50010001, 50010002], 0) +
      catAx(50010001, 50010002, horizontal ? 'l' : 'b') +
      valAx(50010002, 50010001, horizontal ? 'b' : 'l', chart.grouping === 'percentStacked' ? '0%' : format);
  }
  return (
    `${HEADER}<c:chartSpace ${NS}>${val('lang', 'es-ES')}${val('roundedCorners', 0)}<c:chart>` +
    `<c:title>${richText(chart.title, 1200, true)}<c:overlay val="0"/></c:title>${val('autoTitleDeleted', 0)}` +
    `<c:plotArea><c:layout/>${plot}</c:plotArea>` +
    `<c:legend>${val('legendPos', 'b')}<c:overlay val="0"/></c:legend>${val('plotVisOnly', 1)}${val('dispBlanksAs', 'gap')}` +
    '</c:chart><c:printSettings><c:headerFooter/><c:pageMargins b="0.75" l="0.7" r="0.7" t="0.75" header="0.3" footer="0.3"/>' +
    '<c:pageSetup orientation="landscape"/></c:printSettings></c:chartSpace>'
  );
}

/** One two-cell anchor per chart, each pointing at its relationship id (`relIds[i]`), shape ids from `firstShape`. */
export function chartAnchors(
  charts: readonly Pick<SheetChart, 'anchor' | 'title'>[],
  relIds: readonly string[],
  firstShape = 2,
): string {
  return charts
    .map((chart, i) => {
      const { fromCol, fromRow, toCol, toRow } = chart.anchor;
      return (
        '<xdr:twoCellAnchor editAs="oneCell">' +
        `<xdr:from><xdr:col>${fromCol}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${fromRow}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
        `<xdr:to><xdr:col>${toCol}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${toRow}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${firstShape + i}" name="${escapeXml(`Chart ${i + 1}`)}" descr="${escapeXml(chart.title)}"/>` +
        '<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
        '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">' +
        '<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" ' +
        `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="${escapeXml(relIds[i] ?? '')}"/>` +
        '</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>'
      );
    })
    .join('');
}

/** A sheet's drawing (`xl/drawings/drawingN.xml`): one two-cell anchor per chart, each pointing at `rIdN`. */
export function drawingXml(charts: readonly Pick<SheetChart, 'anchor' | 'title'>[]): string {
  const anchors = chartAnchors(
    charts,
    charts.map((_, i) => `rId${i + 1}`),
  );
  return (
    `${HEADER}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" ` +
    `xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">${anchors}</xdr:wsDr>`
  );
}

export const RELATIONSHIP = {
  chart: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart',
  drawing: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing',
};
export const CONTENT_TYPE = {
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
};

export interface Relationship {
  id: string;
  type: string;
  target: string;
}
export const relationshipXml = (r: Relationship): string =>
  `<Relationship Id="${escapeXml(r.id)}" Type="${r.type}" Target="${escapeXml(r.target)}"/>`;

export function relationshipsXml(relations: readonly Relationship[]): string {
  return `${HEADER}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${relations.map(relationshipXml).join('')}</Relationships>`;
}

/** A cell range as a chart formula: `'Sheet name'!$B$3:$B$9` (rows and columns 1-based). */
export function rangeRef(sheet: string, column: number, fromRow: number, toRow: number = fromRow): string {
  const letters = columnLetters(column);
  const quoted = `'${sheet.replace(/'/g, "''")}'`;
  return fromRow === toRow
    ? `${quoted}!$${letters}$${fromRow}`
    : `${quoted}!$${letters}$${fromRow}:$${letters}$${toRow}`;
}

export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
