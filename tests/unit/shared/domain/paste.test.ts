import { describe, expect, it } from 'vitest';
import { parsePastedLabels } from '../../../../shared/domain/paste';
import { rowsToTsv } from '../../../../renderer/src/features/grid/tsv';
import type { MessageRow } from '../../../../shared/api/contract';

describe('pasting a column of labels', () => {
  it('reads temperatures as numbers or words in either language, and empty cells as clear', () => {
    expect(parsePastedLabels('-2\r\nmuy contento\r\n\r\npositive\r\n')).toEqual({
      ok: true,
      field: 'temperature',
      values: [-2, 2, null, 1],
    });
  });

  it('reads kinds', () => {
    expect(parsePastedLabels('queja\nSpam\ncase')).toEqual({
      ok: true,
      field: 'kind',
      values: ['complaint', 'spam', 'case'],
    });
  });

  it('refuses what maps to nothing, naming the line', () => {
    expect(parsePastedLabels('-1\n2\nfurioso')).toEqual({
      ok: false,
      line: 3,
      problem: 'temperature',
      value: 'furioso',
    });
    expect(parsePastedLabels('queja\nspam\n7')).toEqual({ ok: false, line: 3, problem: 'kind', value: '7' });
    expect(parsePastedLabels('1\t2')).toEqual({ ok: false, line: 1, problem: 'columns' });
  });
});

describe('copying rows', () => {
  it('writes TSV with headers, quoting cells with tabs, quotes or line breaks', () => {
    const row: MessageRow = {
      id: 1,
      postedAt: 0,
      source: 'twitter',
      authorHandle: '@a',
      authorName: null,
      followers: null,
      text: 'dice "hola"\nadiós',
      temperature: -1,
      kind: null,
      annotator: null,
      labeledAt: null,
      entities: [],
      topics: [],
      caseId: null,
      caseDue: null,
    };
    expect(rowsToTsv([row], ['Text', 'Temperature'], (r) => [r.text, String(r.temperature)])).toBe(
      'Text\tTemperature\r\n"dice ""hola""\nadiós"\t-1',
    );
  });
});
