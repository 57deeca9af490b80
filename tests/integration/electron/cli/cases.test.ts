import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CaseSummary, RespondResult } from '../../../../shared/api/cases';
import { runCli } from '../../../helpers/cli';
import { tempFolder, writeEncoded } from '../../../helpers/files';
import { tempWorkspacePath } from '../../../helpers/workspace';

async function pulso(...args: string[]): Promise<string> {
  const { code, out, err } = await runCli(...args);
  if (code !== 0) throw new Error(`pulso ${args.join(' ')}: ${err}`);
  return out;
}

/** A Friday afternoon's complaints in Madrid, and a customer who writes again on Monday. */
const MESSAGES = [
  'id,fecha,usuario,red,texto,tipo',
  'c1,2026-07-03T16:20:00+02:00,@ana,twitter,Sin cobertura desde ayer,complaint',
  'c2,2026-07-03T16:25:00+02:00,@luis,twitter,=HYPERLINK("x") mi factura está mal,case',
  'c3,2026-07-06T10:00:00+02:00,@ana,twitter,¿Alguien me responde?,complaint',
  'c4,2026-07-03T12:00:00+02:00,@eva,facebook,Quiero darme de baja,case',
].join('\n');

async function careWorkspace(): Promise<string[]> {
  const workspace = tempWorkspacePath();
  const file = writeEncoded(join(tempFolder(), 'care.csv'), `${MESSAGES}\n`, 'utf8');
  await pulso('import', file, '--workspace', workspace);
  await pulso('settings', '--workspace', workspace, '--time-zone', 'Europe/Madrid', '--annotator', 'Marta');
  return ['--workspace', workspace];
}

