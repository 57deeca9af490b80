import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli as pulso } from '../../../helpers/cli';
import { tempFolder, writeEncoded } from '../../../helpers/files';
import { tempWorkspacePath } from '../../../helpers/workspace';

/**
 * Listening tools' mention exports, shaped as they write them: the column names are the tools' own (Meltwater's as
 * its export lists them, Brandwatch's from its mentions download), the rows ours.
 */
const MELTWATER_HEADER =
  'Date,Headline,URL,Opening Text,Hit Sentence,Source,Influencer,Country,Subregion,State,City,Language,Reach,' +
  'Desktop Reach,Mobile Reach,Twitter Social Echo,Facebook Social Echo,Reddit Social Echo,Earned Traffic,' +
  'National Viewership,AVE,Sentiment,Key Phrases,Input Name,Keywords,Document Tags,Engagement,Hashtags,Views,' +
  'Estimated Views,Custom Categories';
const MELTWATER_ROWS = [
  // Date, Headline, URL, Opening Text, Hit Sentence, Source; then Influencer, Country, Language and Sentiment below
  ['15-Nov-2025 09:30AM', '', 'https://x.com/ana_g/status/1', '', '@LumenMovil llevo 3 días sin fibra', 'Twitter'],
  [
    '15-Nov-2025 10:02AM',
    'Lumen lanza tarifa',
    'https://elpais.com/x',
    'Lumen ha anunciado…',
    'Lumen ha anunciado hoy una tarifa',
    'El País',
  ],
  ['16-Nov-2025 11:15PM', '', 'https://x.com/bob/status/2', '', 'Great service from @LumenMovil today!', 'Twitter'],
  ['17-Nov-2025 08:00AM', '', 'https://reddit.com/r/x/1', '', 'Anyone tried Lumen roaming?', 'Reddit'],
];
const MELTWATER_REST = [
  ['@ana_g', 'Spain', 'Negative'],
  ['Juan Pérez', 'Spain', 'Neutral'],
  ['@bob', 'United Kingdom', 'Positive'],
  ['u/carl', '', 'Not Rated'],
];

/** Meltwater's export as it downloads: UTF-16 LE with a byte-order mark, tab-separated. */
function meltwaterExport(folder: string): string {
  const width = MELTWATER_HEADER.split(',').length;
  const lines = MELTWATER_ROWS.map((start, i) => {
    const [influencer, country, sentiment] = MELTWATER_REST[i] as string[];
    const row = Array<string>(width).fill('');
    start.forEach((cell, at) => (row[at] = cell));
    row[6] = influencer as string;
    row[7] = country as string;
    row[11] = country === 'Spain' ? 'Spanish' : 'English';
    row[21] = sentiment as string;
    return row.join('\t');
  });
  return writeEncoded(
    join(folder, 'Meltwater export.csv'),
    [MELTWATER_HEADER.replaceAll(',', '\t'), ...lines].join('\r\n') + '\r\n',
    'utf16le',
    true,
  );
}

/** Brandwatch's mentions download: the report's block above the header, every cell quoted. */
function brandwatchExport(folder: string): string {
  const quote = (cells: string[]) => cells.map((cell) => `"${cell.replaceAll('"', '""')}"`).join(',');
  const header = [
    'Query Id',
    'Query Name',
    'Date',
    'Title',
    'Url',
    'Domain',
    'Sentiment',
    'Page Type',
    'Language',
    'Country',
    'Author',
    'Full Name',
    'Full Text',
    'Gender',
    'Impact',
    'Resource Id',
    'Twitter Followers',
    'Twitter Retweets',
  ];
  const rows = [
    [
      '2001',
      'Lumen',
      '2025-11-15 09:30:12.0',
      '',
      'https://x.com/ana_g/status/18',
      'x.com',
      'negative',
      'twitter',
      'es',
      'Spain',
      'ana_g',
      'Ana García',
      '@LumenMovil llevo 3 días sin fibra',
      'female',
      '42.1',
      '18',
      '350',
      '2',
    ],
    [
      '2001',
      'Lumen',
      '2025-11-15 10:02:00.0',
      'Nueva tarifa',
      'https://elpais.com/x.html',
      'elpais.com',
      'neutral',
      'news',
      'es',
      'Spain',
      '',
      'Juan Pérez',
      'Lumen ha anunciado hoy una tarifa',
      'unknown',
      '70.0',
      'news-77',
      '',
      '',
    ],
    [
      '2001',
      'Lumen',
      '2025-11-16 23:15:40.0',
      '',
      'https://www.reddit.com/r/spain/abc',
      'reddit.com',
      'positive',
      'reddit',
      'en',
      'United Kingdom',
      'bob_uk',
      '',
      'Great service from Lumen today',
      'male',
      '12.5',
      't3_abc',
      '',
      '',
    ],
    [
      '2001',
      'Lumen',
      '2025-11-17 08:00:00.0',
      '',
      'https://www.instagram.com/p/XYZ',
      'instagram.com',
      'neutral',
      'instagram',
      'es',
      'Spain',
      'carla.m',
      'Carla M',
      '#LumenMovil ¿el roaming incluye Andorra?',
      'female',
      '5.0',
      'ig-1',
      '',
      '',
    ],
  ];
  const report = [
    '"Brandwatch Consumer Research"',
    '"Report:","All Mentions"',
    '"From:","2025-11-01 00:00:00"',
    '"To:","2025-11-30 23:59:59"',
    '',
  ];
  return writeEncoded(
    join(folder, 'brandwatch-mentions.csv'),
    [...report, quote(header), ...rows.map(quote)].join('\r\n') + '\r\n',
    'utf8',
    true,
  );
}

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
    expect(stored(workspace)).toEqual([]);

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
    expect(stored(workspace)).toEqual([]);
  });
});
