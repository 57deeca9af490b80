import JSZip from 'jszip';
import {
  chartAnchors,
  chartXml,
  CONTENT_TYPE,
  drawingXml,
  escapeXml,
  RELATIONSHIP,
  relationshipsXml,
  relationshipXml,
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

/** The drawing a sheet's relationships name (`drawing1.xml`), if it has one. */
function drawingOf(rels: string): string | null {
  for (const match of rels.matchAll(/<Relationship\b[^>]*>/g))
    if (match[0].includes(RELATIONSHIP.drawing))
      return /Target="(?:\.\.\/drawings\/)?([^"]+)"/.exec(match[0])?.[1] ?? null;
  return null;
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
    const chartParts = charts.map((chart) => {
      chartNumber++;
      const name = `chart${chartNumber}.xml`;
      zip.file(`xl/charts/${name}`, chartXml(chart));
      overrides.push(`<Override PartName="/xl/charts/${name}" ContentType="${CONTENT_TYPE.chart}"/>`);
      return name;
    });
    const shared = existing ? drawingOf(existing) : null;
    if (shared) {
      // The sheet's pictures (exceljs's) already have a drawing: the charts join it.
      const drawing = `xl/drawings/${shared}`;
      const drawingRels = `xl/drawings/_rels/${shared}.rels`;
      const ids = chartParts.map((_, i) => `rIdPulsoChart${i + 1}`);
      const xml = await text(zip, drawing);
      zip.file(drawing, xml.replace('</xdr:wsDr>', `${chartAnchors(charts, ids, 1000)}</xdr:wsDr>`));
      const relations = chartParts.map((name, i) => ({
        id: ids[i] as string,
        type: RELATIONSHIP.chart,
        target: `../charts/${name}`,
      }));
      const rels = zip.file(drawingRels) ? await text(zip, drawingRels) : relationshipsXml([]);
      zip.file(
        drawingRels,
        rels.replace('</Relationships>', `${relations.map(relationshipXml).join('')}</Relationships>`),
      );
      continue;
    }
    drawingNumber++;
    const drawing = `xl/drawings/drawing${drawingNumber}.xml`;
    zip.file(drawing, drawingXml(charts));
    zip.file(
      `xl/drawings/_rels/drawing${drawingNumber}.xml.rels`,
      relationshipsXml(
        chartParts.map((name, i) => ({ id: `rId${i + 1}`, type: RELATIONSHIP.chart, target: `../charts/${name}` })),
      ),
    );
    overrides.push(`<Override PartName="/${drawing}" ContentType="${CONTENT_TYPE.drawing}"/>`);

    const drawingId = 'rIdPulsoDrawing';
    const relation = { id: drawingId, type: RELATIONSHIP.drawing, target: `../drawings/drawing${drawingNumber}.xml` };
    zip.file(
      relsPath,
      existing
        ? existing.replace('</Relationships>', `${relationshipXml(relation)}</Relationships>`)
        : relationshipsXml([relation]),
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
