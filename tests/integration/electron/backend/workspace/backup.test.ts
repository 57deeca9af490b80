import Database from 'better-sqlite3';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BACKUPS_KEPT } from '../../../../../shared/api/contract';
import type { JobEvent } from '../../../../../shared/api/envelope';
import { fingerprint } from '../../../../helpers/files';
import { demoBackend } from '../../../../helpers/workspace';

/** More pages than one step of the copy copies (16 MB), so a copy takes several. */
function addFiller(workspace: string): void {
  const raw = new Database(workspace);
  raw.exec('CREATE TABLE filler (x BLOB)');
  const insert = raw.prepare('INSERT INTO filler VALUES (randomblob(1000000))');
  for (let i = 0; i < 40; i++) insert.run();
  raw.close();
}

describe('workspace backups', () => {
  it('copies the workspace as it is into its backups folder, with progress, and lists it', async () => {
    const { client, path } = await demoBackend(300);
    addFiller(path);
    const events: JobEvent[] = [];
    const end = await client.runJob('workspace.backup', {}, (event) => events.push(event));
    if (end.state !== 'finished') throw new Error(`backup ${end.state}: ${end.message}`);
    expect(dirname(end.result.path)).toBe(`${path}.backups`);
    expect(end.result.name).toMatch(/^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z\.pulso$/);
    expect(fingerprint(end.result.path)).toBe(fingerprint(path));
    const progress = events.filter((e) => e.state === 'progress');
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.map((e) => e.done)).toEqual([...progress.map((e) => e.done as number)].sort((a, b) => a - b));
    expect(progress.every((e) => (e.done as number) <= (e.total as number))).toBe(true);
    // Said whole at the end, however fast the copy was (the runner keeps back steps less than 100 ms apart).
    expect(progress.at(-1)?.done).toBe(progress.at(-1)?.total);

    const second = await client.runJob('workspace.backup', {});
    if (second.state !== 'finished') throw new Error(`backup ${second.state}`);
    const listed = await client.call('workspace.backups', {});
    expect(listed.map((b) => b.path)).toEqual([second.result.path, end.result.path]);
    expect(listed[0]?.bytes).toBe(second.result.bytes);
  });

  it(`keeps the ${BACKUPS_KEPT} latest in the folder, and every file the user named`, async () => {
    const { client, path } = await demoBackend(50);
    const named = join(dirname(path), 'mine.pulso');
    expect((await client.runJob('workspace.backup', { path: named })).state).toBe('finished');
    const made: string[] = [];
    for (let i = 0; i <= BACKUPS_KEPT; i++) {
      const end = await client.runJob('workspace.backup', {});
      if (end.state !== 'finished') throw new Error(`backup ${end.state}`);
      made.push(end.result.name);
    }
    expect(new Set(made).size).toBe(BACKUPS_KEPT + 1);
    const kept = (await client.call('workspace.backups', {})).map((b) => b.name);
    expect(kept).toEqual(made.slice(1).reverse());
    expect(readdirSync(`${path}.backups`).sort()).toEqual([...kept].sort());
    expect(readdirSync(dirname(path))).toContain('mine.pulso');
  });

  it('copies into a file the user names, replacing what was there only once whole', async () => {
    const { client, path } = await demoBackend(100);
    const target = join(dirname(path), 'copia.pulso');
    writeFileSync(target, 'an older file');
    const end = await client.runJob('workspace.backup', { path: target });
    if (end.state !== 'finished') throw new Error(`backup ${end.state}`);
    expect(end.result).toMatchObject({ path: target, name: 'copia.pulso' });
    expect(fingerprint(target)).toBe(fingerprint(path));
    // A named file is not one of the backups folder's.
    expect(await client.call('workspace.backups', {})).toEqual([]);
  });

  it.each([
    ['of several steps', true],
    // Its only progress is before the copy: the cancel is heard once the copy is whole.
    ['of one step', false],
  ])('leaves nothing when a copy %s is cancelled, and what was at the path as it was', async (_steps, large) => {
    const { client, path } = await demoBackend(100);
    if (large) addFiller(path);
    const target = join(dirname(path), 'copia.pulso');
    writeFileSync(target, 'an older file');
    let cancelled = false;
    const end = await client.runJob('workspace.backup', { path: target }, (event) => {
      if (event.state === 'progress' && !cancelled) {
        cancelled = true;
        void client.call('jobs.cancel', { jobId: event.jobId });
      }
    });
    expect(end.state).toBe('cancelled');
    expect(readFileSync(target, 'utf8')).toBe('an older file');
    expect(readdirSync(dirname(path)).filter((name) => name.includes('partial') || name.includes('copia'))).toEqual([
      'copia.pulso',
    ]);
  });

  it('refuses the workspace itself and a name a workspace cannot have, in the UI language', async () => {
    const { client, path } = await demoBackend(50);
    await expect(client.call('workspace.backup', { path })).rejects.toMatchObject({
      message: `The backup cannot be the workspace (${basename(path)}): choose another file`,
    });
    await expect(client.call('workspace.backup', { path: `${path}-wal` })).rejects.toThrow(/cannot be the workspace/);
    await expect(client.call('workspace.backup', { path: join(dirname(path), 'copia.db') })).rejects.toThrow(
      'copia.db: choose a name ending in .pulso',
    );
    await expect(client.call('workspace.backup', { path: join(dirname(path), 'no', 'x.pulso') })).rejects.toThrow(
      /no folder/,
    );
  });
});
