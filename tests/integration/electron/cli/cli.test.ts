import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../../electron/cli/main';
import type { Io } from '../../../../electron/cli/io';
import { tempWorkspacePath } from '../../../helpers/workspace';

function pulso(...args: string[]) {
  const run = spawnSync(process.execPath, ['bin/pulso.mjs', ...args], {
    encoding: 'utf8',
    env: { ...process.env, PULSO_WORKSPACE: '' },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('pulso CLI', () => {
  it('says so when it creates a workspace, and never makes the folders of a mistyped path', () => {
    const workspace = tempWorkspacePath();
    const created = pulso('info', '--workspace', workspace, '--json');
    expect(created.code).toBe(0);
    expect(created.stderr).toBe(`created a new workspace at ${workspace}\n`);
    expect(pulso('info', '--workspace', workspace, '--json').stderr).toBe('');
    const typo = join(dirname(workspace), 'no-such-folder', 'w.pulso');
    const missing = pulso('info', '--workspace', typo);
    expect(missing).toMatchObject({ code: 1, stdout: '' });
    expect(missing.stderr).toBe(`pulso info: No folder ${dirname(typo)} for the workspace w.pulso\n`);
    expect(existsSync(dirname(typo))).toBe(false);
    expect(pulso('info', '--workspace', '')).toMatchObject({
      code: 2,
      stderr: "pulso info: --workspace is empty: give the workspace file's path\n",
    });
  });

  it('creates a demo workspace and reports its counts as JSON', () => {
    const workspace = tempWorkspacePath();
    expect(pulso('demo', '--workspace', workspace, '--messages', '400').code).toBe(0);
    const info = pulso('info', '--workspace', workspace, '--json');
    expect(info.code).toBe(0);
    const counts = JSON.parse(info.stdout) as Record<string, number>;
    expect(counts.messages).toBe(400);
    expect(counts.authors).toBeGreaterThan(0);
    expect(counts.labels).toBeGreaterThan(0);
  });

  it('shows and changes settings', () => {
    const workspace = tempWorkspacePath();
    const changed = pulso(
      'settings',
      '--workspace',
      workspace,
      '--time-zone',
      'Europe/Madrid',
      '--annotator',
      'ana',
      '--language',
      'es',
      '--theme',
      'dark',
      '--json',
    );
    expect(changed.code).toBe(0);
    expect(JSON.parse(changed.stdout)).toEqual({
      timeZone: 'Europe/Madrid',
      annotator: 'ana',
      language: 'es',
      theme: 'dark',
      annotatorChosen: true,
    });
    expect(pulso('settings', '--workspace', workspace, '--theme', 'sepia').stderr).toMatch(/--theme/);
    expect(JSON.parse(pulso('settings', '--workspace', workspace, '--json').stdout)).toMatchObject({
      timeZone: 'Europe/Madrid',
    });
  });

  it('exits 1 with a one-line message for bad input', () => {
    const workspace = tempWorkspacePath();
    const negative = pulso('demo', '--workspace', workspace, '--messages=-5');
    expect(negative.code).toBe(1);
    expect(negative.stderr).toMatch(/messages: .*>=1/);
    const word = pulso('demo', '--workspace', workspace, '--messages', 'many');
    expect(word).toMatchObject({ code: 1, stderr: expect.stringMatching(/--messages must be a number/) });
    expect(pulso('settings', '--workspace', workspace, '--language', 'fr')).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/language/),
    });
    const notSqlite = tempWorkspacePath('notes.pulso');
    writeFileSync(notSqlite, 'not a database '.repeat(200));
    expect(pulso('info', '--workspace', notSqlite)).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/Cannot open workspace/),
    });
  });

  it('exits 2 for bad usage and 0 for --help on every command', () => {
    expect(pulso().code).toBe(2);
    expect(pulso('frobnicate').code).toBe(2);
    expect(pulso('info', '--no-such-flag').code).toBe(2);
    for (const command of ['demo', 'info', 'settings']) {
      const help = pulso(command, '--help');
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(new RegExp(`usage: pulso ${command}`));
    }
    expect(pulso('--help')).toMatchObject({ code: 0, stdout: expect.stringMatching(/demo.*\n.*info/s) });
  });

  it("says what is missing or wrong in sentences with the option to fix, never the contract's raw text", () => {
    const workspace = tempWorkspacePath();
    expect(pulso('import', '--workspace', workspace)).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/pulso import: give exactly one FILE to import\nusage: pulso import FILE/),
    });
    expect(pulso('kpis', '--workspace', workspace, '--to', '2017-12-31')).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^pulso kpis: give --from YYYY-MM-DD\nusage:/),
    });
    expect(pulso('kpis', '--workspace', workspace, '--from', '2017-13-01', '--to', '2017-12-31')).toMatchObject({
      code: 1,
      stderr: 'pulso kpis: --from "2017-13-01" is not a date (YYYY-MM-DD)\n',
    });
    const tooSmall = pulso(
      'kpis',
      '--workspace',
      workspace,
      '--from',
      '2017-01-01',
      '--to',
      '2017-12-31',
      '--sla-minutes=0',
    );
    expect(tooSmall).toMatchObject({ code: 1, stderr: expect.stringMatching(/^pulso kpis: --sla-minutes: /) });
    expect(tooSmall.stderr).not.toMatch(/Invalid input/);
  });
});

