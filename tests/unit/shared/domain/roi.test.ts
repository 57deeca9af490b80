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

  it('takes the window and the half-life asked for, and says which it used', () => {
    const close = Date.UTC(2026, 5, 30);
    const deal = {
      amount: 50,
      currency: 'EUR',
      closedAt: close,
      touches: [0, 0, 6, 9, 200].map((days, i) => ({
        at: close - days * DAY,
        source: ['a', 'b', 'c', 'd', 'e'][i] as string,
      })),
      leadCreatedAt: null,
      opportunityAt: null,
    };
    const input = { deals: [deal], paths: [], costs: null, dealStates: { matched: 1, unmatched: 0, ambiguous: 0 } };
    // By default: 180 days (the touch 200 days before is out) and a 7-day half-life, the published case.
    const usual = roiReport(input);
    expect([usual.windowDays, usual.halfLifeDays]).toEqual([180, 7]);
    expect(usual.attributedBySource.timeDecay).toEqual({ a: 16.88, b: 16.88, c: 9.32, d: 6.92 });
    // A year's window brings the old touch in; a half-life of 1 day gives almost all to the touches at the close.
    const wide = roiReport({ ...input, windowDays: 365, halfLifeDays: 1 });
    expect([wide.windowDays, wide.halfLifeDays]).toEqual([365, 1]);
    expect(Object.keys(wide.attributedBySource.linear).sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(wide.attributedBySource.timeDecay.a).toBeGreaterThan(24.5);
    expect(Object.values(wide.attributedBySource.timeDecay).reduce((x, y) => x + y, 0)).toBeCloseTo(50, 10);
  });

  it('breaks each model down by entity, campaign and quarter, every breakdown summing to the revenue', () => {
    const close = Date.UTC(2026, 8, 15);
    const report = roiReport({
      deals: [
        {
          amount: 1000,
          currency: 'EUR',
          closedAt: close,
          campaign: 'Fibra empresas',
          touches: [
            { at: close - 20 * DAY, source: 'linkedin', entities: ['Lumen', 'Onda'] },
            { at: close - 5 * DAY, source: 'twitter', entities: [] },
            { at: close - 1 * DAY, source: 'email', entities: ['Lumen'] },
          ],
          leadCreatedAt: close - 20 * DAY,
          opportunityAt: close - 5 * DAY,
        },
        {
          amount: 333.33,
          currency: 'EUR',
          closedAt: Date.UTC(2026, 3, 2),
          touches: [{ at: Date.UTC(2026, 2, 30), source: 'forum', entities: ['Onda'] }],
          leadCreatedAt: null,
          opportunityAt: null,
        },
      ],
      paths: [],
      costs: null,
      dealStates: { matched: 2, unmatched: 0, ambiguous: 0 },
    });
    // Linear: a third each (333.34, 333.33, 333.33); the first's split between its two entities, the second's under
    // "—"; Onda's forum deal adds 333.33.
    expect(report.attributedBy.entity.linear).toEqual({ Lumen: 500, Onda: 500, '—': 333.33 });
    expect(report.attributedBy.campaign.linear).toEqual({ 'Fibra empresas': 1000, '—': 333.33 });
    expect(report.attributedBy.quarter.firstTouch).toEqual({ '2026Q3': 1000, '2026Q2': 333.33 });
    for (const breakdown of ['entity', 'campaign', 'quarter'] as const)
      for (const [model, parts] of Object.entries(report.attributedBy[breakdown]))
        expect(Math.round(Object.values(parts).reduce((a, b) => a + b, 0) * 100), `${breakdown} ${model}`).toBe(
          Math.round(report.attributedRevenue[model as 'linear'] * 100),
        );
  });
});
