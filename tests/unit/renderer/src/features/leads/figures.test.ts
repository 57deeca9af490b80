import { describe, expect, it } from 'vitest';
import { costEntryOf, countOf } from '../../../../../../renderer/src/features/leads/figures';

const typed = {
  cmHours: '120',
  cmRate: '35,5',
  agencyFee: '',
  agencySharePct: '40',
  tools: '900',
  ads: '3000',
  currency: 'EUR',
};

describe("the cost model form's figures", () => {
  it('reads blank amounts as 0, a decimal comma, and the agency share as a percentage', () => {
    expect(costEntryOf(typed)).toEqual({
      cmHours: 120,
      cmRate: 35.5,
      agencyFee: 0,
      agencyShare: 0.4,
      tools: 900,
      ads: 3000,
      currency: 'EUR',
    });
  });

  it('reads an amount copied from an export as the export wrote it', () => {
    expect(costEntryOf({ ...typed, ads: '1.200', tools: '1.234,50', agencyFee: '€ 900' })).toMatchObject({
      ads: 1200,
      tools: 1234.5,
      agencyFee: 900,
    });
  });

  it('has no figures while one cannot be read', () => {
    expect(costEntryOf({ ...typed, ads: '-1' })).toBeNull();
    expect(costEntryOf({ ...typed, tools: 'mil' })).toBeNull();
    expect(costEntryOf({ ...typed, agencySharePct: '140' })).toBeNull();
    expect(costEntryOf({ ...typed, currency: 'EU' })).toBeNull();
  });
});

describe("a community snapshot's counts as typed", () => {
  it('reads thousands as people write them, blank as not given, and anything else as unreadable', () => {
    expect(['12.300', '12 300', "12'300", '12,300', '', '  ', '1e5', '-3', 'mil'].map(countOf)).toEqual([
      12300,
      12300,
      12300,
      12300,
      null,
      null,
      Number.NaN,
      Number.NaN,
      Number.NaN,
    ]);
  });
});
