import { describe, expect, it } from 'vitest';
import {
  leastLoadedPick,
  parseRoutingCondition,
  roundRobinPick,
  routingMatches,
  type RoutedMessage,
} from '../../../../shared/domain/routing';

const message = (over: Partial<RoutedMessage> = {}): RoutedMessage => ({
  text: 'Me han cobrado dos veces la factura de junio',
  kind: 'complaint',
  source: 'twitter',
  temperature: -2,
  entities: ['Lumen Móvil'],
  topics: ['Facturación'],
  isContact: false,
  followers: 120,
  ...over,
});

describe('routing conditions', () => {
  it('reads every part of a condition as people write it', () => {
    expect(
      parseRoutingCondition('kind:complaint,case source:twitter temp<=-1 entity:"Lumen Móvil" topic:Facturación contact vip "doble cobro" Factura'),
    ).toEqual({
      kinds: ['complaint', 'case'],
      sources: ['twitter'],
      entities: ['Lumen Móvil'],
      topics: ['Facturación'],
      keywords: ['doble cobro', 'factura'],
      temperatureMin: null,
      temperatureMax: -1,
      contact: true,
      vip: true,
    }); // prettier-ignore
    expect(parseRoutingCondition('temp>0').temperatureMin).toBe(1);
    expect(parseRoutingCondition('temp=-2')).toMatchObject({ temperatureMin: -2, temperatureMax: -2 });
    // Kinds and networks by their names in either language, as imports read them.
    expect(parseRoutingCondition('kind:queja,caso source:foro,X')).toMatchObject({
      kinds: ['complaint', 'case'],
      sources: ['forum', 'twitter'],
    });
    expect(() => parseRoutingCondition('kind:quejica')).toThrow(/"quejica" is not a kind/);
    expect(() => parseRoutingCondition('source:myspace')).toThrow(/"myspace" is not a source/);
    expect(() => parseRoutingCondition('mood:bad')).toThrow(/"mood:" is not a condition/);
    expect(() => parseRoutingCondition('temp<-3')).toThrow(/between -2 and 2/);
  });

  it('matches whole words (any accents), every part given, any value of a list', () => {
    const match = (when: string, over?: Partial<RoutedMessage>): boolean =>
      routingMatches(parseRoutingCondition(when), message(over));
    expect(match('factura')).toBe(true);
    expect(match('FACTURÁ')).toBe(true);
    expect(match('factu')).toBe(false);
    expect(match('"dos veces"')).toBe(true);
    expect(match('kind:case,complaint source:facebook')).toBe(false);
    expect(match('temp<=-1 entity:"lumen móvil"')).toBe(true);
    expect(match('temp<=-1', { temperature: null })).toBe(false);
    expect(match('contact')).toBe(false);
    expect(match('contact', { isContact: true })).toBe(true);
    expect(match('vip', { followers: 25_000 })).toBe(true);
    expect(match('topic:Roaming')).toBe(false);
  });
});

describe('sharing a team’s cases', () => {
  it('round robin gives each member the same number of cases, in name order', () => {
    const members = ['Rosa', 'Inés', 'Pablo'];
    const given = new Map<string, number>();
    for (let turn = 0; turn < 300; turn++) {
      const pick = roundRobinPick(members, turn) as string;
      given.set(pick, (given.get(pick) ?? 0) + 1);
    }
    expect(Object.fromEntries(given)).toEqual({ Inés: 100, Pablo: 100, Rosa: 100 });
    expect([0, 1, 2, 3].map((turn) => roundRobinPick(members, turn))).toEqual(['Inés', 'Pablo', 'Rosa', 'Inés']);
    expect(roundRobinPick([], 5)).toBeNull();
  });

  it('least loaded picks the member with fewest open cases, the first by name on a tie', () => {
    const load = new Map([
      ['Rosa', 4],
      ['Inés', 2],
      ['Pablo', 2],
    ]);
    expect(leastLoadedPick(['Rosa', 'Pablo', 'Inés'], load)).toBe('Inés');
    expect(leastLoadedPick(['Rosa', 'Pablo', 'Nuevo'], load)).toBe('Nuevo');
  });
});
