import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli as pulso } from '../../../helpers/cli';
import { fingerprint, tempFolder, writeEncoded } from '../../../helpers/files';
import { tempWorkspacePath } from '../../../helpers/workspace';

describe('pulso backup', () => {
  it('backs up into the backups folder or a named file, lists the backups, and refuses the workspace', async () => {
    const workspace = tempWorkspacePath();
    const csv = ['fecha,usuario,texto', '2026-01-10 10:00,@marta,La fibra va lenta', '2026-01-11 10:00,@luis,Gracias'];
    const file = writeEncoded(join(tempFolder(), 'menciones.csv'), csv.join('\n'), 'utf8');
    expect((await pulso('import', file, '--workspace', workspace)).code).toBe(0);

    const now = await pulso('backup', '--workspace', workspace, '--json');
    expect(now.code).toBe(0);
    const backup = JSON.parse(now.out) as { path: string; name: string; bytes: number };
    expect(backup.path.startsWith(`${workspace}.backups/`)).toBe(true);
    expect(fingerprint(backup.path)).toBe(fingerprint(workspace));

    const named = join(tempFolder(), 'copia.pulso');
    const to = await pulso('backup', '--workspace', workspace, '--to', named);
    expect(to).toMatchObject({ code: 0, out: expect.stringMatching(/^backed up to .*copia\.pulso \(\d+\.\d MB\)\n$/) });
    const info = await pulso('info', '--workspace', named, '--json');
    expect(JSON.parse(info.out)).toMatchObject({ messages: 2 });

    const list = await pulso('backup', 'list', '--workspace', workspace, '--json');
    expect((JSON.parse(list.out) as { path: string }[]).map((b) => b.path)).toEqual([backup.path]);
    expect((await pulso('backup', 'list', '--workspace', workspace)).out).toContain(backup.path);

    expect(await pulso('backup', '--workspace', workspace, '--to', workspace)).toMatchObject({
      code: 1,
      err: expect.stringContaining('The backup cannot be the workspace (test.pulso): choose another file'),
    });
    expect((await pulso('backup', 'now', '--workspace', workspace)).code).toBe(2);
  });
});
