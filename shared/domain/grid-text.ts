import type { MessageRow } from '../api/contract';
import type { GridColumn } from '../api/grid';
import type { MessageKey, Translator } from '../i18n';
import { IMPORTED_ANNOTATOR, SOURCES, UNKNOWN_AUTHOR, type Source } from './vocabulary';

/** The author's handle, or the placeholder of messages whose file names none in the user's language. */
export const authorText = (handle: string, t: Translator): string =>
  handle === UNKNOWN_AUTHOR ? t.t('author.unknown') : handle;

/** A network's name as people write it ("X", "Instagram", "Foro"): never its code, never cut. */
export const sourceText = (source: string, t: Translator): string =>
  (SOURCES as readonly string[]).includes(source) ? t.t(`source.${source as Source}`) : source;

/** The usual case types (the demo's among them) in the UI's language; a workspace's own types as written. */
const CASE_TYPE_WORDS: Record<string, MessageKey> = {
  billing: 'caseType.billing',
  technical: 'caseType.technical',
  coverage: 'caseType.coverage',
  contract: 'caseType.contract',
};
export const caseTypeText = (type: string, t: Translator): string => {
  const key = CASE_TYPE_WORDS[type];
  return key ? t.t(key) : type;
};

/** A case type typed in the UI's language, as stored: "facturación" (or "billing") is billing; any other as typed. */
export const caseTypeFromText = (text: string, t: Translator): string =>
  Object.entries(CASE_TYPE_WORDS).find(([, key]) => t.t(key).toLowerCase() === text.toLowerCase())?.[0] ?? text;

/** A demographic value in words: sex in the UI's language; age bands and regions as the file wrote them. */
export const demographicText = (dimension: 'ageBand' | 'sex' | 'region', value: string, t: Translator): string =>
  dimension === 'sex' && (value === 'female' || value === 'male') ? t.t(`sex.${value}`) : value;

/** An account as people say it: its handle and its network's name, "@ana (Instagram)", never "instagram:@ana". */
export const accountText = (source: string, handle: string, t: Translator): string =>
  `${authorText(handle, t)} (${sourceText(source, t)})`;

/** Who labeled, in words: the labels a file came with are the import's. */
export const annotatorText = (annotator: string | null, t: Translator): string =>
  annotator === IMPORTED_ANNOTATOR ? t.t('annotator.imported') : (annotator ?? '');

/** Each grid column's cell as text: its tooltip, its copy and its export (what the analyst sees). */
export const COLUMN_TEXT: Record<GridColumn, (message: MessageRow, t: Translator) => string> = {
  postedAt: (m, t) => t.dateTime(m.postedAt),
  source: (m, t) => sourceText(m.source, t),
  author: (m, t) => authorText(m.authorHandle, t),
  text: (m) => m.text,
  entities: (m) => m.entities.join(', '),
  topics: (m) => m.topics.join(', '),
  temperature: (m) => (m.temperature === null ? '' : String(m.temperature)),
  kind: (m, t) => (m.kind ? t.t(`kind.${m.kind}` as MessageKey) : ''),
  case: (m) => (m.caseId === null ? '' : `#${m.caseId}`),
  annotator: (m, t) => annotatorText(m.annotator, t),
  labeledAt: (m, t) => (m.labeledAt === null ? '' : t.dateTime(m.labeledAt)),
};

/** A cell a spreadsheet would read as a formula (= + - @ first) written as text. */
export const neutralized = (value: string): string => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/** A CSV field for Excel: formulas neutralized, quoted when it holds the separator, a quote or a line break. */
export function csvField(value: string | number | null, separator: ',' | ';'): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = neutralized(value);
  return text.includes(separator) || /["\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
