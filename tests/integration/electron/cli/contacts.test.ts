import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Contact } from '../../../../shared/api/contacts';
import { runCli } from '../../../helpers/cli';
import { tempFolder, writeEncoded } from '../../../helpers/files';
import { tempWorkspacePath } from '../../../helpers/workspace';

async function pulso(...args: string[]): Promise<string> {
  const { code, out, err } = await runCli(...args);
  if (code !== 0) throw new Error(`pulso ${args.join(' ')}: ${err}`);
  return out;
}

describe('pulso contacts', () => {
  it('identifies accounts as contacts, sets their role, merges them and splits one again', async () => {
    const workspace = tempWorkspacePath();
    const file = writeEncoded(
      join(tempFolder(), 'social.csv'),
      'id,fecha,usuario,red,texto\nm1,2026-01-10,marta.ruiz,linkedin,Hola\nm2,2026-01-11,@marta_r,twitter,Hola otra vez\n',
      'utf8',
    );
    await pulso('import', file, '--workspace', workspace);
    const w = ['--workspace', workspace, '--json'];
    const first = JSON.parse(
      await pulso('contacts', 'identify', 'linkedin:marta.ruiz', '--name', 'Marta Ruiz', '--company', 'Acme', ...w),
    ) as Contact;
    const second = JSON.parse(
      await pulso('contacts', 'identify', 'twitter:@marta_r', '--name', 'Marta R.', ...w),
    ) as Contact;
    const merged = JSON.parse(await pulso('contacts', 'merge', String(first.id), String(second.id), ...w)) as Contact;
    expect(merged.accounts.map((a) => a.source)).toEqual(['linkedin', 'twitter']);
    const set = JSON.parse(
      await pulso('contacts', 'set', String(first.id), '--role', 'executive', '--account-type', 'corporate', ...w),
    ) as Contact;
    expect(set).toMatchObject({ role: 'executive', accountType: 'corporate', company: 'Acme' });
    const split = JSON.parse(await pulso('contacts', 'split', String(first.id), 'twitter:@marta_r', ...w)) as Contact;
    expect(split.accounts).toEqual([expect.objectContaining({ source: 'twitter', handle: '@marta_r' })]);
    expect(await pulso('contacts', '--workspace', workspace)).toMatch(
      /Marta Ruiz\s+Acme\s+executive\s+corporate\s+0\s+linkedin:marta\.ruiz/,
    );
    expect(await runCli('contacts', 'set', String(first.id), '--role', 'boss', '--workspace', workspace)).toMatchObject(
      {
        code: 1,
        err: expect.stringContaining('--role is one of user, manager, executive, purchasing'),
      },
    );
    expect(await runCli('contacts', 'identify', 'marta', '--name', 'X', '--workspace', workspace)).toMatchObject({
      code: 2,
      err: expect.stringContaining('NETWORK:HANDLE'),
    });
  });
});
