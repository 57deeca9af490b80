import { describe, expect, it } from 'vitest';
import { toFtsQuery } from '../../../../shared/domain/search';

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
