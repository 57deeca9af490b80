import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../../../electron/backend/backend';
import { createClient, type Client } from '../../../../../shared/api/client';
import type { KpiReport } from '../../../../../shared/api/kpis';
import type { ReportResult } from '../../../../../shared/api/reports';
import type { RoiReport } from '../../../../../shared/domain/roi';
import { chartPng, defaultFontFile } from '../../../../../electron/backend/reports/chart-png';

const QUARTER = { from: '2026-07-01', to: '2026-09-30' };
const ARTIFACTS = join(import.meta.dirname, '../../../../e2e/artifacts/deck');

/** One demo workspace for the whole file (the helpers' would be removed after the first test). */
interface Opened {
  backend: Backend;
  client: Client;
}

async function writeDeck(opened: Opened, path: string, extra: Record<string, unknown> = {}): Promise<ReportResult> {
  const format = path.endsWith('.pptx') ? 'pptx' : 'xlsx';
  const end = await opened.client.runJob('reports.write', { ...QUARTER, path, format, ...extra });
  if (end.state !== 'finished') throw new Error(end.message);
  return end.result;
}

/** A chart formula's cells (`'Sheet'!$B$6:$B$9`), read from the workbook as exceljs gives them. */
function cellsAt(workbook: ExcelJS.Workbook, formula: string): (string | number | null)[] {
  const match = /^'((?:[^']|'')+)'!\$([A-Z]+)\$(\d+)(?::\$([A-Z]+)\$(\d+))?$/.exec(formula);
  if (!match) throw new Error(`not a range: ${formula}`);
  const sheet = workbook.getWorksheet(match[1]?.replace(/''/g, "'") as string);
  if (!sheet) throw new Error(`no sheet in ${formula}`);
  const column = match[2] as string;
  const first = Number(match[3]);
  const last = Number(match[5] ?? match[3]);
  const values: (string | number | null)[] = [];
  for (let row = first; row <= last; row++) {
    const value = sheet.getCell(`${column}${row}`).value;
    values.push(typeof value === 'number' || typeof value === 'string' ? value : null);
  }
  return values;
}

const cacheOf = (xml: string, numbers: boolean): (string | number | null)[] => {
  const count = Number(/<c:ptCount val="(\d+)"\/>/.exec(xml)?.[1]);
  const values: (string | number | null)[] = Array.from({ length: count }, () => null);
  for (const point of xml.matchAll(/<c:pt idx="(\d+)"><c:v>([^<]*)<\/c:v><\/c:pt>/g)) {
    const text = (point[2] as string).replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
    values[Number(point[1])] = numbers ? Number(text) : text;
  }
  return values;
};

/** A table on a sheet: the rows under the header row whose first cell is `header`, up to the first empty row. */
function tableUnder(sheet: ExcelJS.Worksheet, header: string): (string | number | null)[][] {
  let start = 0;
  sheet.eachRow((row, number) => {
    if (!start && row.getCell(1).value === header) start = number;
  });
  expect(start, `a table headed "${header}" on ${sheet.name}`).toBeGreaterThan(0);
  const rows: (string | number | null)[][] = [];
  for (let n = start + 1; sheet.getRow(n).getCell(1).value !== null; n++) {
    const values = sheet.getRow(n).values as unknown[];
    rows.push(values.slice(1).map((v) => (typeof v === 'number' || typeof v === 'string' ? v : null)));
  }
  return rows;
}