describe('pulso import', () => {
  it('imports with a preset and prints the summary as JSON; batches and undo-import work', () => {
    const workspace = tempWorkspacePath();
    const file = '../shared/datasets/customer-support/sample.csv';
    const first = pulso('import', file, '--workspace', workspace, '--preset', 'customer-support-tweets', '--json');
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({ batch: 1, new: 93, duplicate: 0, rejected: 0 });
    expect(
      JSON.parse(
        pulso('import', file, '--workspace', workspace, '--preset', 'customer-support-tweets', '--json').stdout,
      ),
    ).toEqual({ batch: 2, new: 0, duplicate: 93, rejected: 0 });
    const batches = JSON.parse(pulso('batches', '--workspace', workspace, '--json').stdout) as {
      id: number;
      fileName: string;
    }[];
    expect(batches.map((b) => [b.id, b.fileName])).toEqual([
      [2, 'sample.csv'],
      [1, 'sample.csv'],
    ]);
    // It says what it would take first; the second batch brought the same rows, so they stay.
    expect(pulso('undo-import', '1', '--workspace', workspace)).toMatchObject({
      code: 2,
      stdout: 'batch 1 would be undone: 0 messages removed, 93 kept (another batch brought them too)\n',
      stderr: expect.stringMatching(/nothing undone: give --yes/),
    });
    expect(pulso('undo-import', '1', '--workspace', workspace, '--yes')).toMatchObject({
      code: 0,
      stdout: 'batch 1 undone: 0 messages removed, 93 kept (another batch brought them too)\n',
    });
    expect(pulso('undo-import', '2', '--workspace', workspace, '--yes')).toMatchObject({
      code: 0,
      stdout: 'batch 2 undone: 93 messages removed\n',
    });
    expect(pulso('undo-import', '7', '--workspace', workspace)).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/No import batch 7/),
    });
    expect(pulso('import', file, '--workspace', workspace, '--preset', 'no-such-preset')).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(
        /no preset named "no-such-preset" \(presets: airline-tweets, customer-support-tweets/,
      ),
    });
  });

  it('reads temperatures on the scale most of them are on: a stray 3 among −2…+2 is an error of that row alone', () => {
    const workspace = tempWorkspacePath();
    const folder = tempWorkspacePath('x').replace(/x$/, '');
    const file = `${folder}temps.csv`;
    writeFileSync(
      file,
      'fecha,texto,temperatura\n2026-01-05,uno,-2\n2026-01-06,dos,1\n2026-01-07,tres,3\n2026-01-08,cuatro,0\n',
    );
    expect(pulso('import', file, '--workspace', workspace)).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(
        /temps\.csv, row 4, column "temperatura": temperature 3 is outside the −2\.\.2 scale/,
      ),
    });
    const rejects = `${folder}rejects.csv`;
    const imported = pulso('import', file, '--workspace', workspace, '--rejects', rejects, '--json');
    expect(JSON.parse(imported.stdout)).toMatchObject({ new: 3, rejected: 1 });
    expect(readFileSync(rejects, 'utf8')).toMatch(/tres/);
  });

  it('gives a file without time or network column both with --default-time and --source, and says plainly what came in', () => {
    const workspace = tempWorkspacePath();
    const folder = tempWorkspacePath('x').replace(/x$/, '');
    const file = `${folder}corpus.tsv`;
    writeFileSync(file, 'id\ttexto\tpolaridad\n1\tSin fibra desde el lunes otra vez\tN\n2\tYa funciona todo bien\tP\n');
    expect(pulso('import', file, '--workspace', workspace)).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/--default-time/),
    });
    expect(pulso('import', file, '--workspace', workspace, '--source', 'myspace').stderr).toMatch(
      /--source is one of twitter, facebook/,
    );
    const args = ['import', file, '--workspace', workspace, '--default-time', '2019-06-30', '--source', 'twitter'];
    expect(pulso(...args)).toMatchObject({ code: 0, stdout: expect.stringMatching(/^batch 1: 2 new, 0 duplicate/) });
    expect(pulso(...args)).toMatchObject({
      code: 0,
      stdout: 'batch 2: nothing new: all 2 rows were already in the workspace\n',
    });
    // Every row rejected: exit 1, no batch, the reasons in the rejects file.
    const bad = `${folder}bad.csv`;
    writeFileSync(bad, 'fecha,texto\nnunca,uno\njamás,dos\n');
    const rejects = `${folder}rejects.csv`;
    // Named by a mapping: a guess whose values are not dates would be left out instead.
    writeFileSync(`${folder}mapping.json`, JSON.stringify({ columns: { postedAt: 'fecha', text: 'texto' } }));
    expect(
      pulso('import', bad, '--workspace', workspace, '--rejects', rejects, '--mapping', `${folder}mapping.json`),
    ).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(
        /bad\.csv: nothing imported: all 2 rows were rejected; their reasons are in .*rejects\.csv/,
      ),
    });
    expect(readFileSync(rejects, 'utf8')).toMatch(/nunca/);
    expect(JSON.parse(pulso('batches', '--workspace', workspace, '--json').stdout)).toHaveLength(2);
  });

  it('refuses, exit 1, naming the columns it could not place or the row and column of a bad cell', () => {
    const workspace = tempWorkspacePath();
    const folder = tempWorkspacePath('x').replace(/x$/, '');
    writeFileSync(`${folder}codes.csv`, 'code,when\nA1,2026-01-01\n');
    const refused = pulso('import', `${folder}codes.csv`, '--workspace', workspace);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/codes\.csv: cannot find a column for text among "code", "when"/);
    // The header below a row of codes, as the user says: --header-row.
    writeFileSync(`${folder}coded.csv`, 'C1,C2\nfecha,texto\n2026-01-01,hola\n');
    expect(pulso('import', `${folder}coded.csv`, '--workspace', workspace)).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/cannot find a column for text and postedAt among "C1", "C2"/),
    });
    expect(pulso('import', `${folder}coded.csv`, '--workspace', workspace, '--header-row', 'two')).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/header-row/),
    });
    expect(
      JSON.parse(pulso('import', `${folder}coded.csv`, '--workspace', workspace, '--header-row', '2', '--json').stdout),
    ).toMatchObject({ new: 1, rejected: 0 });
    expect(pulso('undo-import', '1', '--workspace', workspace, '--yes').code).toBe(0);
    writeFileSync(`${folder}bad.csv`, 'fecha,texto\n2026-01-01,hola\nnunca,adiós\n');
    expect(pulso('import', `${folder}bad.csv`, '--workspace', workspace)).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/bad\.csv, row 3, column "fecha": cannot read date "nunca"/),
    });
    writeFileSync(`${folder}map.json`, '{"columns": {"text": "texto"}, "colour": "red"}');
    expect(
      pulso('import', `${folder}bad.csv`, '--workspace', workspace, '--mapping', `${folder}map.json`),
    ).toMatchObject({ code: 1, stderr: expect.stringMatching(/colour/) });
    expect(pulso('import', '--workspace', workspace).code).toBe(2); // no FILE: bad usage
    expect(JSON.parse(pulso('info', '--workspace', workspace, '--json').stdout)).toMatchObject({
      messages: 0,
      importBatches: 0,
    });
  });
});

