import { describe, expect, it } from 'vitest';
import { daysToSaleDistribution, percentile, roiReport } from '../../../../shared/domain/roi';

const DAY = 86_400_000;

describe('days from first touch to sale', () => {
  it('gives the median, the 90th percentile (nearest rank) and a histogram by 30-day bins up to the last deal', () => {
    expect(percentile([], 90)).toBeNull();
    expect(percentile([5, 1, 4, 2, 3, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(daysToSaleDistribution([10, 20, 45, 70, 400])).toEqual({
      deals: 5,
      median: 45,
      p90: 400,
      histogram: [
        { from: 0, to: 30, deals: 2 },
        { from: 30, to: 60, deals: 1 },
        { from: 60, to: 90, deals: 1 },
        ...Array.from({ length: 7 }, (_, i) => ({ from: 90 + i * 30, to: 120 + i * 30, deals: 0 })),
        { from: 300, to: 330, deals: 0 },
        { from: 330, to: null, deals: 1 },
      ],
    });
  });
});

describe('the ROI report', () => {
  it('leaves out touches outside the attribution window and deals in another currency, and never says NaN', () => {
    const close = Date.UTC(2026, 5, 30);
    const report = roiReport({
      deals: [
        {
          amount: 1000,
          currency: 'EUR',
          closedAt: close,
          touches: [
            { at: close - 300 * DAY, source: 'forum' }, // outside the 180 days
            { at: close - 10 * DAY, source: 'twitter' },
          ],
          leadCreatedAt: null,
          opportunityAt: null,
        },
        {
          amount: 5000,
          currency: 'USD',
          closedAt: close,
          touches: [{ at: close, source: 'email' }],
          leadCreatedAt: null,
          opportunityAt: null,
        },
      ],
      paths: [],
      costs: null,
      dealStates: { matched: 2, unmatched: 0, ambiguous: 0 },
      currency: 'EUR',
    });
    expect(report.attributedBySource.firstTouch).toEqual({ twitter: 1000 });
    expect(report.attributedRevenue.dataDriven).toBe(0);
    expect([report.cost, report.roi.linear, report.conversionRate]).toEqual([null, null, null]);
    expect(report.daysToSale).toMatchObject({ deals: 1, median: 10, p90: 10 });
  });
});
