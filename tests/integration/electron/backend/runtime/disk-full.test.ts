import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fingerprint, tempFolder } from '../../../../helpers/files';
import { writeCsv } from '../../../../helpers/write-rule';
import { testBackend } from '../../../../helpers/workspace';

/** A small disk of its own: a tmpfs (needs root, as on the build machines; elsewhere the test says it is skipped). */
const disk = mkdtempSync(join(tmpdir(), 'pulso-small-disk-'));
const mounted =
  process.platform === 'linux' && spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=3m', 'tmpfs', disk]).status === 0;
afterAll(() => {
  if (mounted) execFileSync('umount', [disk]);
  rmSync(disk, { recursive: true, force: true });
});

describe.skipIf(!mounted)('a full disk', () => {
  it('says which file it could not write, and leaves the workspace as it was', async () => {
    mkdirSync(join(disk, 'w'));
    const workspace = join(disk, 'w', 'small.pulso');
    const { client } = testBackend(workspace);
    await client.call('settings.update', { timeZone: 'UTC' });
    const seed = await client.runJob('import.start', { path: writeCsv(join(tempFolder(), 'seed.csv'), 200) });
    expect(seed.state).toBe('finished');
    const before = fingerprint(workspace);
    const last = await client.runJob('import.start', { path: writeCsv(join(tempFolder(), 'big.csv'), 60_000, 1000) });
    expect(last).toMatchObject({
      state: 'failed',
      message: `The disk holding ${workspace} is full: nothing was changed. Free some space on it and try again.`,
    });
    expect(fingerprint(workspace)).toBe(before);
    await expect(client.call('messages.count', {})).resolves.toMatchObject({ total: 200 });
  });
});
