/**
 * Keyword rules: an alias or keyword matches a message when its words appear in the text as
 * whole words, in order, ignoring case and accents. A plain word also matches its #hashtag and
 * @handle forms ("iberia" matches "@Iberia"); a rule written as "#tag" or "@handle" matches only
 * that form.
 */
export interface Rule<T> {
  target: T;
  pattern: string;
}

/** Matches the tokens of a text (tokenize() once, match several rule sets). */
export type Matcher<T> = (tokens: readonly string[]) => Set<T>;

/** Code units that fold to something else without their accents (filled on first use). */
const FOLDED: (string | undefined)[] = new Array<string | undefined>(0x10000);
const ASTRAL_FOLDED = new Map<string, string>();
const MARKS = /\p{M}/gu;
// Control characters are ASCII too.
// eslint-disable-next-line no-control-regex
const ASCII_ONLY = /^[\x00-\x7f]*$/;
const withoutMarks = (chars: string): string => chars.normalize('NFD').replace(MARKS, '');
const isPair = (text: string, i: number): boolean => {
  const high = text.charCodeAt(i);
  const low = text.charCodeAt(i + 1);
  return high >= 0xd800 && high < 0xdc00 && low >= 0xdc00 && low < 0xe000;
};

/**
 * Lower case without accents ("Atención" → "atencion"): lower-cased, decomposed (NFD) and
 * stripped of combining marks. The hot path of every import: a table per code unit instead of
 * normalizing each text, and nothing at all for ASCII.
 */
export function foldText(text: string): string {
  const lower = text.toLowerCase();
  if (ASCII_ONLY.test(lower)) return lower;
  let folded = '';
  let copiedTo = 0;
  for (let i = 0; i < lower.length; i++) {
    const code = lower.charCodeAt(i);
    // Nothing below À decomposes, and no combining mark is below U+0300.
    if (code < 0xc0) continue;
    let replacement: string;
    let width = 1;
    if (isPair(lower, i)) {
      width = 2;
      const pair = lower.slice(i, i + 2);
      replacement = ASTRAL_FOLDED.get(pair) ?? withoutMarks(pair);
      ASTRAL_FOLDED.set(pair, replacement);
      if (replacement === pair) {
        i++;
        continue;
      }
    } else {
      replacement = FOLDED[code] ?? (FOLDED[code] = withoutMarks(lower[i] as string));
      if (replacement.length === 1 && replacement.charCodeAt(0) === code) continue;
    }
    folded += lower.slice(copiedTo, i) + replacement;
    copiedTo = i + width;
    i += width - 1;
  }
  return copiedTo === 0 ? lower : folded + lower.slice(copiedTo);
}

/** Per code unit: 0 not yet known, 1 a letter, digit or underscore, 2 anything else. */
const WORD = new Uint8Array(0x10000);
const ASTRAL_WORD = new Map<string, boolean>();
const WORD_CLASS = '[\\p{L}\\p{N}_]';
const WORD_CHAR = new RegExp(`^${WORD_CLASS}$`, 'u');

/** How many code units the word character at `i` takes (0: not a word character). */
function wordWidth(text: string, i: number): number {
  const code = text.charCodeAt(i);
  let known = WORD[code] as number;
  if (known === 1) return 1;
  if (known === 2) return 0;
  if (isPair(text, i)) {
    const pair = text.slice(i, i + 2);
    let word = ASTRAL_WORD.get(pair);
    if (word === undefined) ASTRAL_WORD.set(pair, (word = WORD_CHAR.test(pair)));
    return word ? 2 : 0;
  }
  known = WORD[code] = WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 2;
  return known === 1 ? 1 : 0;
}

const isJoiner = (code: number): boolean => code === 0x27 || code === 0x2019 || code === 0x2e || code === 0x2d;
const isPrefix = (code: number): boolean => code === 0x23 || code === 0x40;

/**
 * The words of a folded text: runs of letters, digits and underscores, joined by single
 * apostrophes, dots or hyphens ("vuelo-123", "l'hotel"), each with the # or @ that stands right
 * before it. `visit` gets each word's bounds, the prefix included. A scan of code units: the
 * regular expression it replaces took a fifth of an import's reading time.
 */