describe('pulso entities and topics', () => {
  it('adds rules that rematch the workspace before the command returns', () => {
    const workspace = tempWorkspacePath();
    expect(pulso('demo', '--workspace', workspace, '--messages', '300').code).toBe(0);
    const added = pulso(
      'entities',
      'add',
      '--workspace',
      workspace,
      '--name',
      'Lumen Móvil',
      '--role',
      'own',
      '--aliases',
      'Lumen, @LumenMovil, #LumenMovil',
    );
    expect(added.code).toBe(0);
    const entities = JSON.parse(pulso('entities', 'list', '--workspace', workspace, '--json').stdout) as {
      name: string;
      role: string;
      mentions: number;
    }[];
    expect(entities.find((e) => e.name === 'Lumen Móvil')).toMatchObject({ role: 'own', mentions: expect.any(Number) });
    expect(
      pulso('topics', 'add', '--workspace', workspace, '--name', 'Roaming', '--keywords', 'roaming, itinerancia').code,
    ).toBe(0);
    const topics = JSON.parse(pulso('topics', 'list', '--workspace', workspace, '--json').stdout) as {
      name: string;
      mentions: number;
    }[];
    expect(topics.find((t) => t.name === 'Roaming')?.mentions).toBeGreaterThan(0);
    expect(pulso('entities', 'add', '--workspace', workspace, '--name', 'X', '--role', 'friend')).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/role/),
    });
  });
});

