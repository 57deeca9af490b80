import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  chartXml,
  columnLetters,
  drawingXml,
  rangeRef,
  type SheetChart,
} from '../../../../../electron/backend/reports/xlsx-charts';

/** Excel-made files with one chart each (XlsxWriter's comparison files; source and licence in their README). */
const ORACLES = join(import.meta.dirname, '../../../../../../shared/datasets/xlsx-chart-oracles');
const oracle = async (name: string, part = 'xl/charts/chart1.xml'): Promise<string> =>
  (await JSZip.loadAsync(readFileSync(join(ORACLES, name))).then((zip) => zip.file(part)?.async('string'))) ?? '';

/** The element names directly inside the plot area, in order: the chart types and axes, as Excel lays them out. */
const plotArea = (xml: string): string[] => {
  const inside = /<c:plotArea>(.*)<\/c:plotArea>/s.exec(xml)?.[1] ?? '';
  const names: string[] = [];
  let depth = 0;
  for (const tag of inside.matchAll(/<(\/?)c:(\w+)[^>]*?(\/?)>/g)) {
    if (tag[1]) depth--;
    else {
      if (depth === 0 && tag[2] !== 'layout') names.push(tag[2] as string);
      if (!tag[3]) depth++;
    }
  }
  return names;
};
const settings = (xml: string, element: string): Record<string, string> => {
  const inside = new RegExp(`<c:${element}>(.*?)</c:${element}>`, 's').exec(xml)?.[1] ?? '';
  return Object.fromEntries(
    [...inside.matchAll(/<c:(barDir|grouping|overlap|varyColors|holeSize|firstSliceAng)\s+val="([^"]+)"\/>/g)].map(
      (m) => [m[1] as string, m[2] as string],
    ),
  );
};

const series = (n: number) => ({
  name: `S${n}`,
  nameRef: rangeRef('Sheet1', n + 1, 1),
  categoriesRef: rangeRef('Sheet1', 1, 2, 6),
  valuesRef: rangeRef('Sheet1', n + 1, 2, 6),
  categories: ['a', 'b', 'c', 'd', 'e'],
  values: [1, 2, null, 4, 5],
});
const chart = (kind: SheetChart['kind'], extra: Partial<SheetChart> = {}): string =>
  chartXml({
    kind,
    title: 'T',
    series: [series(1), series(2)],
    anchor: { fromCol: 4, fromRow: 8, toCol: 11, toRow: 22 },
    ...extra,
  });

describe("the chart parts, beside Excel's own", () => {
  it('lays out a combo as Excel does: columns, a line, and its second axes (the category one hidden)', async () => {
    const excel = await oracle('chart_combined04.xlsx');
    const ours = chart('combo', { series: [series(1), { ...series(2), secondary: true }] });
    expect(plotArea(ours)).toEqual(plotArea(excel));
    expect(plotArea(ours)).toEqual(['barChart', 'lineChart', 'catAx', 'valAx', 'valAx', 'catAx']);
    const secondValue = /<c:valAx>(?:(?!<\/c:valAx>).)*<c:axPos val="r"\/>(?:(?!<\/c:valAx>).)*<\/c:valAx>/s.exec(
      ours,
    )?.[0];
    expect(secondValue).toContain('<c:crosses val="max"/>');
    expect(/<c:catAx>(?:(?!<\/c:catAx>).)*<c:delete val="1"\/>/s.test(ours)).toBe(true);
  });

  it.each([
    ['chart_line01.xlsx', 'line', {}, 'lineChart'],
    ['chart_column01.xlsx', 'column', { grouping: 'clustered' }, 'barChart'],
    ['chart_column02.xlsx', 'column', { grouping: 'stacked' }, 'barChart'],
    ['chart_pie01.xlsx', 'pie', {}, 'pieChart'],
    ['chart_doughnut01.xlsx', 'doughnut', {}, 'doughnutChart'],
  ] as const)('writes %s as Excel does (%s)', async (file, kind, extra, element) => {
    const excel = await oracle(file);
    const ours = chart(kind, extra);
    expect(plotArea(ours)).toEqual(plotArea(excel));
    expect(settings(ours, element)).toMatchObject(settings(excel, element));
  });

  it('references its cells with caches, gaps left out of the cache as Excel leaves them', () => {
    const xml = chart('column');
    expect(xml).toContain('<c:f>&apos;Sheet1&apos;!$B$2:$B$6</c:f><c:numCache><c:formatCode>General</c:formatCode>');
    expect(xml).toContain(
      '<c:ptCount val="5"/><c:pt idx="0"><c:v>1</c:v></c:pt><c:pt idx="1"><c:v>2</c:v></c:pt><c:pt idx="3">',
    );
    expect(xml).toContain('<c:strCache><c:ptCount val="5"/><c:pt idx="0"><c:v>a</c:v></c:pt>');
  });

  it('anchors each chart of a sheet between two cells, pointing at its own relationship', () => {
    const xml = drawingXml([
      { title: 'A & B', anchor: { fromCol: 4, fromRow: 8, toCol: 11, toRow: 22 } },
      { title: 'C', anchor: { fromCol: 4, fromRow: 23, toCol: 11, toRow: 37 } },
    ]);
    expect(xml.match(/<xdr:twoCellAnchor/g)).toHaveLength(2);
    expect(xml).toContain('<xdr:from><xdr:col>4</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>8</xdr:row>');
    expect(xml).toContain('r:id="rId2"');
    expect(xml).toContain('descr="A &amp; B"');
  });

  it('names columns and ranges as Excel does, quoting any sheet name', () => {
    expect([1, 26, 27, 52, 53, 702, 703].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
    expect(rangeRef('Leads y ROI', 2, 6, 13)).toBe("'Leads y ROI'!$B$6:$B$13");
    expect(rangeRef("O'Brien", 1, 4)).toBe("'O''Brien'!$A$4");
  });
});
