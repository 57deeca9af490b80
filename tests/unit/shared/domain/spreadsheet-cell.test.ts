import { describe, expect, it } from 'vitest';
import { rowsToTsv } from '../../../../renderer/src/features/grid/tsv';
import { neutralizeFormula } from '../../../../shared/domain/spreadsheet-cell';

describe('cells that could run as formulas in Excel (OWASP CSV injection)', () => {
  it('get a leading quote when they begin with = + - @, a tab or a carriage return; numbers and other text stay', () => {
    for (const text of ['=1+1', "+cmd|' /C calc'!A0", '-2+3', '@SUM(1)', '\t=1', '\r=1', '=HYPERLINK("http://x")'])
      expect(neutralizeFormula(text)).toBe(`'${text}`);
    for (const text of ['-2', '+1', '-1.5', '2', 'hola = adiós', 'a@b.com', '', '#tag'])
      expect(neutralizeFormula(text)).toBe(text);
  });

  it('are neutralized in the grid copy (TSV), whose temperatures still paste back as numbers', () => {
    const tsv = rowsToTsv([{} as never], ['text', 'temperature'], () => ['=1+1 texto', '-2']);
    expect(tsv).toBe("text\ttemperature\r\n'=1+1 texto\t-2");
  });
});
