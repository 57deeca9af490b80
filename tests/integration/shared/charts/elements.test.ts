import { describe, expect, it } from 'vitest';
import { CHARTS } from '../../../../shared/charts';
import { chartElements, moveFocus } from '../../../../shared/charts/elements';
import { temperatureName } from '../../../../shared/charts/temperature';
import { createTranslator } from '../../../../shared/i18n';
import { demoBackend } from '../../../helpers/workspace';
import { chart } from '../../../helpers/charts';

describe('chart elements in words: what the keyboard walks and a screen reader says', () => {
  it('names each bar, slice and stage with its category, series and value, in the chosen language', async () => {
    const { client } = await demoBackend(1500);
    await client.call('settings.update', { timeZone: 'UTC' });
    const report = await client.call('kpis.get', { from: '2026-04-01', to: '2026-06-30' });
    const es = createTranslator('es', 'UTC');

    const volume = chartElements(chart('temperature-over-time').build(report, es).option, es);
    const bucket = report.volume.buckets[2];
    if (!bucket) throw new Error('no bucket');
    expect(volume[0]?.[2]?.text).toBe(
      `${es.day(bucket.start)} · ${temperatureName(es, '-2')}: ${es.number(bucket.byTemperature['-2'])}`,
    );
    // One element per bucket in every series.
    expect(volume.map((series) => series.length)).toEqual(volume.map(() => report.volume.buckets.length));

    const sov = chartElements(chart('share-of-voice').build(report, es).option, es);
    expect(sov[0]?.map((e) => e.text)).toEqual(report.entities.map((e) => `${e.name}: ${es.number(e.mentions)}`));

    // Words the data stores in English are said in Spanish.
    const sexes = Object.keys(report.demographics.sex);
    expect(sexes).toContain('female');
    const sex = chartElements(chart('demographics-sex').build(report, es).option, es).flat();
    expect(sex.some((e) => e.text.startsWith('mujer · '))).toBe(true);
    expect(sex.some((e) => /female|male/.test(e.text))).toBe(false);
    const community = chartElements(chart('community-growth').build(report, es).option, es).flat();
    expect(community.length).toBeGreaterThan(0);
    for (const element of community) expect(element.text).toMatch(/^(X|Facebook|Instagram|LinkedIn|YouTube|TikTok) /);

    // Value axes count as Spanish does; a percentage axis keeps its own labels.
    const axis = chart('community-growth').build(report, es).option.yAxis as {
      axisLabel: { formatter(v: number): string };
    };
    expect(axis.axisLabel.formatter(50000)).toBe('50.000');
    expect(axis.axisLabel.formatter(2.5)).toBe('2,5');
    const shares = chart('sov-by-temperature').build(report, es).option.yAxis as { axisLabel: { formatter: unknown } };
    expect(shares.axisLabel.formatter).toBe('{value} %');

    // Every chart of the dashboard has elements the keyboard can reach when it has data.
    for (const module of CHARTS) {
      const spec = module.build(report, es);
      if (!spec.empty) expect(chartElements(spec.option, es).flat().length, module.id).toBeGreaterThan(0);
    }
  });

  it('moves along a series, across series at the same place, stops at the ends and steps over empty series', () => {
    const element = (seriesIndex: number, dataIndex: number) => ({ seriesIndex, dataIndex, text: '' });
    const elements = [[element(0, 0), element(0, 1), element(0, 2)], [], [element(2, 0), element(2, 1)]];
    expect(moveFocus(elements, null, 'ArrowRight')).toEqual({ series: 0, index: 0 });
    expect(moveFocus(elements, { series: 0, index: 0 }, 'ArrowRight')).toEqual({ series: 0, index: 1 });
    expect(moveFocus(elements, { series: 0, index: 0 }, 'ArrowLeft')).toEqual({ series: 0, index: 0 });
    expect(moveFocus(elements, { series: 0, index: 0 }, 'End')).toEqual({ series: 0, index: 2 });
    expect(moveFocus(elements, { series: 0, index: 2 }, 'ArrowDown')).toEqual({ series: 2, index: 1 });
    expect(moveFocus(elements, { series: 2, index: 1 }, 'ArrowDown')).toEqual({ series: 2, index: 1 });
    expect(moveFocus(elements, { series: 2, index: 1 }, 'ArrowUp')).toEqual({ series: 0, index: 1 });
    expect(moveFocus([[], []], null, 'Home')).toBeNull();
  });
});
