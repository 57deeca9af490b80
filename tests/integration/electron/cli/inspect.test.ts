import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli as pulso } from '../../../helpers/cli';
import { tempFolder, writeEncoded } from '../../../helpers/files';
import { brandwatchExport, meltwaterExport } from '../../../helpers/listening-exports';
import { tempWorkspacePath } from '../../../helpers/workspace';

function stored(workspace: string): { source: string; temperature: number | null; handle: string; text: string }[] {
  const sqlite = new Database(workspace, { readonly: true });
  try {
    return sqlite
      .prepare(
        `SELECT s.code AS source, m.temperature, a.handle, m.text FROM messages m
         JOIN sources s ON s.id = m.source_id JOIN authors a ON a.id = m.author_id ORDER BY m.posted_at`,
      )
      .all() as { source: string; temperature: number | null; handle: string; text: string }[];
  } finally {
    sqlite.close();
  }
}

describe('pulso import --dry-run, and listening tools’ exports', () => {
  it("reads Meltwater's export (UTF-16, tabs): the hit sentence as the text, the influencer as the author, Not Rated as no label", async () => {
    const folder = tempFolder();
    const workspace = tempWorkspacePath();
    const file = meltwaterExport(folder);

    const dry = await pulso('import', file, '--workspace', workspace, '--dry-run');
    expect(dry.code, dry.err).toBe(0);
    expect(dry.out).toMatch(/^Meltwater export\.csv: CSV, utf16le, tab-separated, header on row 1; 4 rows$/m);
    expect(dry.out).toMatch(/^ {2}text +← Hit Sentence$/m);
    expect(dry.out).toMatch(/^ {2}authorHandle +← Influencer$/m);
    expect(dry.out).toMatch(/^ {2}"Not Rated" ×1 → no label$/m);
    expect(dry.out).toMatch(/^ {2}"Reddit" ×1 → forum$/m);
    expect(dry.out).toMatch(/^ {2}row 2: text=@LumenMovil llevo 3 días sin fibra · postedAt=2025-11-15T09:30:00Z/m);
    expect(dry.out).toContain('it would import (nothing written: a dry run)');
    // Not even the workspace it was pointed at: a dry run looks from a scratch one, and leaves none behind.
    expect(existsSync(workspace)).toBe(false);
    expect(dry.err).toBe('');

    const imported = await pulso('import', file, '--workspace', workspace, '--json');
    expect(imported.code, imported.err).toBe(0);
    expect(JSON.parse(imported.out)).toMatchObject({ new: 4, rejected: 0 });
    expect(stored(workspace).map(({ source, temperature, handle }) => [source, temperature, handle])).toEqual([
      ['twitter', -1, '@ana_g'],
      ['other', 0, 'Juan Pérez'],
      ['twitter', 1, '@bob'],
      ['forum', null, 'u/carl'],
    ]);
  });

  it("reads Brandwatch's download: the report block skipped, the page type as the network, its mention id kept", async () => {
    const folder = tempFolder();
    const workspace = tempWorkspacePath();
    const file = brandwatchExport(folder);

    const dry = await pulso('import', file, '--workspace', workspace, '--dry-run');
    expect(dry.code, dry.err).toBe(0);
    expect(dry.out).toMatch(/header on row 6; 4 rows$/m);
    for (const [field, column] of [
      ['text', 'Full Text'],
      ['postedAt', 'Date'],
      ['source', 'Page Type'],
      ['externalId', 'Resource Id'],
      ['authorHandle', 'Author'],
      ['temperature', 'Sentiment'],
    ])
      expect(dry.out).toMatch(new RegExp(`^ {2}${field} +← ${column}$`, 'm'));

    const imported = await pulso('import', file, '--workspace', workspace, '--json');
    expect(JSON.parse(imported.out)).toMatchObject({ new: 4, rejected: 0 });
    expect(stored(workspace).map(({ source, temperature }) => [source, temperature])).toEqual([
      ['twitter', -1],
      ['news', 0],
      ['forum', 1],
      ['instagram', 0],
    ]);
    // Brandwatch's mention ids keep a second download of an overlapping period from adding them again.
    const again = await pulso('import', file, '--workspace', workspace, '--json');
    expect(JSON.parse(again.out)).toMatchObject({ new: 0, duplicate: 4 });
  });

  it('says what would refuse the file, by row and column, and exits 1; --json gives the whole inspection', async () => {
    const folder = tempFolder();
    const workspace = tempWorkspacePath();
    const file = writeEncoded(
      join(folder, 'registro.csv'),
      [
        'Fecha;Usuario;Mensaje;Sentimiento',
        '03/11/2025 10:00;@marta;La fibra va lenta;malo',
        '32/11/2025 11:00;@luis;Gracias;fatal',
      ].join('\n'),
      'utf8',
    );
    const dry = await pulso('import', file, '--workspace', workspace, '--dry-run', '--date-order', 'dmy');
    expect(dry.code).toBe(1);
    expect(dry.out).toContain('it would not import as it is');
    expect(dry.out).toMatch(/^ {2}row 3, column "Fecha": .*32\/11\/2025/m);
    expect(dry.out).toMatch(/^ {2}1 row\(s\), column "Sentimiento": .*"fatal"/m);
    expect(dry.out).not.toMatch(/row 3, column "Sentimiento"/);

    const json = await pulso('import', file, '--workspace', workspace, '--dry-run', '--date-order', 'dmy', '--json');
    expect(json.code).toBe(0);
    const inspection = JSON.parse(json.out) as { mapping: { dateOrder: string; columns: Record<string, string> } };
    expect(inspection.mapping).toMatchObject({ dateOrder: 'dmy', columns: { text: 'Mensaje', postedAt: 'Fecha' } });
    expect(existsSync(workspace)).toBe(false);

    // A file of something else than messages is said to be what it is, with the command that takes it, and the fields
    // it has no column for are said once, not on every row.
    const ads = writeEncoded(
      join(folder, 'Campaign report.csv'),
      [
        'Campaign report',
        'Campaign,Day,Currency code,Cost',
        'Marca,2026-11-01,EUR,12.34',
        'Marca,2026-11-02,EUR,8.00',
      ].join('\n'),
      'utf8',
    );
    const asMessages = await pulso('import', ads, '--workspace', workspace, '--dry-run');
    expect(asMessages.code).toBe(1);
    expect(asMessages.out).toMatch(/^ {2}no column for text$/m);
    expect(asMessages.out).not.toContain('text is empty');
    expect(asMessages.out).toContain('it looks like an ads report: pulso costs import-ads "Campaign report.csv"');
    const deals = writeEncoded(
      join(folder, 'deals.csv'),
      ['Record ID,Deal Name,Deal Stage,Close Date,Amount', '98,Fibra,Closed won,2026-03-10,18000'].join('\n'),
      'utf8',
    );
    const dealsOut = (await pulso('import', deals, '--workspace', workspace, '--dry-run')).out;
    expect(dealsOut).toMatch(/^ {2}deals\.csv looks like a CRM's export of deals .*pulso sales import/m);

    // A preset it does not know is refused as the import refuses it, the flags beside it or not.
    const unknown = await pulso(
      'import',
      file,
      '--workspace',
      workspace,
      '--dry-run',
      '--preset',
      'nada',
      '--date-order',
      'dmy',
    );
    expect(unknown).toMatchObject({ code: 1, err: expect.stringMatching(/no preset named "nada"/) as unknown });
  });
});
