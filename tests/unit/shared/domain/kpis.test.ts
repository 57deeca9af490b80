import { describe, expect, it } from 'vitest';
import {
  evangelistsAndDetractors,
  growth,
  meanTemperature,
  netTemperature,
  percentile,
  percentiles,
  ratio,
  shares,
  userFlows,
} from '../../../../shared/domain/kpis';
import { careKpis } from '../../../../shared/domain/kpi-report';

describe('KPI math on hand-computed cases', () => {
  const counts = { '-2': 1, '-1': 2, '0': 3, '1': 3, '2': 1 };

  it('net and mean temperature keep neutral messages in the denominator', () => {
    // (3 + 1 − 2 − 1) / 10 = 0.1 ; (−2 − 2 + 0 + 3 + 2) / 10 = 0.1
    expect(netTemperature(counts)).toBeCloseTo(0.1, 12);
    expect(meanTemperature(counts)).toBeCloseTo(0.1, 12);
    expect(netTemperature({ '-2': 0, '-1': 0, '0': 4, '1': 0, '2': 0 })).toBe(0);
    expect(netTemperature({ '-2': 0, '-1': 0, '0': 0, '1': 0, '2': 0 })).toBeNull();
  });

  it('shares of voice sum to one; a zero denominator is null, never NaN', () => {
    expect(shares({ own: 30, rival: 10 })).toEqual({ own: 0.75, rival: 0.25 });
    expect(shares({ own: 0, rival: 0 })).toEqual({ own: null, rival: null });
    expect(ratio(1, 0)).toBeNull();
  });

  it('percentiles interpolate between ranks', () => {
    expect(percentile([10, 20, 30, 40], 0.5)).toBe(25);
    expect(percentile([10, 20, 30, 40], 0.9)).toBeCloseTo(37, 12);
    expect(percentile([7], 0.9)).toBe(7);
    expect(percentile([], 0.5)).toBeNull();
  });

  it('several percentiles from one sort agree with each asked alone, in any order of the values', () => {
    const values = [40, -3.5, 10, 30, 20, 1e9, 0];
    const ps = [0, 0.1, 0.5, 0.9, 1];
    expect(percentiles(values, ps)).toEqual(ps.map((p) => percentile(values, p)));
    // Sorted as numbers, not as text (where 1e9 would come before 20).
    expect(percentiles(values, [0, 0.5, 1])).toEqual([-3.5, 20, 1e9]);
    expect(percentiles([], [0.5, 1])).toEqual([null, null]);
  });

  it("the desk's longest wait over more cases than a spread into Math.max takes", () => {
    const H = 3_600_000;
    const waiting = Array.from({ length: 300_000 }, (_, i) => ({
      type: 'outage',
      department: null,
      assignee: null,
      openedAt: (i % 1000) * H,
      firstResponseAt: null,
      resolvedAt: null,
      slaState: null,
      misses: 0,
    }));
    const care = careKpis(waiting, 1000 * H, 60);
    expect(care.waiting).toBe(300_000);
    expect(care.waitingHours).toEqual({ median: 500.5, max: 1000 });
  });

  it('users: latest labeled message decides happy/unhappy; first and last decide conversion', () => {
    expect(
      userFlows([
        { temperatures: [-2, 0, 1] }, // unhappy → happy, happy
        { temperatures: [2, -1] }, // happy → unhappy, unhappy
        { temperatures: [0] }, // an author whose only message is neutral: neither
        { temperatures: [-1] }, // unhappy
        { temperatures: [] },
      ]),
    ).toEqual({ happy: 1, unhappy: 2, unhappyToHappy: 1, happyToUnhappy: 1, authors: 4 });
  });

  it('evangelists and detractors need two labeled messages, all on one side', () => {
    expect(
      evangelistsAndDetractors([
        { temperatures: [1, 2] },
        { temperatures: [2] },
        { temperatures: [-1, -2, -1] },
        { temperatures: [1, 0] },
      ]),
    ).toEqual({ evangelists: 1, detractors: 1 });
  });

  it('growth', () => {
    expect(growth(1000, 1100)).toBeCloseTo(0.1, 12);
    expect(growth(0, 10)).toBeNull();
    expect(growth(null, 10)).toBeNull();
  });
});

