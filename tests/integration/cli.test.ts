import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tempWorkspacePath } from '../helpers/workspace';

function pulso(...args: string[]) {
  const run = spawnSync(process.execPath, ['bin/pulso.mjs', ...args], { encoding: 'utf8', env: { ...process.env, PULSO_WORKSPACE: '' } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('pulso CLI', () => {
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
    const changed = pulso('settings', '--workspace', workspace, '--time-zone', 'Europe/Madrid', '--annotator', 'ana', '--language', 'es', '--json');
    expect(changed.code).toBe(0);
    expect(JSON.parse(changed.stdout)).toEqual({ timeZone: 'Europe/Madrid', annotator: 'ana', language: 'es' });
    expect(JSON.parse(pulso('settings', '--workspace', workspace, '--json').stdout)).toMatchObject({ timeZone: 'Europe/Madrid' });
  });

  it('exits 1 with a one-line message for bad input', () => {
    const workspace = tempWorkspacePath();
    const negative = pulso('demo', '--workspace', workspace, '--messages=-5');
    expect(negative.code).toBe(1);
    expect(negative.stderr).toMatch(/messages: .*>=1/);
    const word = pulso('demo', '--workspace', workspace, '--messages', 'many');
    expect(word).toMatchObject({ code: 1, stderr: expect.stringMatching(/--messages must be a number/) });
    expect(pulso('settings', '--workspace', workspace, '--language', 'fr')).toMatchObject({ code: 1, stderr: expect.stringMatching(/language/) });
    const notSqlite = tempWorkspacePath('notes.pulso');
    writeFileSync(notSqlite, 'not a database '.repeat(200));
    expect(pulso('info', '--workspace', notSqlite)).toMatchObject({ code: 1, stderr: expect.stringMatching(/Cannot open workspace/) });
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
});
