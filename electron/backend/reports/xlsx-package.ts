import JSZip from 'jszip';
import {
  chartXml,
  CONTENT_TYPE,
  drawingXml,
  escapeXml,
  RELATIONSHIP,
  relationshipsXml,
  type SheetChart,
} from './xlsx-charts';

/** Elements that come after `<drawing>` in a worksheet (ECMA-376 §18.3.1.99): the drawing goes before the first. */
const AFTER_DRAWING = [
  '<legacyDrawing',
  '<legacyDrawingHF',
  '<drawingHF',
  '<picture',
  '<oleObjects',
  '<controls',
  '<webPublishItems',
  '<tableParts',
  '<extLst',
  '</worksheet>',
];

const text = async (zip: JSZip, path: string): Promise<string> => {
  const file = zip.file(path);
  if (!file) throw new Error(`The workbook has no ${path}`);
  return file.async('string');
};

/** Each sheet's part path (`xl/worksheets/sheet2.xml`), by its name, from the workbook and its relationships. */
async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const workbook = await text(zip, 'xl/workbook.xml');
  const rels = await text(zip, 'xl/_rels/workbook.xml.rels');
  const targets = new Map<string, string>();
  for (const match of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(match[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(match[0])?.[1];
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const parts = new Map<string, string>();
  for (const match of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(match[0])?.[1];
    const id = /\br:id="([^"]+)"/.exec(match[0])?.[1];
    const part = id ? targets.get(id) : undefined;
    if (name !== undefined && part) parts.set(unescapeXml(name), part);
  }
  return parts;
}

const unescapeXml = (value: string): string =>
  value
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/**
 * Adds native charts to a workbook exceljs wrote: per sheet one drawing holding its charts, each chart a part of its
 * own, with the relationships and content types that tie them in. Sheets are named as in the workbook.
 */
export async function addCharts(
  workbook: Buffer,
  chartsBySheet: ReadonlyMap<string, readonly SheetChart[]>,
): Promise<Buffer> {
  const zip = await JSZip.loadAsync(workbook);
  const parts = await sheetParts(zip);
  let types = await text(zip, '[Content_Types].xml');
  const overrides: string[] = [];
  let chartNumber = 0;
  let drawingNumber = zip.file(/^xl\/drawings\/drawing\d+\.xml$/).length;
  for (const [sheet, charts] of chartsBySheet) {
    if (charts.length === 0) continue;
    const part = parts.get(sheet);
    if (!part) throw new Error(`The workbook has no sheet "${sheet}"`);
    const relsPath = part.replace(/([^/]+)$/, '_rels/$1.rels');
    const existing = zip.file(relsPath) ? await text(zip, relsPath) : null;
    if (existing?.includes(RELATIONSHIP.drawing)) throw new Error(`Sheet "${sheet}" already has a drawing`);
    drawingNumber++;
    const drawing = `xl/drawings/drawing${drawingNumber}.xml`;
    const chartRelations = charts.map((chart, i) => {
      chartNumber++;
      zip.file(`xl/charts/chart${chartNumber}.xml`, chartXml(chart));
      overrides.push(`<Override PartName="/xl/charts/chart${chartNumber}.xml" ContentType="${CONTENT_TYPE.chart}"/>`);
      return { id: `rId${i + 1}`, type: RELATIONSHIP.chart, target: `../charts/chart${chartNumber}.xml` };
    });
    zip.file(drawing, drawingXml(charts));
    zip.file(`xl/drawings/_rels/drawing${drawingNumber}.xml.rels`, relationshipsXml(chartRelations));
    overrides.push(`<Override PartName="/${drawing}" ContentType="${CONTENT_TYPE.drawing}"/>`);

    const drawingId = 'rIdPulsoDrawing';
    const relation = `<Relationship Id="${drawingId}" Type="${RELATIONSHIP.drawing}" Target="../drawings/drawing${drawingNumber}.xml"/>`;
    zip.file(
      relsPath,
      existing
        ? existing.replace('</Relationships>', `${relation}</Relationships>`)
        : relationshipsXml([
            { id: drawingId, type: RELATIONSHIP.drawing, target: `../drawings/drawing${drawingNumber}.xml` },
          ]),
    );
    let xml = await text(zip, part);
    if (!xml.includes('xmlns:r=')) {
      xml = xml.replace(
        /<worksheet\b/,
        '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"',
      );
    }
    const at = Math.min(...AFTER_DRAWING.map((tag) => xml.indexOf(tag)).filter((i) => i >= 0));
    zip.file(part, `${xml.slice(0, at)}<drawing r:id="${escapeXml(drawingId)}"/>${xml.slice(at)}`);
  }
  types = types.replace('</Types>', `${overrides.join('')}</Types>`);
  zip.file('[Content_Types].xml', types);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