function scanWords(folded: string, visit: (start: number, end: number, prefixed: boolean) => void): void {
  const end = folded.length;
  // The width of the word character at i; WORD answers most code units without a call.
  const width = (i: number): number => {
    const known = WORD[folded.charCodeAt(i)];
    return known === 1 ? 1 : known === 2 ? 0 : wordWidth(folded, i);
  };
  for (let i = 0; i < end;) {
    const start = i;
    let w = width(i);
    if (w === 0) {
      if (!isPrefix(folded.charCodeAt(i)) || i + 1 >= end || width(i + 1) === 0) {
        i++;
        continue;
      }
      i++;
      w = width(i);
    }
    i += w;
    for (;;) {
      while (i < end && (w = width(i)) > 0) i += w;
      if (i + 1 < end && isJoiner(folded.charCodeAt(i)) && (w = width(i + 1)) > 0) i += 1 + w;
      else break;
    }
    visit(start, i, isPrefix(folded.charCodeAt(start)));
  }
}

export function tokenize(text: string): string[] {
  const folded = foldText(text);
  const tokens: string[] = [];
  scanWords(folded, (start, end) => tokens.push(folded.slice(start, end)));
  return tokens;
}

const bare = (token: string): string => (token[0] === '#' || token[0] === '@' ? token.slice(1) : token);

function tokenMatches(ruleToken: string, textToken: string): boolean {
  return ruleToken === textToken || (ruleToken === bare(ruleToken) && ruleToken === bare(textToken));
}

export function compileMatcher<T>(rules: readonly Rule<T>[]): Matcher<T> {
  // Index rules by their first word without prefix, so each text token looks up few rules.
  const byHead = new Map<string, { target: T; tokens: string[] }[]>();
  for (const rule of rules) {
    const tokens = tokenize(rule.pattern);
    if (tokens.length === 0) continue;
    const head = bare(tokens[0] as string);
    const list = byHead.get(head) ?? [];
    list.push({ target: rule.target, tokens });
    byHead.set(head, list);
  }
  return (tokens) => {
    const found = new Set<T>();
    if (byHead.size === 0) return found;
    for (let i = 0; i < tokens.length; i++) {
      const candidates = byHead.get(bare(tokens[i] as string));
      if (!candidates) continue;
      for (const { target, tokens: ruleTokens } of candidates) {
        if (found.has(target) || i + ruleTokens.length > tokens.length) continue;
        if (ruleTokens.every((token, k) => tokenMatches(token, tokens[i + k] as string))) found.add(target);
      }
    }
    return found;
  };
}

/** Where the word starting at `i` (a word character) ends: word characters, and joiners between them. */
function wordEnd(text: string, i: number): number {
  let width: number;
  for (;;) {
    while (i < text.length && (width = wordWidth(text, i)) > 0) i += width;
    if (i + 1 < text.length && isJoiner(text.charCodeAt(i)) && (width = wordWidth(text, i + 1)) > 0) i += 1 + width;
    else return i;
  }
}

