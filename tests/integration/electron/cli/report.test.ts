import ExcelJS from 'exceljs';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { KpiReport } from '../../../../shared/api/kpis';
import { runCli } from '../../../helpers/cli';
import { tempFolder } from '../../../helpers/files';
import { tempWorkspacePath } from '../../../helpers/workspace';

describe('pulso report', () => {
  it('writes the quarter asked for, in the language asked for, with the figures `pulso kpis --json` gives', async () => {
    const workspace = tempWorkspacePath();
    expect((await runCli('demo', '--workspace', workspace, '--messages', '1500')).code).toBe(0);
    const folder = tempFolder();
    const out = join(folder, 'Q3.xlsx');
    const written = await runCli(
      'report',
      '--workspace',
      workspace,
      '--quarter',
      '2026Q3',
      '--out',
      out,
      '--lang',
      'en',
      '--json',
    );
    expect(written.code, written.err).toBe(0);
    expect(JSON.parse(written.out)).toMatchObject({ from: '2026-07-01', to: '2026-09-30', sheets: 9 });
    const kpis = JSON.parse(
      (await runCli('kpis', '--workspace', workspace, '--from', '2026-07-01', '--to', '2026-09-30', '--json')).out,
    ) as KpiReport & { roi: { attributedRevenue: Record<string, number>; cost: number } };
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const summary = workbook.getWorksheet('Summary') as ExcelJS.Worksheet;
    const values = new Map<string, unknown[]>();
    summary.eachRow((row) =>
      values.set(String(row.getCell(1).value ?? row.getCell(2).value), (row.values as unknown[]).slice(1)),
    );
    expect(values.get('Messages')?.slice(1, 3)).toEqual([kpis.totals.messages, kpis.previousPeriod.totals.messages]);
    expect(values.get('Net temperature')?.slice(1, 3)).toEqual([
      kpis.netTemperature,
      kpis.previousPeriod.netTemperature,
    ]);
    let revenue: unknown;
    summary.eachRow((row) => {
      if (String(row.getCell(2).value).startsWith('Attributed revenue, linear')) revenue = row.getCell(3).value;
    });
    expect(revenue).toBe(kpis.roi.attributedRevenue.linear);

    const slides = join(folder, 'Q3.pptx');
    const asSlides = await runCli(
      'report',
      '--workspace',
      workspace,
      '--from',
      '2026-07-01',
      '--to',
      '2026-09-30',
      '--out',
      slides,
      '--sections',
      'volume,leads',
    );
    expect(asSlides.code, asSlides.err).toBe(0);
    expect(asSlides.out).toMatch(/Q3\.pptx: \d+ slides, [1-9]\d* native charts, 2026-07-01 to 2026-09-30/);
  }, 60_000);

  it('says what is wrong with the period, the sections, the output, and writes nothing', async () => {
    const workspace = tempWorkspacePath();
    const folder = tempFolder();
    const out = join(folder, 'deck.xlsx');
    const report = (...args: string[]) => runCli('report', '--workspace', workspace, ...args);
    expect(await report('--quarter', '2026Q5', '--out', out)).toMatchObject({
      code: 1,
      err: expect.stringContaining('--quarter "2026Q5" is not a quarter: write it as 2026Q3'),
    });
    expect(await report('--quarter', '2026Q3', '--out', out, '--sections', 'volume,roi')).toMatchObject({
      code: 1,
      err: expect.stringContaining('unknown section "roi"; the sections are volume, voice'),
    });
    expect(await report('--out', out)).toMatchObject({ code: 2, err: expect.stringContaining('give the period') });
    expect(await report('--quarter', '2026Q3', '--out', join(folder, 'deck.pdf'))).toMatchObject({
      code: 1,
      err: expect.stringContaining('is written as .xlsx (Excel) or .pptx (PowerPoint)'),
    });
    expect(await report('--quarter', '2026Q3', '--out', join(folder, 'missing', 'deck.xlsx'))).toMatchObject({
      code: 1,
      err: expect.stringContaining('The report: no folder'),
    });
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(folder)).toEqual([]);
  });
});
