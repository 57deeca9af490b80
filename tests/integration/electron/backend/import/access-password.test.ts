import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../../shared/api/envelope';
import { fingerprint, protectedNorthwind, tempFolder } from '../../../../helpers/files';
import { testBackend } from '../../../../helpers/workspace';

describe('a password-protected Access database', () => {
  it('is refused with a clear message until its password is given, leaving the store as it was', async () => {
    const path = protectedNorthwind('secreto');
    const opened = testBackend();
    const before = fingerprint(opened.path);
    const refusal = await opened.client.call('import.inspect', { path, part: 'Customers' }).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(ApiError);
    expect(refusal).toMatchObject({
      code: 'password-required',
      message: 'nwind-protegida.mdb is protected by a password: give it (--password, or in the import wizard)',
    });
    await expect(opened.client.call('import.inspect', { path, part: 'Customers', password: 'otra' })).rejects.toThrow(
      'nwind-protegida.mdb: the password is not right',
    );
    const failed = await opened.client.runJob('import.start', {
      path,
      part: 'Customers',
      mapping: { columns: { text: 'Address', postedAt: 'CompanyName', authorHandle: 'CustomerID' } },
    });
    expect(failed).toMatchObject({ state: 'failed', message: expect.stringContaining('protected by a password') });
    expect(fingerprint(opened.path)).toBe(before);

    const inspection = await opened.client.call('import.inspect', { path, part: 'Orders', password: 'secreto' });
    expect(inspection.headers).toContain('OrderDate');
    const mapping = {
      columns: { externalId: 'OrderID', text: 'ShipAddress', postedAt: 'OrderDate', authorHandle: 'CustomerID' },
    } as const;
    const done = await opened.client.runJob('import.start', { path, part: 'Orders', password: 'secreto', mapping });
    expect(done).toMatchObject({ state: 'finished', result: { new: 830, rejected: 0 } });
  });

  it('from the CLI: exit 1 naming the file without --password, imported with it', () => {
    const path = protectedNorthwind('clave');
    const workspace = join(tempFolder(), 'w.pulso');
    const mapping = join(tempFolder(), 'mapping.json');
    writeFileSync(
      mapping,
      JSON.stringify({
        columns: { externalId: 'OrderID', text: 'ShipAddress', postedAt: 'OrderDate', authorHandle: 'CustomerID' },
      }),
    );
    const pulso = (...args: string[]) =>
      spawnSync(
        process.execPath,
        [
          'bin/pulso.mjs',
          'import',
          path,
          '--workspace',
          workspace,
          '--table',
          'Orders',
          '--mapping',
          mapping,
          '--json',
          ...args,
        ],
        { encoding: 'utf8' },
      );
    const refused = pulso();
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('nwind-protegida.mdb is protected by a password');
    const done = pulso('--password', 'clave');
    expect(done.status).toBe(0);
    expect(JSON.parse(done.stdout)).toMatchObject({ new: 830, duplicate: 0, rejected: 0 });
  });
});
