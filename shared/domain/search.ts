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

/**
 * Where a search's words appear in a text, as [start, end) ranges of the text as written: the words found the way the
 * search finds them (any case and accents; "phrases" together; word* as a prefix), for highlighting.
 */
export function searchRanges(text: string, search: string): [number, number][] {
  const terms: { words: string[]; prefix: boolean }[] = [];
  const pattern = /"([^"]*)"|(\S+)/g;
  for (let match = pattern.exec(search); match; match = pattern.exec(search)) {
    if (match[1] !== undefined) terms.push({ words: words_(match[1]), prefix: false });
    else
      for (const word of words_(match[2] as string))
        terms.push({ words: [word], prefix: (match[2] as string).endsWith('*') });
  }
  // The text folded one character at a time, so each folded position maps back to where it was written.
  let folded = '';
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const one = foldText(text[i] as string);
    folded += one;
    for (let k = 0; k < one.length; k++) at.push(i);
  }
  at.push(text.length);
  const isWord = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}_]/u.test(c);
  const ranges: [number, number][] = [];
  for (const term of terms.filter((t) => t.words.length > 0)) {
    for (
      let from = folded.indexOf(term.words[0] as string);
      from >= 0;
      from = folded.indexOf(term.words[0] as string, from + 1)
    ) {
      if (isWord(folded[from - 1])) continue;
      // The phrase's words with anything but letters and digits between them.
      const rest = new RegExp(
        `^${term.words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^\\p{L}\\p{N}_]+')}`,
        'u',
      ).exec(folded.slice(from));
      if (!rest) continue;
      const end = from + rest[0].length;
      if (!term.prefix && isWord(folded[end])) continue;
      let stop = end;
      while (term.prefix && isWord(folded[stop])) stop++;
      ranges.push([at[from] as number, at[stop] as number]);
    }
  }
  return ranges
    .sort((a, b) => a[0] - b[0])
    .filter((range, i, all) => i === 0 || range[0] >= (all[i - 1] as [number, number])[1]);
}
