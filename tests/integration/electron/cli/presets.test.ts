import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli as pulso } from '../../../helpers/cli';
import { tempFolder, writeEncoded } from '../../../helpers/files';
import { tempWorkspacePath } from '../../../helpers/workspace';

describe('pulso presets', () => {
  it('saves a mapping as a preset, lists it beside the shipped ones, shows it, and imports with it', async () => {
    const workspace = tempWorkspacePath();
    const folder = tempFolder();
    const mapping = { columns: { text: 'Comentario', postedAt: 'Cuándo', authorHandle: 'Cuenta' }, dateOrder: 'dmy' };
    writeFileSync(join(folder, 'mapping.json'), JSON.stringify(mapping));

    const saved = await pulso(
      'presets',
      'save',
      'Registro de la tienda',
      '--mapping',
      join(folder, 'mapping.json'),
      '--workspace',
      workspace,
    );
    expect(saved).toMatchObject({
      code: 0,
      out: 'preset "Registro de la tienda" saved: pulso import FILE --preset "Registro de la tienda"\n',
    });

    const listed = JSON.parse((await pulso('presets', '--workspace', workspace, '--json')).out) as {
      name: string;
      builtin: boolean;
    }[];
    expect(listed.find((p) => p.name === 'Registro de la tienda')).toMatchObject({ builtin: false });
    expect(listed.find((p) => p.name === 'airline-tweets')).toMatchObject({ builtin: true });
    const table = (await pulso('presets', 'list', '--workspace', workspace)).out;
    expect(table).toMatch(/Registro de la tienda\s+workspace\s+text=Comentario, postedAt=Cuándo, authorHandle=Cuenta/);

    const shown = await pulso('presets', 'show', 'Registro de la tienda', '--workspace', workspace);
    expect(JSON.parse(shown.out)).toEqual(mapping);

    // Days past the 12th would tell the order anyway; 03/04 would not, and the preset's dmy says April.
    const csv = [
      'Cuándo;Cuenta;Comentario',
      '03/04/2026 10:00;@marta;La fibra va lenta',
      '04/04/2026 11:00;@luis;Gracias',
    ];
    const file = writeEncoded(join(folder, 'tienda.csv'), csv.join('\n'), 'utf8');
    const imported = await pulso(
      'import',
      file,
      '--preset',
      'Registro de la tienda',
      '--workspace',
      workspace,
      '--json',
    );
    expect(JSON.parse(imported.out)).toMatchObject({ new: 2, rejected: 0 });
    const kpis = await pulso('kpis', '--from', '2026-04-03', '--to', '2026-04-04', '--workspace', workspace, '--json');
    expect(JSON.parse(kpis.out)).toMatchObject({ totals: { messages: 2 } });
  });

  it('says what is wrong: an unknown preset, a mapping that is not one, a missing name', async () => {
    const workspace = tempWorkspacePath();
    const bad = join(tempFolder(), 'bad.json');
    writeFileSync(bad, JSON.stringify({ columns: { nonsense: 'X' } }));
    expect(await pulso('presets', 'show', 'nada', '--workspace', workspace)).toMatchObject({
      code: 1,
      err: expect.stringMatching(/no preset named "nada" \(presets: airline-tweets, /),
    });
    expect((await pulso('presets', 'save', 'x', '--mapping', bad, '--workspace', workspace)).code).toBe(1);
    expect((await pulso('presets', 'save', '--mapping', bad, '--workspace', workspace)).code).toBe(2);
    expect((await pulso('presets', 'rename', 'x', '--workspace', workspace)).code).toBe(2);
  });
});
