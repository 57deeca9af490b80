import type { Temperature } from '../temperature';
import { SOURCES, type Kind, type Source } from '../vocabulary';
import { foldText } from '../matching';
import type { CellProblem } from './problems';

/** A cell's value as a reader gives it. */
export type Cell = string | number | boolean | Date | null;

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: CellProblem };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(problem: CellProblem): Parsed<T> => ({ ok: false, problem });

export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return cell.toISOString();
  return String(cell).trim();
}

/** A value as the file wrote it, folded to compare: no case, accents or separators ("Muy_Enfadado": "muy enfadado"). */
export const foldValue = (text: string): string =>
  foldText(text)
    .replace(/[_\-.]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const TEMPERATURE_WORDS: Record<string, Temperature> = {};
for (const [value, words] of [
  [
    -2,
    [
      'muy enfadado',
      'muy enfadada',
      'muy negativo',
      'muy negativa',
      'muy malo',
      'very angry',
      'very negative',
      'very bad',
      'strongly negative',
      'n+',
    ],
  ],
  [-1, ['enfadado', 'enfadada', 'negativo', 'negativa', 'malo', 'angry', 'negative', 'bad', 'unhappy', 'n', 'neg']],
  [0, ['neutral', 'neutro', 'neutra', 'indiferente', 'neutre', 'mixed', 'mixto', 'neu']],
  [1, ['contento', 'contenta', 'positivo', 'positiva', 'bueno', 'happy', 'positive', 'good', 'p', 'pos']],
  [
    2,
    [
      'muy contento',
      'muy contenta',
      'muy positivo',
      'muy positiva',
      'muy bueno',
      'very happy',
      'very positive',
      'very good',
      'strongly positive',
      'p+',
    ],
  ],
] as const)
  for (const word of words) TEMPERATURE_WORDS[word] = value;
/**
 * What research corpora write for a message with no sentiment at all (TASS's NONE), and listening tools for one they
 * did not rate (Meltwater's "Not Rated"): unlabeled, not neutral.
 */
const NO_TEMPERATURE = new Set([
  'none',
  'sin sentimiento',
  'no sentiment',
  'sin polaridad',
  'not rated',
  'unrated',
  'not classified',
  'unclassified',
  'sin valorar',
  'sin clasificar',
  'n/a',
]);

export type TemperatureScale = 'signed' | 'five';

/**
 * Numbers on a file's temperature column: −2..2 as they are, 1..5 shifted. Decided from all of the column's values:
 * the scale fewer of them fall outside (a stray 3 among −2…+2 is that row's error, not the whole column's); a column
 * of only 1s and 2s, or as many values outside one scale as the other, cannot tell and is asked about.
 */
export function detectTemperatureScale(values: Iterable<string>): TemperatureScale | 'ambiguous' | null {
  let onlySigned = 0;
  let onlyFive = 0;
  let numbers = false;
  for (const raw of values) {
    const value = Number(raw.trim().replace(/^\+/, ''));
    if (raw.trim() === '' || !Number.isInteger(value)) continue;
    numbers = true;
    if (value <= 0) onlySigned++;
    if (value >= 3) onlyFive++;
  }
  if (!numbers) return null;
  return onlySigned > onlyFive ? 'signed' : onlyFive > onlySigned ? 'five' : 'ambiguous';
}

export function parseTemperature(cell: Cell, scale: TemperatureScale | null): Parsed<Temperature | null> {
  const text = cellText(cell);
  if (text === '') return ok(null);
  const number = Number(text.replace(/^\+/, '').replace(',', '.'));
  if (Number.isFinite(number) && /^[+-]?\d+([.,]0+)?$/.test(text)) {
    if (scale === 'five' && number >= 1 && number <= 5) return ok((number - 3) as Temperature);
    if (scale !== 'five' && number >= -2 && number <= 2) {
      if (scale === null && number > 0) return fail({ code: 'temperature-scale', value: text });
      return ok(number as Temperature);
    }
    return fail({ code: 'temperature-outside', value: text, scale: scale === 'five' ? '1–5' : '−2..2' });
  }
  const folded = foldValue(text);
  if (NO_TEMPERATURE.has(folded)) return ok(null);
  const word = TEMPERATURE_WORDS[folded];
  return word === undefined ? fail({ code: 'temperature-unknown', value: text }) : ok(word);
}

const KIND_WORDS: Record<string, Kind> = {};
for (const [kind, words] of [
  ['case', ['case', 'caso', 'tramitacion', 'tramite', 'request', 'solicitud', 'peticion', 'consulta', 'query']],
  ['complaint', ['complaint', 'queja', 'reclamacion', 'reclamo', 'protesta']],
  ['suggestion', ['suggestion', 'sugerencia', 'idea', 'propuesta', 'co creacion', 'cocreacion']],
  ['opinion', ['opinion', 'comentario', 'comment', 'review', 'resena']],
  ['chat', ['chat', 'charla', 'conversacion', 'conversation', 'saludo', 'greeting']],
  ['spam', ['spam', 'publicidad', 'bot']],
  ['irrelevant', ['irrelevant', 'irrelevante', 'no relevante', 'not relevant', 'off topic', 'fuera de tema']],
] as const)
  for (const word of words) KIND_WORDS[word] = kind;

export function parseKind(cell: Cell): Parsed<Kind | null> {
  const text = cellText(cell);
  if (text === '') return ok(null);
  const kind = KIND_WORDS[foldValue(text)];
  return kind ? ok(kind) : fail({ code: 'kind-unknown', value: text });
}

const SOURCE_WORDS: Record<string, Source> = {
  x: 'twitter',
  tw: 'twitter',
  'twitter x': 'twitter',
  'x twitter': 'twitter',
  fb: 'facebook',
  ig: 'instagram',
  insta: 'instagram',
  yt: 'youtube',
  'linked in': 'linkedin',
  foro: 'forum',
  foros: 'forum',
  forums: 'forum',
  reddit: 'forum',
  blogs: 'blog',
  reviews: 'review',
  'online news': 'news',
  noticias: 'news',
  prensa: 'news',
  resena: 'review',
  opinion: 'review',
  correo: 'email',
  'e mail': 'email',
  mail: 'email',
  telefono: 'phone',
  llamada: 'phone',
  otro: 'other',
  otra: 'other',
  otros: 'other',
};

/** A network by its code or a name exports write for it ("X", "foro"), or null when it names none. */
export function knownSource(cell: Cell): Source | null {
  const text = foldValue(cellText(cell));
  if ((SOURCES as readonly string[]).includes(text)) return text as Source;
  return SOURCE_WORDS[text] ?? null;
}

/** A network name as written in exports; anything unknown is "other", never dropped. */
export const parseSource = (cell: Cell): Source => knownSource(cell) ?? 'other';

/** Only ASCII digits: most counts of an export, read without a regular expression. */
function isDigits(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x30 || code > 0x39) return false;
  }
  return true;
}

