import { describe, expect, it } from 'vitest';
import { sniffDelimiter, tsvQuotesCells } from '../../../../../../electron/backend/import/readers/sniff';

// Lines as a Spanish research corpus writes them: id, text, label, with quotes that are text.
const CORPUS = [
  'id\ttexto\tpolaridad',
  '1\t"Hola" dijo el router, y se apagó\tN',
  '2\tMe encanta el "nuevo" plan\tP+',
  '3\t"Sin fibra desde el lunes\tN+',
  '4\tNo sé qué pensar\tNEU',
  '',
].join('\n');

describe('sniffing a tab-separated file', () => {
  it('takes tabs on every line for TSV even when its quotes never balance', () => {
    expect(sniffDelimiter(CORPUS)).toBe('\t');
    expect(sniffDelimiter('a,b;c\n1,2;3\n4,5;6\n')).toBe(',');
  });

  it('reads quotes as text unless every quoted cell is quoted as CSV quotes it (Excel writes TSV so)', () => {
    expect(tsvQuotesCells(CORPUS)).toBe(false);
    expect(tsvQuotesCells('id\ttexto\n1\tsin comillas\n')).toBe(false);
    expect(tsvQuotesCells('id\ttexto\n1\t"dos\nlíneas, ""citadas"""\n2\t"otra"\n')).toBe(true);
  });
});
