import { linkSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprint, tempFolder } from '../../../../helpers/files';
import { writeCsv } from '../../../../helpers/write-rule';
import { testBackend, tempWorkspacePath } from '../../../../helpers/workspace';
import { apiFailure } from '../../../../helpers/api';

const CSV =
  "fecha,usuario,texto\n2026-03-25 10:00,@ana,=1+1 el router no va\n2026-03-26 11:00,@luis,@SUM(1) gracias\nno es fecha,@eva,+cmd|' /C calc'!A0\n";

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await apiFailure(promise);
  expect(error.code).toBe('refused');
  return error.message;
}

describe('what a job writes never destroys what it was not asked to write', () => {
  it('refuses as the rejects file the workspace (by any name), its log, the file being imported, a folder, a missing folder', async () => {
    const folder = tempFolder();
    const workspace = tempWorkspacePath();
    const { client } = testBackend(workspace);
    await client.call('settings.update', { timeZone: 'Europe/Madrid' });
    const input = join(folder, 'in.csv');
    writeFileSync(input, CSV);
    const before = fingerprint(workspace);
    const link = join(folder, 'link.pulso');
    symlinkSync(workspace, link);
    const hard = join(folder, 'hard.pulso');
    linkSync(workspace, hard);
    mkdirSync(join(folder, 'a-folder'));
    const start = (rejectsPath: string) => client.call('import.start', { path: input, rejectsPath });

    expect(await refusal(start(workspace))).toMatch(/^The rejects file cannot be the workspace/);
    expect(await refusal(start(link))).toMatch(/cannot be the workspace/);
    expect(await refusal(start(hard))).toMatch(/cannot be the workspace/);
    expect(await refusal(start(`${workspace}-wal`))).toMatch(/cannot be the workspace/);
    expect(await refusal(start(input))).toMatch(/^The rejects file cannot be the file being imported \(in\.csv\)/);
    expect(await refusal(start(join(folder, 'a-folder')))).toMatch(/is a folder/);
    expect(await refusal(start(join(folder, 'nowhere', 'r.csv')))).toMatch(/no folder/);
    expect(await refusal(start('/dev/null'))).toMatch(/not a regular file/);
    expect(fingerprint(workspace)).toBe(before);
    expect(readFileSync(input, 'utf8')).toBe(CSV);
    expect((await client.call('workspace.info', {})).counts.messages).toBe(0);
  });

  it('a cancelled import leaves a rejects file that was already there as it was, and nothing half-written beside it', async () => {
    const folder = tempFolder();
    const { client } = testBackend();
    const input = writeCsv(join(folder, 'big.csv'), 60_000, 0, true);
    const rejectsPath = join(folder, 'rejects.csv');
    writeFileSync(rejectsPath, 'my own notes\n');
    let jobId = '';
    const last = await client.runJob('import.start', { path: input, rejectsPath }, (event) => {
      if (event.state === 'progress' && !jobId) {
        jobId = event.jobId;
        void client.call('jobs.cancel', { jobId });
      }
    });
    expect(last.state).toBe('cancelled');
    expect(readFileSync(rejectsPath, 'utf8')).toBe('my own notes\n');
    expect(readdirSync(folder).sort()).toEqual(['big.csv', 'rejects.csv']);
  });

  it('writes the rejects with every cell that could run as a formula neutralized, numbers left as they are', async () => {
    const folder = tempFolder();
    const { client } = testBackend();
    await client.call('settings.update', { timeZone: 'Europe/Madrid' });
    const input = join(folder, 'in.csv');
    writeFileSync(
      input,
      'fecha,usuario,texto,likes\n2026-03-25 10:00,@ana,hola,3\nno es fecha,@eva,"=HYPERLINK(""http://x"",""clic"")",-2\nni esta,-cmd,@SUM(1),+1\n',
    );
    const last = await client.runJob('import.start', { path: input, rejectsPath: join(folder, 'rejects.csv') });
    expect(last).toMatchObject({ state: 'finished', result: { new: 1, rejected: 2 } });
    const lines = readFileSync(join(folder, 'rejects.csv'), 'utf8')
      .replace(/^\ufeff/, '')
      .split('\r\n');
    expect(lines[1]).toMatch(/,no es fecha,'@eva,"'=HYPERLINK\(""http:\/\/x"",""clic""\)",-2$/);
    expect(lines[2]).toMatch(/,ni esta,'-cmd,'@SUM\(1\),\+1$/);
  });

  it('refuses to save a chart over the open workspace, and saves it elsewhere whole', async () => {
    const folder = tempFolder();
    const workspace = tempWorkspacePath();
    let answer = workspace;
    const { client } = testBackend(workspace, { chooseFile: async () => answer });
    await client.call('settings.get', {});
    const before = fingerprint(workspace);
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"></svg>';
    expect(await refusal(client.call('charts.save', { format: 'svg', name: 'sov', data: svg }))).toMatch(
      /^The chart file cannot be the workspace/,
    );
    expect(fingerprint(workspace)).toBe(before);
    answer = join(folder, 'sov.svg');
    expect(await client.call('charts.save', { format: 'svg', name: 'sov', data: svg })).toEqual({
      path: answer,
      bytes: svg.length,
    });
    expect(readFileSync(answer, 'utf8')).toBe(svg);
    // One extension, the format's, whatever the dialog gave back.
    for (const given of ['sov2', 'sov3.svg.svg', 'sov4.SVG']) {
      answer = join(folder, given);
      const saved = await client.call('charts.save', { format: 'svg', name: 'sov', data: svg });
      expect(saved.path).toBe(join(folder, `${given.slice(0, 4)}.svg`));
    }
    expect(readdirSync(folder).sort()).toEqual(['sov.svg', 'sov2.svg', 'sov3.svg', 'sov4.svg']);
    // "sov2" again makes sov2.svg, which the dialog never asked about replacing: refused, the file as it was.
    answer = join(folder, 'sov2');
    expect(await refusal(client.call('charts.save', { format: 'svg', name: 'sov', data: '<svg>other</svg>' }))).toMatch(
      /^sov2\.svg already exists/,
    );
    expect(readFileSync(join(folder, 'sov2.svg'), 'utf8')).toBe(svg);
  });
});
