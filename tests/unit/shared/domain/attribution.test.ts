import { describe, expect, it } from 'vitest';
import {
  attribute,
  markovRemovalEffects,
  splitCents,
  type RuleModel,
  type Touch,
} from '../../../../shared/domain/attribution';

const touches = (...days: number[]): Touch[] => days.map((daysBeforeClose) => ({ daysBeforeClose }));
const RULE_MODELS: RuleModel[] = [
  'firstTouch',
  'lastTouch',
  'linear',
  'timeDecay',
  'positionBased',
  'wShaped',
  'fullPath',
];

describe('rule-based attribution', () => {
  it('time decay with a 7-day half-life: four touches 0, 0, 6 and 9 days before a 50.00 sale (the published case)', () => {
    // Weights 1, 1, 2^(-6/7), 2^(-9/7): 33.8 %, 33.8 %, 18.6 %, 13.8 %.
    expect(attribute('timeDecay', 5000, touches(9, 6, 0, 0))).toEqual([692, 932, 1688, 1688]);
  });

  it('gives first, last, linear and position-based (40/20/40; one touch all, two half each) their shares', () => {
    const four = touches(30, 20, 10, 0);
    expect(attribute('firstTouch', 10000, four)).toEqual([10000, 0, 0, 0]);
    expect(attribute('lastTouch', 10000, four)).toEqual([0, 0, 0, 10000]);
    expect(attribute('linear', 10000, four)).toEqual([2500, 2500, 2500, 2500]);
    expect(attribute('positionBased', 10000, four)).toEqual([4000, 1000, 1000, 4000]);
    expect(attribute('positionBased', 10000, touches(3))).toEqual([10000]);
    expect(attribute('positionBased', 10000, touches(3, 1))).toEqual([5000, 5000]);
  });

  it('W-shaped gives 30 % to first, lead creation and opportunity and 10 % to the rest; full path 22.5 % with the close', () => {
    const path: Touch[] = [
      { daysBeforeClose: 40 },
      { daysBeforeClose: 30, atLeadCreation: true },
      { daysBeforeClose: 25 },
      { daysBeforeClose: 20, atOpportunity: true },
      { daysBeforeClose: 5 },
      { daysBeforeClose: 0 },
    ];
    expect(attribute('wShaped', 100000, path)).toEqual([30000, 30000, 3334, 30000, 3333, 3333]);
    expect(attribute('fullPath', 100000, path)).toEqual([22500, 22500, 5000, 22500, 5000, 22500]);
    // Milestones on one touch add up: the first touch is also where the lead was created.
    const coincide: Touch[] = [
      { daysBeforeClose: 10, atLeadCreation: true },
      { daysBeforeClose: 5, atOpportunity: true },
      { daysBeforeClose: 1 },
    ];
    expect(attribute('wShaped', 100000, coincide)).toEqual([60000, 30000, 10000]);
  });

  it('sums every model to the amount to the cent, on generated paths', () => {
    let seed = 7;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let deal = 0; deal < 500; deal++) {
      const n = 1 + Math.floor(random() * 9);
      const path = Array.from({ length: n }, (_, i) => ({
        daysBeforeClose: Math.floor((n - i) * random() * 40),
        atLeadCreation: i === Math.floor(n / 3),
        atOpportunity: i === Math.floor((2 * n) / 3),
      }));
      const cents = Math.floor(random() * 10_000_000);
      for (const model of RULE_MODELS) {
        const parts = attribute(model, cents, path);
        expect(parts.reduce((sum, part) => sum + part, 0)).toBe(cents);
        expect(parts.every((part) => Number.isInteger(part) && part >= 0)).toBe(true);
      }
    }
    expect(splitCents(100, [1, 1, 1])).toEqual([34, 33, 33]);
  });
});

describe('data-driven attribution (Markov removal effect)', () => {
  it('on A→B→C→won, A→lost, B→C→lost gives removal effects A 0.5, B 1, C 1 and a conversion split 0.2 / 0.4 / 0.4', () => {
    const { removal, share } = markovRemovalEffects([
      { channels: ['A', 'B', 'C'], converted: true },
      { channels: ['A'], converted: false },
      { channels: ['B', 'C'], converted: false },
    ]);
    expect(Object.fromEntries([...removal].map(([k, v]) => [k, Number(v.toFixed(10))]))).toEqual({
      A: 0.5,
      B: 1,
      C: 1,
    });
    expect(Object.fromEntries([...share].map(([k, v]) => [k, Number(v.toFixed(10))]))).toEqual({
      A: 0.2,
      B: 0.4,
      C: 0.4,
    });
  });

  it('handles loops and paths with no conversion at all', () => {
    const looped = markovRemovalEffects([
      { channels: ['A', 'B', 'A', 'B'], converted: true },
      { channels: ['B'], converted: false },
    ]);
    expect([...looped.share.values()].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    const none = markovRemovalEffects([{ channels: ['A'], converted: false }]);
    expect(none.share.get('A')).toBe(0);
  });
});