/**
 * A count as people write it: "1.234", "1,234", "1 234", "1.234,0", "2,5K". Counts are whole,
 * so a lone separator before three digits is a thousands separator.
 */
export function parseCount(cell: Cell): Parsed<number | null> {
  if (typeof cell === 'string' && cell.length > 0 && cell.length < 16 && isDigits(cell)) return ok(Number(cell));
  if (typeof cell === 'number')
    return Number.isFinite(cell) && cell >= 0
      ? ok(Math.round(cell))
      : fail({ code: 'not-a-count', value: String(cell) });
  const text = cellText(cell).replace(/[\s\u00a0\u202f']/g, '');
  if (text === '' || text === '-') return ok(null);
  const match = /^(\d[\d.,]*)([kKmM])?$/.exec(text);
  if (!match) return fail({ code: 'not-a-number', value: cellText(cell) });
  const digits = match[1] as string;
  const multiplier = match[2] ? (match[2].toLowerCase() === 'k' ? 1000 : 1_000_000) : 1;
  const separators = digits.replace(/\d/g, '');
  let value: number;
  if (separators === '') value = Number(digits);
  else {
    const last = Math.max(digits.lastIndexOf('.'), digits.lastIndexOf(','));
    const decimals = digits.slice(last + 1);
    const mixed = separators.includes('.') && separators.includes(',');
    const thousands = !mixed && (separators.length > 1 || (decimals.length === 3 && !match[2]));
    value = thousands
      ? Number(digits.replace(/[.,]/g, ''))
      : Number(`${digits.slice(0, last).replace(/[.,]/g, '')}.${decimals}`);
  }
  return Number.isFinite(value)
    ? ok(Math.round(value * multiplier))
    : fail({ code: 'not-a-number', value: cellText(cell) });
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
const ENTITY = /&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|amp|lt|gt|quot|apos|nbsp);|<br\s*\/?>/gi;

/**
 * A message's text as platforms' exports escape it for HTML (`&amp;`, `&lt;`, `&#39;`, `<br />`), back to the text
 * its author wrote; text with none of these is returned as it is.
 */
export function decodeHtmlText(text: string): string {
  if (!text.includes('&') && !text.includes('<')) return text;
  return text.replace(ENTITY, (match: string, entity: string | undefined) => {
    if (entity === undefined) return '\n';
    const lower = entity.toLowerCase();
    if (lower.startsWith('#')) {
      const code = lower[1] === 'x' ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10);
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : match;
    }
    return ENTITIES[lower] ?? match;
  });
}