describe('the quarterly deck', () => {
  let opened: Opened;
  let kpis: KpiReport;
  let roi: RoiReport | null;
  let folder: string;
  /** The quarter's deck in both formats, written once: the workbook in Spanish, the slides in English. */
  const decks = { xlsx: '', pptx: '' };
  let written: { xlsx: ReportResult; pptx: ReportResult };
  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'pulso-deck-'));
    const backend = createBackend(join(folder, 'Lumen.pulso'));
    opened = { backend, client: createClient(backend) };
    const demo = await opened.client.runJob('demo.create', { messages: 3000 });
    if (demo.state !== 'finished') throw new Error(demo.message);
    await opened.client.call('settings.update', { language: 'es' });
    kpis = await opened.client.call('kpis.get', QUARTER);
    roi = await opened.client.call('kpis.roi', QUARTER);
    decks.xlsx = join(folder, 'deck.xlsx');
    decks.pptx = join(folder, 'deck.pptx');
    written = {
      xlsx: await writeDeck(opened, decks.xlsx),
      pptx: await writeDeck(opened, decks.pptx, { language: 'en' }),
    };
  }, 120_000);
  afterAll(async () => {
    await opened.backend.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('writes a workbook whose figures are the KPIs of the period, a sheet per section in the chosen language', async () => {
    const path = decks.xlsx;
    const result = written.xlsx;
    expect(result).toMatchObject({ fileName: 'deck.xlsx', sheets: 9 });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Resumen',
      'Volumen',
      'Cuota de voz',
      'Atención',
      'Clientes',
      'Leads y ROI',
      'Comunidad',
      'Demografía',
      'Definiciones',
    ]);
    const summary = workbook.getWorksheet('Resumen') as ExcelJS.Worksheet;
    const headline = tableUnder(summary, 'Cifra');
    expect(headline[0]?.slice(0, 3)).toEqual(['Menciones', kpis.totals.messages, kpis.previousPeriod.totals.messages]);
    expect(headline[2]?.slice(1, 3)).toEqual([kpis.netTemperature, kpis.previousPeriod.netTemperature]);
    // The change against the previous period, a number executives can reuse, shown with ▲▼ and colour.
    const change = summary.getCell(`D${summary.getColumn(1).values.indexOf('Menciones')}`);
    expect(change.value).toBeCloseTo(
      (kpis.totals.messages - kpis.previousPeriod.totals.messages) / kpis.previousPeriod.totals.messages,
      10,
    );
    expect(change.numFmt).toContain('▲');

    const buckets = tableUnder(workbook.getWorksheet('Volumen') as ExcelJS.Worksheet, 'Semana del');
    expect(buckets).toEqual(
      kpis.volume.buckets.map((b) => [
        // The bucket's first day as Spanish writes it.
        b.start.split('-').reverse().join('/'),
        b.messages,
        b.byTemperature['-2'],
        b.byTemperature['-1'],
        b.byTemperature['0'],
        b.byTemperature['1'],
        b.byTemperature['2'],
        b.byTemperature.unlabeled,
      ]),
    );
    const entities = tableUnder(workbook.getWorksheet('Cuota de voz') as ExcelJS.Worksheet, 'Marca');
    expect(entities.slice(0, kpis.entities.length).map((r) => r.slice(0, 4))).toEqual(
      kpis.entities.map((e) => [e.name, e.mentions, e.shareOfVoice, e.netTemperature]),
    );
    const care = tableUnder(workbook.getWorksheet('Atención') as ExcelJS.Worksheet, 'Etapa');
    expect(care).toEqual([
      ['Solicitados', kpis.care.requested],
      ['Atendidos', kpis.care.attended],
      ['Resueltos', kpis.care.resolved],
    ]);
    expect(roi).not.toBeNull();
    const models = tableUnder(workbook.getWorksheet('Leads y ROI') as ExcelJS.Worksheet, 'Modelo');
    expect(models.map((r) => [r[1], r[2]])).toEqual(
      Object.keys(roi?.attributedRevenue ?? {}).map((model) => [
        roi?.attributedRevenue[model as 'linear'],
        roi?.roi[model as 'linear'],
      ]),
    );
    const definitions = tableUnder(workbook.getWorksheet('Definiciones') as ExcelJS.Worksheet, 'KPI');
    expect(definitions.length).toBeGreaterThanOrEqual(10);
    for (const [name, words] of definitions) expect(`${name}: ${words}`).not.toMatch(/deck\.|undefined|\{/);
    // Print set-up and frozen title rows on every sheet.
    for (const sheet of workbook.worksheets) {
      expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1 });
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    }
  });

  it("holds native charts whose series point at the cells they chart, with the package's parts all tied in", async () => {
    const path = decks.xlsx;
    const result = written.xlsx;
    const zip = await JSZip.loadAsync(readFileSync(path));
    const charts = zip.file(/^xl\/charts\/chart\d+\.xml$/);
    expect(charts.length).toBe(result.charts);
    expect(result.charts).toBeGreaterThanOrEqual(14);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const kinds = new Set<string>();
    for (const part of charts) {
      const xml = await part.async('string');
      for (const kind of xml.matchAll(/<c:(lineChart|barChart|pieChart|doughnutChart)>/g)) kinds.add(kind[1] as string);
      for (const grouping of xml.matchAll(/<c:grouping val="(\w+)"\/>/g)) kinds.add(grouping[1] as string);
      if (xml.includes('<c:crosses val="max"/>')) kinds.add('secondary axis');
      const refs = [...xml.matchAll(/<c:(numRef|strRef)><c:f>([^<]+)<\/c:f>(.*?)<\/c:\1>/g)];
      expect(refs.length, part.name).toBeGreaterThan(0);
      for (const [, type, formula, cache] of refs) {
        const cells = cellsAt(workbook, (formula as string).replace(/&apos;/g, "'"));
        expect(cacheOf(cache as string, type === 'numRef'), `${part.name} ${formula}`).toEqual(cells);
      }
    }
    expect([...kinds].sort()).toEqual(
      [
        'barChart',
        'clustered',
        'doughnutChart',
        'lineChart',
        'percentStacked',
        'pieChart',
        'secondary axis',
        'stacked',
        'standard',
      ].sort(),
    );
    const types = await zip.file('[Content_Types].xml')?.async('string');
    for (const part of charts) expect(types).toContain(`<Override PartName="/${part.name}"`);
    for (const drawing of zip.file(/^xl\/drawings\/drawing\d+\.xml$/)) {
      expect(types).toContain(`<Override PartName="/${drawing.name}"`);
      const rels = await zip.file(drawing.name.replace('drawings/', 'drawings/_rels/') + '.rels')?.async('string');
      const xml = await drawing.async('string');
      const ids = [...xml.matchAll(/r:id="(rId\d+)"/g)].map((m) => m[1]);
      for (const id of ids) {
        const target = new RegExp(`Id="${id}"[^>]*Target="\\.\\./charts/(chart\\d+\\.xml)"`).exec(rels ?? '')?.[1];
        expect(target, `${drawing.name} ${id}`).toBeDefined();
        expect(zip.file(`xl/charts/${target}`)).not.toBeNull();
      }
    }
    // The pictures (charts with no native counterpart) share their sheet's drawing with its native charts.
    const media = zip.file(/^xl\/media\/image\d+\.png$/);
    expect(media.length).toBe(2);
    const shared = await Promise.all(zip.file(/^xl\/drawings\/drawing\d+\.xml$/).map((d) => d.async('string')));
    expect(shared.filter((xml) => xml.includes('<xdr:pic>') && xml.includes('<c:chart ')).length).toBe(1);
    for (const png of media) expect((await png.async('nodebuffer')).subarray(1, 4).toString()).toBe('PNG');
    // Each sheet with charts names its drawing, which exists.
    for (const sheet of zip.file(/^xl\/worksheets\/sheet\d+\.xml$/)) {
      const xml = await sheet.async('string');
      const id = /<drawing r:id="([^"]+)"\/>/.exec(xml)?.[1];
      if (!id) continue;
      const rels = await zip.file(sheet.name.replace('worksheets/', 'worksheets/_rels/') + '.rels')?.async('string');
      const target = new RegExp(`Id="${id}"[^>]*Target="\\.\\./drawings/(drawing\\d+\\.xml)"`).exec(rels ?? '')?.[1];
      expect(zip.file(`xl/drawings/${target}`), sheet.name).not.toBeNull();
    }
  });

  it('writes the same deck as slides: one native chart per chart slide, each with its embedded workbook', async () => {
    const path = decks.pptx;
    const result = written.pptx;
    const zip = await JSZip.loadAsync(readFileSync(path));
    const charts = zip.file(/^ppt\/charts\/chart\d+\.xml$/);
    expect(charts.length).toBe(result.charts);
    expect(result.charts).toBeGreaterThanOrEqual(14);
    for (const chart of charts) {
      const rels = await zip.file(chart.name.replace('charts/', 'charts/_rels/') + '.rels')?.async('string');
      const embedded = /Target="\.\.\/embeddings\/([^"]+\.xlsx)"/.exec(rels ?? '')?.[1];
      expect(embedded, chart.name).toBeDefined();
      const data = await zip.file(`ppt/embeddings/${embedded}`)?.async('nodebuffer');
      const book = new ExcelJS.Workbook();
      await book.xlsx.load((data as Uint8Array).buffer as ArrayBuffer);
      expect(book.worksheets[0]?.rowCount, embedded).toBeGreaterThan(1);
    }
    const slides = zip.file(/^ppt\/slides\/slide\d+\.xml$/);
    expect(slides.length).toBe(result.sheets);
    expect(zip.file(/^ppt\/media\/image-\d+-\d+\.png$/).length).toBe(2);
    const text = (await Promise.all(slides.map((s) => s.async('string')))).join('');
    expect(text).toContain('Executive summary');
    expect(text).toContain(kpis.totals.messages.toLocaleString('en-US'));
  });

  it('says so on each sheet when the period has no data, instead of empty charts', async () => {
    const path = join(folder, 'empty.xlsx');
    const end = await opened.client.runJob('reports.write', {
      from: '2020-01-01',
      to: '2020-03-31',
      path,
      format: 'xlsx',
      sections: ['volume', 'voice', 'leads'],
    });
    expect(end).toMatchObject({ state: 'finished', result: { charts: 0, sheets: 4 } });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    expect(workbook.getWorksheet('Volumen')?.getCell('A4').value).toBe(
      'No hay menciones en este periodo: nada que mostrar.',
    );
    expect(workbook.getWorksheet('Leads y ROI')?.getCell('A4').value).toBe(
      'No hay leads, ventas ni costes en este periodo.',
    );
  });

  it('refuses a missing folder, a wrong extension or a read-only file, and leaves no half-written file', async () => {
    const call = (path: string, format: 'xlsx' | 'pptx' = 'xlsx') =>
      opened.client.call('reports.write', { ...QUARTER, path, format });
    await expect(call(join(folder, 'no-such-folder', 'deck.xlsx'))).rejects.toThrow(/The report: no folder/);
    await expect(call(join(folder, 'deck.pdf'))).rejects.toThrow('The report deck.pdf must end in .xlsx');
    const locked = join(folder, 'locked.xlsx');
    writeFileSync(locked, 'an older deck', { mode: 0o444 });
    if (process.getuid?.() !== 0) await expect(call(locked)).rejects.toThrow(/read-only or open in another program/);
    // A cancelled deck leaves the folder as it was.
    const target = join(folder, 'cancelled.xlsx');
    let cancelled = false;
    const end = await opened.client.runJob('reports.write', { ...QUARTER, path: target, format: 'xlsx' }, (event) => {
      if (event.state === 'progress' && !cancelled) {
        cancelled = true;
        void opened.client.call('jobs.cancel', { jobId: event.jobId });
      }
    });
    expect(end.state).toBe('cancelled');
    expect(existsSync(target)).toBe(false);
  });

  it('lists the decks written, latest first, with their period and file', async () => {
    const list = await opened.client.call('reports.list', {});
    expect(list.length).toBeGreaterThanOrEqual(3);
    expect(list[0]).toMatchObject({ format: 'xlsx', from: '2020-01-01', fileName: 'empty.xlsx', exists: true });
    expect(list.find((r) => r.fileName === 'deck.pptx')).toMatchObject({ ...QUARTER, format: 'pptx', language: 'en' });
  });

  it("carries the workspace's name and logo on the cover and the title slide; refuses a logo that is not an image", async () => {
    const logo = join(folder, 'logo.png');
    writeFileSync(logo, chartPng({ title: { text: 'LUMEN' } }, { width: 300, height: 100 }, defaultFontFile()));
    const gif = join(folder, 'logo.gif');
    writeFileSync(gif, Buffer.from('GIF89a\x01\x00\x01\x00', 'binary'));
    await expect(opened.client.call('reports.setBranding', { path: gif })).rejects.toThrow(
      'The logo logo.gif is not a PNG or JPEG image',
    );
    expect(await opened.client.call('reports.branding', {})).toEqual({ name: 'Lumen', logo: null, named: false });
    await opened.client.call('reports.setBranding', { name: 'Lumen Móvil', path: logo });
    const branding = await opened.client.call('reports.branding', {});
    expect(branding).toMatchObject({ name: 'Lumen Móvil', named: true });
    expect(branding.logo).toMatch(/^data:image\/png;base64,/);

    const book = join(folder, 'branded.xlsx');
    await writeDeck(opened, book);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(book);
    const summary = workbook.getWorksheet('Resumen') as ExcelJS.Worksheet;
    expect(String(summary.getCell('A2').value)).toMatch(/^Lumen Móvil · /);
    expect(summary.getImages()).toHaveLength(1);
    const slides = join(folder, 'branded.pptx');
    await writeDeck(opened, slides);
    const zip = await JSZip.loadAsync(readFileSync(slides));
    const first = await zip.file('ppt/slides/slide1.xml')?.async('string');
    expect(first).toContain('<p:pic>');
    expect(first).toContain('Lumen Móvil');
    // An empty name goes back to the workspace file's.
    await opened.client.call('reports.setBranding', { name: '' });
    expect(await opened.client.call('reports.branding', {})).toMatchObject({ name: 'Lumen', named: false });
  });

  it('opens in LibreOffice: both decks convert to PDF, a page per sheet at least and a page per slide', async () => {
    const missing = ['soffice', 'pdfinfo', 'pdftoppm'].filter((tool) => {
      try {
        execFileSync('sh', ['-c', `command -v ${tool}`]);
        return false;
      } catch {
        return true;
      }
    });
    if (missing.length > 0)
      throw new Error(
        `${missing.join(', ')} not found: install LibreOffice and poppler (Debian: apt-get install libreoffice-calc-nogui libreoffice-impress-nogui poppler-utils; .ci/run does)`,
      );
    const [path, slides] = [decks.xlsx, decks.pptx];
    const [book, deck] = [written.xlsx, written.pptx];
    mkdirSync(ARTIFACTS, { recursive: true });
    for (const [file, minimum, exact] of [
      [path, book.sheets, false],
      [slides, deck.sheets, true],
    ] as const) {
      execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', folder, file], {
        stdio: 'pipe',
        timeout: 120_000,
      });
      const pdf = file.replace(/\.\w+$/, '.pdf');
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf]).toString())?.[1]);
      if (exact) expect(pages).toBe(minimum);
      else expect(pages).toBeGreaterThanOrEqual(minimum);
      const stem = join(ARTIFACTS, file.endsWith('.pptx') ? 'slides' : 'workbook');
      execFileSync('pdftoppm', ['-r', '60', '-png', pdf, stem]);
      copyFileSync(pdf, `${stem}.pdf`);
    }
  }, 300_000);
});
