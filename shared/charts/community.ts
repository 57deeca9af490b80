import { sourceText } from '../domain/grid-text';
import { SOURCES, type Source } from '../domain/vocabulary';
import { BASE, percent, period, tooltip, type ChartModule, categoryAxis, legend } from './types';

/** Followers at the start and end of the period per channel, with the growth. */
export const communityGrowth: ChartModule = {
  id: 'community-growth',
  title: 'chart.communityGrowth',
  build(report, t) {
    const channels = report.community;
    return {
      empty: channels.length === 0,
      option: {
        ...BASE,
        tooltip: tooltip({ trigger: 'axis' }),
        legend: legend(),
        // Each channel named by its network too: "@lumen" alone does not say which network's account it is.
        // The growth on a line of its own, under the account it belongs to.
        xAxis: categoryAxis(
          channels.map((c) => `${sourceText(c.source, t)} ${c.channel}\n(${percent(t, c.followerGrowth)})`),
          { width: 150 },
        ),
        yAxis: { type: 'value', name: t.t('chart.followers') },
        series: [
          { type: 'bar', name: t.t('chart.start'), data: channels.map((c) => c.followersStart) },
          { type: 'bar', name: t.t('chart.end'), data: channels.map((c) => c.followersEnd) },
        ],
      },
      drill: (_series, dataIndex) => {
        const source = channels[dataIndex]?.source;
        return source && (SOURCES as readonly string[]).includes(source)
          ? { ...period(report), sources: [source as Source] }
          : null;
      },
    };
  },
};
