import type { InfluencerKpis } from '../api/kpis';
import { BASE, type ChartModule, formatValue, period, tooltip, categoryAxis, legend } from './types';

const PARTS = ['reach', 'engagement', 'conversation'] as const;

/** A handle as people write it: one @, whether the file wrote it with one or not. */
export const handleText = (handle: string): string => (handle.startsWith('@') ? handle : `@${handle}`);

/** Authors ranked by influence, each bar split into the formula's parts. */
function influenceChart(list: 'top' | 'detractors'): ChartModule {
  return {
    id: list === 'top' ? 'top-influencers' : 'top-detractors',
    title: list === 'top' ? 'chart.topInfluencers' : 'chart.topDetractors',
    build(report, t) {
      const authors: InfluencerKpis[] = [...report.influence[list]].reverse();
      return {
        empty: authors.length === 0,
        option: {
          ...BASE,
          tooltip: tooltip({ trigger: 'axis', valueFormatter: formatValue(t, 2) }),
          legend: legend(),
          // The axis's name under it, centred: at its end it ran past the card.
          xAxis: { type: 'value', name: t.t('chart.influence'), nameLocation: 'middle', nameGap: 26 },
          grid: { ...BASE.grid, bottom: 40 },
          yAxis: categoryAxis(
            authors.map((a) => handleText(a.handle)),
            { vertical: true, width: 120 },
          ),
          series: PARTS.map((part) => ({
            type: 'bar',
            stack: 'influence',
            name: t.t(`influence.${part}`),
            data: authors.map((a) => Math.round(a.parts[part] * 100) / 100),
          })),
        },
        drill: (_series, dataIndex) => {
          const author = authors[dataIndex];
          return author ? { ...period(report), authors: [author.authorId] } : null;
        },
      };
    },
  };
}

export const topInfluencers = influenceChart('top');
export const topDetractors = influenceChart('detractors');
