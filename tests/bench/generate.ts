import { createWriteStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRandom } from '../../electron/backend/demo/generate';
import { demoVocabulary as vocabulary } from '../../electron/backend/demo/generate';

/** Extra words so texts run 8–40 words, in the language of the message. */
const FILLER = {
  es: [
    'hoy',
    'otra',
    'vez',
    'desde',
    'la',
    'semana',
    'pasada',
    'y',
    'nadie',
    'me',
    'dice',
    'nada',
    'gracias',
    'por',
    'favor',
    'cuando',
    'lo',
    'arreglan',
    'en',
    'casa',
    'trabajo',
    'móvil',
    'tienda',
    'llamé',
    'esperé',
    'minutos',
    'atención',
    'cliente',
    'oferta',
    'precio',
  ],
  en: [
    'today',
    'again',
    'since',
    'last',
    'week',
    'and',
    'nobody',
    'tells',
    'me',
    'anything',
    'thanks',
    'please',
    'when',
    'will',
    'you',
    'fix',
    'it',
    'at',
    'home',
    'work',
    'phone',
    'store',
    'called',
    'waited',
    'minutes',
    'service',
    'customer',
    'deal',
    'price',
    'really',
  ],
} as const;

/**
 * What a quarter of messages end with, as people write them: characters outside the BMP, so the texts are not all one
 * byte a character.
 */
const EMOJI = {
  '-2': ['😡', '🤬'],
  '-1': ['😠', '👎'],
  '0': ['🤔', '📱'],
  '1': ['🙂', '👍'],
  '2': ['😍', '🎉'],
} as const;

const HEADER = 'id,fecha,usuario,nombre,red,texto,temperatura,tipo,me_gusta,compartidos,respuestas,seguidores\n';
const SOURCES = Object.keys(vocabulary.sources);

function quote(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One realistic message row a line (for benchmarks): ~200 bytes, a third labeled, a quarter with an emoji. */
export function* benchRows(count: number, seed = 7): Generator<string[]> {
  const random = createRandom(seed);
  const authors = Math.max(1, Math.floor(count / 4));
  const start = Date.UTC(2026, 0, 1);
  const words = ['-2', '-1', '0', '1', '2'] as const;
  for (let i = 0; i < count; i++) {
    const language = random.next() < 0.6 ? 'es' : 'en';
    const temperature = random.pick(words);
    const entity = random.pick(vocabulary.entities);
    let text = random
      .pick(vocabulary.templates[language][temperature])
      .replace('{brand}', random.pick(entity.aliases))
      .replace('{subject}', random.pick(vocabulary.subjects[language]))
      .replace('{n}', String(random.int(2, 5)));
    const target = random.int(8, 40);
    let length = text.split(' ').length;
    while (length < target) {
      text += ` ${random.pick(FILLER[language])}`;
      length++;
    }
    if (random.next() < 0.25) text += ` ${random.pick(EMOJI[temperature])}`;
    const author = Math.floor(random.next() ** 2 * authors);
    const labeled = random.next() < 1 / 3;
    const posted = new Date(start + Math.floor(random.next() * 273 * 86400) * 1000).toISOString();
    yield [
      `b${i}`,
      posted,
      `@user${author}`,
      `User ${author}`,
      random.pick(SOURCES),
      text,
      labeled ? temperature : '',
      labeled ? random.pick(vocabulary.kindsByTemperature[temperature]) : '',
      String(random.int(0, 500)),
      String(random.int(0, 80)),
      String(random.int(0, 30)),
      String(random.int(0, 100000)),
    ];
  }
}

const LABEL_WORDS = {
  '-2': 'very negative',
  '-1': 'negative',
  '0': 'neutral',
  '1': 'positive',
  '2': 'very positive',
} as const;
const ENGLISH_HEADER = 'created_at,user,platform,text,sentiment,likes,retweets,followers\n';
/** Distinct authors of the English-shaped file, whatever its length. */
const ENGLISH_AUTHORS = 200_000;

/**
 * The other shape analysts bring (issue 31): 8 columns with English headers, 200,000 distinct authors (each of the
 * first rows a new one), a third labeled with words ("very negative"), English texts with no emoji.
 */
export function* englishRows(count: number, seed = 13): Generator<string[]> {
  const random = createRandom(seed);
  const start = Date.UTC(2026, 0, 1);
  const words = ['-2', '-1', '0', '1', '2'] as const;
  for (let i = 0; i < count; i++) {
    const temperature = random.pick(words);
    const entity = random.pick(vocabulary.entities);
    let text = random
      .pick(vocabulary.templates.en[temperature])
      .replace('{brand}', random.pick(entity.aliases))
      .replace('{subject}', random.pick(vocabulary.subjects.en))
      .replace('{n}', String(random.int(2, 5)));
    const target = random.int(8, 40);
    for (let length = text.split(' ').length; length < target; length++) text += ` ${random.pick(FILLER.en)}`;
    const author = i < ENGLISH_AUTHORS ? i : random.int(0, ENGLISH_AUTHORS - 1);
    yield [
      new Date(start + Math.floor(random.next() * 273 * 86400) * 1000).toISOString(),
      `@person${author}`,
      random.pick(SOURCES),
      text,
      random.next() < 1 / 3 ? LABEL_WORDS[temperature] : '',
      String(random.int(0, 500)),
      String(random.int(0, 80)),
      String(random.int(0, 100000)),
    ];
  }
}

export type BenchShape = 'pulso' | 'english';

export async function writeBenchCsv(path: string, count: number, shape: BenchShape = 'pulso'): Promise<void> {
  const out = createWriteStream(path);
  out.write(shape === 'english' ? ENGLISH_HEADER : HEADER);
  let chunk = '';
  for (const row of shape === 'english' ? englishRows(count) : benchRows(count)) {
    chunk += `${row.map(quote).join(',')}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      chunk = '';
    }
  }
  out.write(chunk);
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

export const BENCH_HEADERS = HEADER.trim().split(',');

// `node --import tsx tests/bench/generate.ts FILE ROWS [SHAPE]` writes the benchmark CSV in a process of its
// own, so the one that measures the import does not carry the generator's memory.
if (process.argv[1] === fileURLToPath(import.meta.url))
  await writeBenchCsv(process.argv[2] as string, Number(process.argv[3]), (process.argv[4] ?? 'pulso') as BenchShape);
