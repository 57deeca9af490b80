import { describe, expect, it } from 'vitest';
import { searchRanges, toFtsQuery } from '../../../../shared/domain/search';

describe('search box to FTS5 query', () => {
  it('requires every word, folds accents, keeps phrases and prefixes', () => {
    expect(toFtsQuery('Atención cliente')).toBe('"atencion" "cliente"');
    expect(toFtsQuery('"fibra óptica" factur*')).toBe('"fibra optica" "factur"*');
    expect(toFtsQuery('@LumenMovil #verano')).toBe('"lumenmovil" "verano"');
  });

  it('never produces FTS syntax from user input', () => {
    expect(toFtsQuery('NEAR(a b) OR -x AND "')).toBe('"near" "a" "b" "or" "x" "and"');
    expect(toFtsQuery('  ')).toBeNull();
    expect(toFtsQuery('*** ""')).toBeNull();
  });
});

describe("where a search's words are, for highlighting", () => {
  const marked = (text: string, search: string): string[] =>
    searchRanges(text, search).map(([start, end]) => text.slice(start, end));
  it('finds whole words in any case and accents, prefixes and phrases, as the search does', () => {
    expect(marked('Mala ATENCIÓN al cliente; atención pésima', 'atencion')).toEqual(['ATENCIÓN', 'atención']);
    expect(marked('Mala atención al cliente', 'clien')).toEqual([]);
    expect(marked('La factura y la facturación', 'factu*')).toEqual(['factura', 'facturación']);
    expect(marked('Atención al   cliente, gracias', '"al cliente" gracias')).toEqual(['al   cliente', 'gracias']);
    expect(marked('Sin cobertura', '')).toEqual([]);
  });
});
