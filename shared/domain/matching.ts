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

const TOKEN = /[#@]?[\p{L}\p{N}_]+(?:['’.-][\p{L}\p{N}_]+)*/gu;

const LATIN = /[\u00c0-\u024f]/g;
const BEYOND_LATIN = /[\u0250-\uffff]/;
const LATIN_FOLDED = new Map<string, string>();
for (let code = 0xc0; code <= 0x24f; code++) {
  const char = String.fromCharCode(code);
  LATIN_FOLDED.set(char, char.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase());
}

/** Lower case without accents ("Atención" → "atencion"); a table for Latin text, which is the hot path. */
export function foldText(text: string): string {
  if (BEYOND_LATIN.test(text)) return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  return text.toLowerCase().replace(LATIN, (char) => LATIN_FOLDED.get(char) ?? char);
}

export function tokenize(text: string): string[] {
  return foldText(text).match(TOKEN) ?? [];
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

/** The workspace's entity and topic rules as one function of a text: what the import and rematching both match with. */
export function compileRules(rules: { entities: readonly Rule<number>[]; topics: readonly Rule<number>[] }): (text: string) => { entities: Set<number>; topics: Set<number> } {
  const entities = compileMatcher(rules.entities);
  const topics = compileMatcher(rules.topics);
  return (text) => {
    const tokens = tokenize(text);
    return { entities: entities(tokens), topics: topics(tokens) };
  };
}

/** Rules as people type them: one per line or separated by commas; blanks and repeats dropped. */
export function parseRuleList(text: string): string[] {
  const seen = new Set<string>();
  return text.split(/[\n,;]/).map((rule) => rule.trim()).filter((rule) => {
    const key = foldText(rule);
    if (rule === '' || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
