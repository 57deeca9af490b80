import { describe, expect, it } from 'vitest';
import type { MessageFilter } from '../../../../shared/api/messages';
import type { MessageRow } from '../../../../shared/api/contract';
import { createTranslator } from '../../../../shared/i18n';
import { demoBackend } from '../../../helpers/workspace';
import { chart } from '../../../helpers/charts';

describe('chart click-through: each element opens exactly the messages behind it', () => {
  it('for volume, SoV, users, advocates, demographics, care and influencers', async () => {
    const { client } = await demoBackend(3000);
    await client.call('settings.update', { timeZone: 'Europe/Madrid' });
    const report = await client.call('kpis.get', { from: '2026-04-01', to: '2026-06-30' });
    const t = createTranslator('en', 'Europe/Madrid');
    const rows = async (filter: MessageFilter): Promise<MessageRow[]> => {
      const all: MessageRow[] = [];
      for (let offset = 0; ; offset += 1000) {
        const page = await client.call('messages.page', { offset, limit: 1000, filter });
        all.push(...page.rows);
        if (page.rows.length < 1000) return all;
      }
    };
    const total = async (filter: MessageFilter | null): Promise<number> =>
      (await client.call('messages.count', { filter: filter ?? {} })).total;
    const authors = (list: MessageRow[]): number => new Set(list.map((r) => `${r.source}:${r.authorHandle}`)).size;

    const volume = chart('temperature-over-time').build(report, t);
    const bucket = report.volume.buckets[3];
    expect(await total(volume.drill(0, 3))).toBe(bucket?.byTemperature['-2']);
    expect(await total(volume.drill(5, 3))).toBe(bucket?.byTemperature.unlabeled);

    const sov = chart('share-of-voice').build(report, t);
    for (const [i, entity] of report.entities.entries()) expect(await total(sov.drill(0, i))).toBe(entity.mentions);

    const flows = chart('user-flows').build(report, t);
    expect(authors(await rows(flows.drill(0, 0) as MessageFilter))).toBe(report.users.happy);
    expect(authors(await rows(flows.drill(0, 2) as MessageFilter))).toBe(report.users.unhappyToHappy);

    const own = report.entities[0];
    if (!own) throw new Error('no entity');
    expect(own.evangelists + own.detractors).toBeGreaterThan(0);
    for (const group of ['evangelists', 'detractors'] as const) {
      expect(
        authors(await rows({ from: report.period.from, to: report.period.to, advocates: { entity: own.id, group } })),
        group,
      ).toBe(own[group]);
    }

    const region = chart('demographics-region').build(report, t);
    const [firstRegion, figures] = Object.entries(report.demographics.region)[0] ?? [];
    expect(firstRegion).toBeDefined();
    expect(await total(region.drill(2, 0))).toBe(figures?.byTemperature['0']);

    const funnel = chart('care-funnel').build(report, t);
    const cases = (list: MessageRow[]): number => new Set(list.map((r) => r.caseId)).size;
    expect(cases(await rows(funnel.drill(0, 0) as MessageFilter))).toBe(report.care.requested);
    expect(cases(await rows(funnel.drill(0, 2) as MessageFilter))).toBe(report.care.resolved);

    // A report narrowed to one source: its elements open only that source's messages.
    const twitter = await client.call('kpis.get', { from: '2026-04-01', to: '2026-06-30', sources: ['twitter'] });
    expect(twitter.scope).toEqual({ sources: ['twitter'] });
    const scopedSov = chart('share-of-voice').build(twitter, t);
    for (const [i, entity] of twitter.entities.entries())
      expect(await total(scopedSov.drill(0, i))).toBe(entity.mentions);
    expect(twitter.totals.messages).toBeLessThan(report.totals.messages);

    const influencers = chart('top-influencers').build(report, t);
    // Each handle with one @, whether its file wrote one or not (the demo's do).
    const names = (influencers.option.yAxis as { data: string[] }).data;
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name).toMatch(/^@[^@]/);
    const top = report.influence.top[0];
    // The chart lists the top author last (bars grow upwards).
    expect(await total(influencers.drill(0, report.influence.top.length - 1))).toBe(top?.messages);
  });
});
