import { describe, expect, it } from 'vitest';
import { foldText, tokenize } from '../../../../shared/domain/matching';

// The definitions the fast scans must equal: fold by whole-string normalization, words by a regular expression.
const referenceFold = (text: string): string => text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
const referenceTokens = (text: string): string[] =>
  referenceFold(text).match(/[#@]?[\p{L}\p{N}_]+(?:['’.-][\p{L}\p{N}_]+)*/gu) ?? [];

const ALPHABET = [
  ...'abcxyzABCXYZ0129_ ',
  ...'#@\'’.-,;:!?¡¿()"\n\t',
  ...'áéíóúüñçÁÉÍÓÚÜÑÇàèâêãõøåæœßÆŒØ',
  'İ',
  'ı',
  'Σ',
  'σς',
  'ǅ',
  'ﬁ',
  '\u0301',
  '\u0308',
  '😀',
  '👍🏽',
  '🇪🇸',
  '𐐀',
  '𐐨',
  '𝐀',
  '中文',
  'ひらがな',
  'Ελληνικά',
  'Русский',
  'עברית',
  'العربية',
  '한국어',
  'ⅷ',
  '²',
  '½',
  '\u00a0',
  '\u200d',
  '\ud83d',
  '\udc00',
];

function randomText(next: () => number): string {
  let text = '';
  const length = Math.floor(next() * 40);
  for (let i = 0; i < length; i++) text += ALPHABET[Math.floor(next() * ALPHABET.length)];
  return text;
}

describe('fold and tokenize', () => {
  it('equal their definitions on 20,000 random texts of many scripts, marks, emoji and broken surrogates', () => {
    let seed = 12345;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const texts = Array.from({ length: 20_000 }, () => randomText(next));
    const differing = texts.filter(
      (text) =>
        foldText(text) !== referenceFold(text) ||
        tokenize(text).join('\u0000') !== referenceTokens(text).join('\u0000'),
    );
    expect(differing).toEqual([]);
  });

  it('keeps the cases that matter for matching', () => {
    expect(tokenize('¡Atención! @Iberia #Vuelo-123 l’hotel a..b ##x @')).toEqual([
      'atencion',
      '@iberia',
      '#vuelo-123',
      'l’hotel',
      'a',
      'b',
      '#x',
    ]);
    expect(foldText('İSTANBUL Ñandú')).toBe('istanbul nandu');
    expect(tokenize('😀Lumen😀')).toEqual(['lumen']);
  });
});

describe('compiled rules', () => {
  it('match exactly what the token matcher matches, on random texts and rules', async () => {
    const { compileMatcher, compileRules } = await import('../../../../shared/domain/matching');
    let seed = 99;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const WORDS = [
      'lumen',
      'Lumen Móvil',
      '#LumenMovil',
      '@lumen',
      'atención al cliente',
      'fibra',
      'fibra óptica',
      'vuelo-123',
      'l’hotel',
      'móvil',
      '#onda',
      'onda',
      'a',
      '😀',
      'x.y',
      '𝐀',
      'lumen lumen',
      'lumen #onda',
      'ofertas de #verano',
      'ofertas de verano',
    ];
    const GLUE = [' ', '', '-', '.', "'", '#', '@', '##', ', ', '-#', '𝐀', 'é'];
    const pick = (): string => WORDS[Math.floor(next() * WORDS.length)] as string;
    for (let round = 0; round < 60; round++) {
      const entities = Array.from({ length: 1 + Math.floor(next() * 6) }, (_, i) => ({
        target: i % 3,
        pattern: pick(),
      }));
      const topics = Array.from({ length: Math.floor(next() * 4) }, (_, i) => ({ target: i, pattern: pick() }));
      const compiled = compileRules({ entities, topics });
      const byTokens = { entities: compileMatcher(entities), topics: compileMatcher(topics) };
      for (let i = 0; i < 300; i++) {
        const parts = Array.from({ length: Math.floor(next() * 12) }, () => (next() < 0.6 ? pick() : randomText(next)));
        const text = parts.map((part) => part + (GLUE[Math.floor(next() * GLUE.length)] as string)).join('');
        const tokens = tokenize(text);
        const found = compiled(text);
        expect([[...found.entities].sort(), [...found.topics].sort()], text).toEqual([
          [...byTokens.entities(tokens)].sort(),
          [...byTokens.topics(tokens)].sort(),
        ]);
      }
    }
  });
});
