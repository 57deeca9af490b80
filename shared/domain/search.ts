import { foldText } from './matching';

/**
 * What a person types into the search box, as an FTS5 query that cannot be a syntax error:
 * words must all appear (any accents), "quoted words" must appear together, and a word ending
 * in * matches as a prefix. Returns null when nothing searchable is left.
 */
export function toFtsQuery(input: string): string | null {
  const parts: string[] = [];
  const pattern = /"([^"]*)"|(\S+)/g;
  for (let match = pattern.exec(input); match; match = pattern.exec(input)) {
    if (match[1] !== undefined) {
      const words = words_(match[1]);
      if (words.length > 0) parts.push(`"${words.join(' ')}"`);
      continue;
    }
    const raw = match[2] as string;
    const prefix = raw.endsWith('*');
    for (const [i, word] of words_(raw).entries())
      parts.push(`"${word}"${prefix && i === words_(raw).length - 1 ? '*' : ''}`);
  }
  return parts.length > 0 ? parts.join(' ') : null;
}

/** Letters and digits only, folded like the index folds them. */
function words_(text: string): string[] {
  return foldText(text).match(/[\p{L}\p{N}_]+/gu) ?? [];
}