/** A rule's word: its letters, and the # or @ it must have (0: any or none). */
interface RuleWord {
  bare: string;
  prefix: number;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether the rule's words after its first follow in the folded text from `from` on, word after word. */
function restFollows(folded: string, words: readonly RuleWord[], from: number): boolean {
  let i = from;
  for (let k = 1; k < words.length; k++) {
    const word = words[k] as RuleWord;
    // The next word: its # or @, then its letters.
    for (; i < folded.length; i++) {
      if (wordWidth(folded, i) > 0) break;
      if (isPrefix(folded.charCodeAt(i)) && i + 1 < folded.length && wordWidth(folded, i + 1) > 0) break;
    }
    if (i >= folded.length) return false;
    const prefix = isPrefix(folded.charCodeAt(i)) ? folded.charCodeAt(i) : 0;
    const bareStart = prefix ? i + 1 : i;
    const end = wordEnd(folded, bareStart);
    if (
      end - bareStart !== word.bare.length ||
      !folded.startsWith(word.bare, bareStart) ||
      (word.prefix !== 0 && word.prefix !== prefix)
    )
      return false;
    i = end;
  }
  return true;
}

/**
 * Whether a word character, or one and a joiner after it, ends right before `i`: a word found at `i` would be part of
 * it.
 */
function joinedBefore(text: string, i: number): boolean {
  return wordEndsAt(text, i) || (i > 1 && isJoiner(text.charCodeAt(i - 1)) && wordEndsAt(text, i - 1));
}

/** Whether a word character ends right before `at`. */
function wordEndsAt(text: string, at: number): boolean {
  return at > 0 && (at > 1 && isPair(text, at - 2) ? wordWidth(text, at - 2) === 2 : wordWidth(text, at - 1) === 1);
}

/** Whether a word character, or a joiner and one, starts at `i`: a word ending at `i` would go on. */
function joinedAfter(text: string, i: number): boolean {
  return (
    (i < text.length && wordWidth(text, i) > 0) ||
    (i + 1 < text.length && isJoiner(text.charCodeAt(i)) && wordWidth(text, i + 1) > 0)
  );
}

/**
 * The workspace's entity and topic rules as one function of a text, giving the distinct ids it
 * matches: what the import and rematching both match with. The same words as tokenize() and
 * compileMatcher() find (tested so), found another way: one regular expression finds every rule's
 * first word, with the # or @ before it; only where it stands whole (not inside a longer word, nor
 * joined to one by an apostrophe, dot or hyphen: checked in place) are the rule's next words read,
 * instead of cutting every text into words; checked in place, not by the expression's
 * lookarounds, which were slower (figures: tests/bench/MEASUREMENTS.md).
 */
export function compileRules(rules: {
  entities: readonly Rule<number>[];
  topics: readonly Rule<number>[];
}): (text: string) => { entities: number[]; topics: number[] } {
  type Compiled = { target: number; topic: boolean; words: RuleWord[] };
  const byHead = new Map<string, Compiled[]>();
  const add = (list: readonly Rule<number>[], topic: boolean): void => {
    for (const rule of list) {
      const words = tokenize(rule.pattern).map((token): RuleWord =>
        isPrefix(token.charCodeAt(0))
          ? { bare: token.slice(1), prefix: token.charCodeAt(0) }
          : { bare: token, prefix: 0 },
      );
      const head = words[0];
      if (head) byHead.set(head.bare, [...(byHead.get(head.bare) ?? []), { target: rule.target, topic, words }]);
    }
  };
  add(rules.entities, false);
  add(rules.topics, true);
  // The longest first: of two heads where one begins the other, only the longer can stand whole.
  const heads = new RegExp(
    `[#@]?(?:${[...byHead.keys()]
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp)
      .join('|')})`,
    'g',
  );

  return (text) => {
    const entities: number[] = [];
    const topics: number[] = [];
    if (byHead.size === 0) return { entities, topics };
    const folded = foldText(text);
    heads.lastIndex = 0;
    for (let found = heads.exec(folded); found; found = heads.exec(folded)) {
      const start = found.index;
      const end = start + found[0].length;
      const prefix = isPrefix(folded.charCodeAt(start)) ? folded.charCodeAt(start) : 0;
      if ((prefix === 0 && joinedBefore(folded, start)) || joinedAfter(folded, end)) {
        heads.lastIndex = start + 1;
        continue;
      }
      for (const { target, topic, words } of byHead.get(prefix ? found[0].slice(1) : found[0]) ?? []) {
        const list = topic ? topics : entities;
        const first = words[0] as RuleWord;
        if (list.includes(target) || (first.prefix !== 0 && first.prefix !== prefix)) continue;
        if (restFollows(folded, words, end)) list.push(target);
      }
    }
    return { entities, topics };
  };
}

/** Rules as people type them: one per line or separated by commas; blanks and repeats dropped. */
export function parseRuleList(text: string): string[] {
  const seen = new Set<string>();
  return text
    .split(/[\n,;]/)
    .map((rule) => rule.trim())
    .filter((rule) => {
      const key = foldText(rule);
      if (rule === '' || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