describe('periods', async () => {
  const { previousPeriod, yearBefore, daysIn } = await import('../../../../shared/domain/period');
  it('the period before has the same length; a year before keeps the days', () => {
    expect(previousPeriod('2026-04-01', '2026-06-30')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(previousPeriod('2026-03-01', '2026-03-31')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(previousPeriod('2026-03-10', '2026-03-16')).toEqual({ from: '2026-03-03', to: '2026-03-09' });
    expect(daysIn('2026-04-01', '2026-06-30')).toBe(91);
    expect(yearBefore('2028-02-01', '2028-02-29')).toEqual({ from: '2027-02-01', to: '2027-02-28' });
  });
});

describe('care KPIs on hand-computed cases', () => {
  it('counts requested, attended and resolved; response and resolution times; waiting ages and SLA breaches at the period end', () => {
    const H = 3_600_000;
    const M = 60_000;
    const end = 100 * H;
    const base = { department: 'Facturación', assignee: 'Rosa', slaState: null, misses: 0 };
    const care = careKpis(
      [
        { ...base, type: 'billing', openedAt: 0, firstResponseAt: 30 * M, resolvedAt: 2 * H }, // 30 min, resolved in 2 h
        { ...base, type: 'billing', openedAt: 10 * H, firstResponseAt: 10 * H + 90 * M, resolvedAt: 14 * H }, // 90 min (breach), 4 h
        { ...base, type: 'outage', openedAt: 20 * H, firstResponseAt: 20 * H + 10 * M, resolvedAt: null }, // 10 min, open
        { ...base, type: 'outage', openedAt: 90 * H, firstResponseAt: null, resolvedAt: null, department: 'Red' }, // waiting 10 h (breach)
        { ...base, type: 'outage', openedAt: end - 30 * M, firstResponseAt: null, resolvedAt: null, assignee: null }, // waiting 0.5 h, within target
      ],
      end,
      60,
      [
        { agent: 'Rosa', replies: 4, canned: 1 },
        { agent: 'Pablo', replies: 1, canned: 1 },
      ],
      [{ annotator: 'Pablo', labeled: 12 }],
    );
    expect(care).toEqual({
      requested: 5,
      attended: 3,
      resolved: 2,
      firstResponseMinutes: { median: 30, p90: 78 }, // PERCENTILE.INC of 10, 30, 90
      resolutionHoursByType: { billing: { count: 2, median: 3, p90: 3.8 } },
      waiting: 2,
      waitingHours: { median: 5.25, max: 10 },
      slaMinutes: 60,
      slaBreaches: 2,
      slaHitRate: null,
      cannedShare: 2 / 5,
      byTeam: {
        Facturación: {
          requested: 4, attended: 3, resolved: 2, firstResponseMinutes: 30, slaBreaches: 1, slaHitRate: null,
        },
        Red: { requested: 1, attended: 0, resolved: 0, firstResponseMinutes: null, slaBreaches: 1, slaHitRate: null },
      },
      byAgent: {
        Pablo: {
          requested: 0, attended: 0, resolved: 0, firstResponseMinutes: null, slaBreaches: 0, slaHitRate: null,
          replies: 1, cannedShare: 1, labeled: 12,
        },
        Rosa: {
          requested: 4, attended: 3, resolved: 2, firstResponseMinutes: 30, slaBreaches: 2, slaHitRate: null,
          replies: 4, cannedShare: 0.25, labeled: 0,
        },
      },
    }); // prettier-ignore
    // Cases a policy holds are breached by their recorded misses, and settle into the hit rate.
    const held = careKpis(
      [
        {
          ...base,
          type: 'billing',
          openedAt: 0,
          firstResponseAt: 5 * H,
          resolvedAt: 6 * H,
          slaState: 'hit',
          misses: 0,
        },
        { ...base, type: 'billing', openedAt: 0, firstResponseAt: M, resolvedAt: 6 * H, slaState: 'missed', misses: 2 },
        { ...base, type: 'billing', openedAt: 0, firstResponseAt: M, resolvedAt: 6 * H, slaState: 'hit', misses: 0 },
        {
          ...base,
          type: 'billing',
          openedAt: 0,
          firstResponseAt: null,
          resolvedAt: null,
          slaState: 'active',
          misses: 0,
        },
      ],
      end,
      60,
    );
    expect(held).toMatchObject({ slaBreaches: 1, slaHitRate: 2 / 3, cannedShare: null });
    expect(careKpis([], end, 60)).toMatchObject({
      requested: 0,
      firstResponseMinutes: { median: null, p90: null },
      waitingHours: { median: null, max: null },
    });
  });
});