describe('pulso kpis', () => {
  it('prints the KPI JSON with the documented keys; ratios over nothing are null', () => {
    const workspace = tempWorkspacePath();
    expect(pulso('demo', '--workspace', workspace, '--messages', '500').code).toBe(0);
    const run = pulso('kpis', '--workspace', workspace, '--from', '2026-01-01', '--to', '2026-03-31', '--json');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as Record<string, unknown> & {
      entities: Record<string, unknown>[];
      topics: Record<string, unknown>[];
    };
    expect(Object.keys(report)).toEqual(
      expect.arrayContaining(['period', 'totals', 'entities', 'topics', 'care', 'users', 'community', 'demographics']),
    );
    expect(Object.keys(report.entities[0] ?? {})).toEqual(
      expect.arrayContaining([
        'name',
        'role',
        'mentions',
        'byTemperature',
        'shareOfVoice',
        'shareOfVoiceByTemperature',
        'netTemperature',
        'meanTemperature',
        'evangelists',
        'detractors',
      ]),
    );
    expect(Object.keys(report.topics[0] ?? {})).toEqual(
      expect.arrayContaining(['name', 'mentions', 'shareOfConversation', 'shareOfConversationByTemperature']),
    );
    expect(Object.keys(report.care as object)).toEqual(
      expect.arrayContaining([
        'requested',
        'attended',
        'resolved',
        'firstResponseMinutes',
        'resolutionHoursByType',
        'waiting',
        'slaBreaches',
      ]),
    );
    const empty = JSON.parse(
      pulso('kpis', '--workspace', workspace, '--from', '2019-01-01', '--to', '2019-01-31', '--json').stdout,
    ) as { entities: { shareOfVoice: unknown }[] };
    expect(empty.entities.map((e) => e.shareOfVoice)).toEqual(empty.entities.map(() => null));
    expect(pulso('kpis', '--workspace', workspace, '--from', '2026-02-01', '--to', '2026-01-01')).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/from must not be after to/),
    });
  });
});

describe('pulso import on a terminal', () => {
  it('draws the rows read, then the index stage, each on a line of its own', async () => {
    const workspace = tempWorkspacePath();
    const csv = join(dirname(workspace), 'menciones.csv');
    writeFileSync(
      csv,
      ['fecha,usuario,texto', '2026-03-05T10:00:00Z,@ana,el router no va', '2026-03-06T11:00:00Z,@luis,gracias'].join(
        '\n',
      ),
    );
    let drawn = '';
    const io: Io = {
      out: () => undefined,
      err: (line) => (drawn += `${line}\n`),
      interactive: true,
      redraw: (text) => (drawn += text),
    };
    expect(await main(['import', csv, '--workspace', workspace], io)).toBe(0);
    expect(drawn.endsWith('\n')).toBe(true);
    const lines = drawn
      .slice(0, -1)
      .split('\n')
      .map((line) =>
        line
          .split('\r')
          .filter((part) => part.trim() !== '')
          .at(-1)
          ?.trim(),
      );
    expect(lines).toEqual([
      `created a new workspace at ${workspace}`,
      expect.stringMatching(/^import \[#{30}\] 100% · 2 rows · \d+ rows\/s/),
      'import: building indexes [##############################] 1 of 1',
    ]);
  });
});

describe('pulso import, a temperature scale the file cannot tell', () => {
  it('is refused naming the option, and read on the scale the option gives', () => {
    const workspace = tempWorkspacePath();
    const csv = join(dirname(workspace), 'escala.csv');
    writeFileSync(
      csv,
      'fecha,usuario,texto,sentimiento\n2026-03-05 10:00,@ana,hola,1\n2026-03-06 11:00,@luis,adiós,2\n',
    );
    const asked = pulso('import', csv, '--workspace', workspace);
    expect(asked.code).toBe(1);
    expect(asked.stderr).toContain('escala.csv: the temperatures could be on −2…+2 or on 1…5');
    expect(asked.stderr).toContain('--temperature-scale');
    const told = pulso('import', csv, '--workspace', workspace, '--temperature-scale', 'five', '--json');
    expect(told.code).toBe(0);
    expect(JSON.parse(told.stdout)).toMatchObject({ new: 2, rejected: 0 });
    const info = pulso('kpis', '--workspace', workspace, '--from', '2026-03-01', '--to', '2026-03-31', '--json');
    // On 1…5, 1 is very angry (−2) and 2 angry (−1).
    expect(JSON.parse(info.stdout)).toMatchObject({ byTemperature: { '-2': 1, '-1': 1, '1': 0, '2': 0 } });
  });
});
