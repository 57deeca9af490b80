import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '../../../../helpers/files';
import { testBackend } from '../../../../helpers/workspace';
import { apiFailure } from '../../../../helpers/api';

const refused = async (promise: Promise<unknown>): Promise<string> => (await apiFailure(promise)).message;

describe('a file that is not a regular file', () => {
  it.skipIf(process.platform === 'win32')(
    'a pipe, a link to a device and a folder are refused at once, by the wizard and the import, and the back end closes',
    async () => {
      const folder = tempFolder();
      const fifo = join(folder, 'menciones.csv');
      execFileSync('mkfifo', [fifo]);
      const device = join(folder, 'random.csv');
      symlinkSync('/dev/urandom', device);
      mkdirSync(join(folder, 'export.csv'));
      const { backend, client } = testBackend();
      for (const path of [fifo, device]) {
        expect(await refused(client.call('import.inspect', { path }))).toMatch(/is not a regular file/);
        expect(await refused(client.call('import.start', { path }))).toMatch(/is not a regular file/);
      }
      expect(await refused(client.call('import.inspect', { path: join(folder, 'export.csv') }))).toMatch(/is a folder/);
      // Nothing left reading: closing (what quitting the app and the CLI wait for) ends.
      const closed = await Promise.race([
        backend.close().then(() => 'closed'),
        new Promise((r) => setTimeout(() => r('hung'), 10_000)),
      ]);
      expect(closed).toBe('closed');
    },
  );
});