describe('pulso cases, sla, route and canned', () => {
  it('holds a case to its business-hours SLA from open to resolve, and lists it in ISO 8601 with offsets', async () => {
    const w = await careWorkspace();
    await pulso('sla', 'add', ...w, '--name', 'Quejas', '--first-response', '1h', '--next-response', '2h',
      '--resolution', '24h', '--business-hours', 'mon-fri 09:00-18:00', '--holidays', '2026-08-15'); // prettier-ignore
    const { case: id } = JSON.parse(
      await pulso(
        'cases',
        'open',
        ...w,
        '--messages',
        'c1',
        '--type',
        'coverage',
        '--at',
        '2026-07-03T17:30',
        '--json',
      ),
    ) as { case: number };
    const list = async (at: string): Promise<CaseSummary> =>
      (JSON.parse(await pulso('cases', ...w, '--json', '--at', at)) as CaseSummary[]).find(
        (c) => c.id === id,
      ) as CaseSummary;

    const before = await list('2026-07-06T09:00');
    expect(before).toMatchObject({ status: 'new', openedAt: '2026-07-03T17:30:00+02:00', type: 'coverage' });
    expect(before.sla).toEqual({
      policy: 'Quejas',
      state: 'active',
      firstResponseDue: '2026-07-06T09:30:00+02:00',
      nextResponseDue: null,
      resolutionDue: '2026-07-08T14:30:00+02:00',
      misses: [],
    });

    // Answered late on Monday; the customer writes again at 10:00 and waits past the next-response target.
    await pulso('cases', 'respond', String(id), ...w, '--text', 'Lo miramos', '--at', '2026-07-06T09:40');
    await pulso('cases', 'add', String(id), ...w, '--messages', 'c3', '--at', '2026-07-06T10:01');
    const waiting = await list('2026-07-06T13:00');
    expect(waiting.status).toBe('attended');
    expect(waiting.firstResponseAt).toBe('2026-07-06T09:40:00+02:00');
    expect(waiting.sla?.state).toBe('active_with_misses');
    expect(waiting.sla?.nextResponseDue).toBe('2026-07-06T12:00:00+02:00');
    expect(waiting.sla?.misses).toEqual([
      { target: 'first_response', at: '2026-07-06T09:30:00+02:00' },
      { target: 'next_response', at: '2026-07-06T12:00:00+02:00' },
    ]);

    await pulso('cases', 'respond', String(id), ...w, '--text', 'Resuelto', '--at', '2026-07-06T13:00');
    await pulso('cases', 'resolve', String(id), ...w, '--at', '2026-07-07T10:00');
    const resolved = await list('2026-09-01T00:00');
    expect(resolved).toMatchObject({ status: 'resolved', resolvedAt: '2026-07-07T10:00:00+02:00', replies: 2 });
    expect(resolved.sla?.state).toBe('missed');
    expect(resolved.sla?.misses).toHaveLength(2);

    // The history holds each change, dated and attributed.
    const db = new Database(w[1] as string, { readonly: true });
    const history = db
      .prepare('SELECT action, value, previous, actor FROM case_events WHERE case_id = ? ORDER BY at, id')
      .all(id);
    expect(history).toEqual([
      { action: 'opened', value: 'coverage', previous: null, actor: 'Marta' },
      { action: 'status', value: 'attended', previous: 'new', actor: 'Marta' },
      { action: 'messages', value: '1', previous: null, actor: 'Marta' },
      { action: 'status', value: 'resolved', previous: 'attended', actor: 'Marta' },
    ]);
    db.close();

    // The policy removed by its name: no open case is left to recheck, and the list is empty.
    expect(await pulso('sla', 'remove', 'Quejas', ...w)).toMatch(/^policy \d+ removed; 0 open cases rechecked/);
    expect(JSON.parse(await pulso('sla', ...w, '--json'))).toEqual([]);
  });

  it('routes new cases by rule order, round robin fair among the team, and fills canned replies', async () => {
    const w = await careWorkspace();
    await pulso('route', 'team', ...w, '--team', 'Facturación', '--members', 'Rosa,Pablo,Inés');
    await pulso('route', 'add', ...w, '--name', 'Bajas', '--when', 'source:facebook baja', '--team', 'Retención',
      '--assignee', 'Jorge', '--priority', 'high'); // prettier-ignore
    await pulso('route', 'add', ...w, '--name', 'Todo', '--when', 'kind:case,complaint', '--team', 'Facturación',
      '--assign', 'round-robin'); // prettier-ignore
    expect(await pulso('route', 'preview', ...w, '--when', 'kind:case')).toMatch(/0 of 0 open cases/);

    const open = async (message: string): Promise<number> =>
      (JSON.parse(await pulso('cases', 'open', ...w, '--messages', message, '--json')) as { case: number }).case;
    const first = await open('c4');
    const others = [await open('c1'), await open('c2'), await open('c3')];
    const cases = JSON.parse(await pulso('cases', ...w, '--json')) as CaseSummary[];
    const byId = new Map(cases.map((c) => [c.id, c]));
    expect(byId.get(first)).toMatchObject({ department: 'Retención', assignee: 'Jorge', priority: 'high' });
    // Round robin in name order: Inés, Pablo, Rosa.
    expect(others.map((id) => byId.get(id)?.assignee)).toEqual(['Inés', 'Pablo', 'Rosa']);
    expect(others.map((id) => byId.get(id)?.department)).toEqual(['Facturación', 'Facturación', 'Facturación']);

    await pulso('canned', 'add', 'gracias', ...w, '--text', 'Hola {nombre}, tu caso {caso} está en marcha. {agente}');
    const reply = JSON.parse(
      await pulso('cases', 'respond', String(others[0]), ...w, '--canned', 'gracias', '--json'),
    ) as RespondResult;
    expect(reply.text).toBe(`Hola @ana, tu caso ${others[0]} está en marcha. Marta`);
    expect(reply.warnings).toEqual([]);
    // The same canned reply to the same customer again (another of her cases) warns.
    const again = await runCli('cases', 'respond', String(others[2]), ...w, '--canned', 'gracias');
    expect(again.code).toBe(0);
    expect(again.err).toMatch(/@ana already had the canned reply "gracias"/);
    expect(await pulso('canned', ...w)).toMatch(/gracias\s+es\s+2/);

    expect(await runCli('route', 'add', ...w, '--name', 'X', '--when', 'kind:quejica')).toMatchObject({
      code: 1,
      err: expect.stringContaining('"quejica" is not a kind'),
    });
    expect(
      await runCli('sla', 'add', ...w, '--name', 'Y', '--first-response', 'soon', '--resolution', '1d'),
    ).toMatchObject({
      code: 1,
      err: expect.stringContaining('--first-response "soon" is not a duration'),
    });
    expect(
      await runCli('sla', 'add', ...w, '--name', 'Z', '--first-response', '1h', '--resolution', '1d',
        '--business-hours', 'mon-fri 18:00-09:00'), // prettier-ignore
    ).toMatchObject({ code: 1, err: expect.stringContaining('does not end after it starts') });

    // Removed by name: the rule (its cases keep their team) and the canned reply (its replies keep it).
    expect(await pulso('route', 'remove', 'Bajas', ...w)).toMatch(/^rule \d+ removed/);
    expect(await pulso('route', ...w)).not.toMatch(/Bajas/);
    expect(await runCli('route', 'remove', 'Bajas', ...w)).toMatchObject({
      code: 2,
      err: expect.stringContaining('give the RULE as its number (see pulso route)'),
    });
    expect(await pulso('canned', 'remove', 'gracias', ...w)).toMatch('canned reply /gracias removed');
    expect(await pulso('canned', ...w)).not.toMatch(/gracias/);
    expect(await runCli('cases', 'respond', String(others[1]), ...w, '--canned', 'gracias')).toMatchObject({
      code: 1,
      err: expect.stringContaining('No canned reply "gracias"'),
    });
    expect(JSON.parse(await pulso('cases', ...w, '--json')).find((c: CaseSummary) => c.id === first)).toMatchObject({
      department: 'Retención',
    });
  });

  it('exports one row per case, CSV for Excel (BOM, ;) with formulas neutralized, and XLSX', async () => {
    const w = await careWorkspace();
    await pulso('cases', 'open', ...w, '--messages', 'c2', '--type', '=cmd|calc', '--at', '2026-07-03T16:30');
    await pulso('cases', 'open', ...w, '--messages', 'c4', '--type', 'baja', '--at', '2026-07-03T12:30');
    const folder = tempFolder();
    const csv = join(folder, 'cases.csv');
    expect(await pulso('cases', 'export', ...w, '--from', '2026-07-01', '--to', '2026-07-31', '--out', csv)).toMatch(
      /2 cases written/,
    );
    const text = readFileSync(csv, 'utf8');
    expect(text.startsWith('\uFEFFcase;type;team;')).toBe(true);
    expect(text).toContain(";'=cmd|calc;");
    const xlsx = join(folder, 'cases.xlsx');
    await pulso('cases', 'export', ...w, '--from', '2026-07-01', '--to', '2026-07-31', '--out', xlsx);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    const sheet = workbook.getWorksheet('Cases');
    expect(sheet?.rowCount).toBe(3);
    expect(sheet?.getRow(2).getCell(2).value).toBe('baja');
    // Text in a workbook is never a formula: kept as typed.
    expect(sheet?.getRow(3).getCell(2).value).toBe('=cmd|calc');
    expect(sheet?.getRow(3).getCell(2).type).toBe(ExcelJS.ValueType.String);
    expect(await runCli('cases', 'export', ...w, '--from', '2026-07-01', '--to', '2026-07-31', '--out', join(folder, 'x.pdf'))).toMatchObject({
      code: 1,
      err: expect.stringContaining('choose a name ending in .csv or .xlsx'),
    }); // prettier-ignore
  });
});
