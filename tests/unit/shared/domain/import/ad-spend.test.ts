import { describe, expect, it } from 'vitest';
import { summaryRow } from '../../../../../shared/domain/import/ad-spend';

describe("an ad report's summary row", () => {
  it('is the row whose spend is all the others together and that leaves a column empty', () => {
    const cells = [
      ['2026-04-01', 'Spring', '10.00'],
      ['2026-04-02', 'Spring', '20.00'],
      ['2026-04-01', '', '30.00'],
    ];
    expect(summaryRow([1000, 2000, 3000], cells)).toBe(2);
    // Every column filled: the same sums, but no summary.
    expect(summaryRow([1000, 2000, 3000], [...cells.slice(0, 2), ['2026-04-01', 'Autumn', '30.00']])).toBeNull();
  });

  it('is found in a report of more rows than a spread into Math.max takes', () => {
    const days = 200_000;
    const cells = Array.from({ length: days }, (_, i) => [`day ${i}`, 'Always on', '1.00']);
    cells.push(['', '', `${days}.00`]);
    const cents = [...Array<number>(days).fill(100), days * 100];
    expect(summaryRow(cents, cells)).toBe(days);
  });
});
