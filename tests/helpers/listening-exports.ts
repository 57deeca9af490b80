import { join } from 'node:path';
import { writeEncoded } from './files';

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
export function meltwaterExport(folder: string): string {
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
export function brandwatchExport(folder: string): string {
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
