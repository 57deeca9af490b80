import { describe, expect, it } from 'vitest';
import { compileMatcher as compile, tokenize, type Rule } from '../../../../shared/domain/matching';

const compileMatcher = <T>(rules: Rule<T>[]) => {
  const match = compile(rules);
  return (text: string) => match(tokenize(text));
};

const matcher = compileMatcher([
  { target: 'lumen', pattern: 'Lumen Móvil' },
  { target: 'lumen', pattern: '@LumenMovil' },
  { target: 'onda', pattern: 'onda' },
  { target: 'care', pattern: 'atención al cliente' },
  { target: 'tag', pattern: '#verano' },
]);

describe('keyword rules', () => {
  it('matches phrases ignoring case and accents, as whole words', () => {
    expect(matcher('Pésima ATENCION al cliente de lumen movil')).toEqual(new Set(['care', 'lumen']));
    expect(matcher('Lumen sin más')).toEqual(new Set());
    expect(matcher('las ondas del mar')).toEqual(new Set());
  });

  it('lets a plain word match its @handle and #hashtag forms, but a #tag only itself', () => {
    expect(matcher('hola @Onda y #onda')).toEqual(new Set(['onda']));
    expect(matcher('@lumenmovil ya')).toEqual(new Set(['lumen']));
    expect(matcher('ofertas de verano')).toEqual(new Set());
    expect(matcher('ofertas #Verano')).toEqual(new Set(['tag']));
  });

  it('tokenizes without accents and keeps prefixes', () => {
    expect(tokenize('¡Atención! @Iberia #Vuelo-123')).toEqual(['atencion', '@iberia', '#vuelo-123']);
  });
});
