import { USER_FLOWS } from '../api/messages';
import { BASE, percent, period, tooltip, type ChartModule, categoryAxis } from './types';

const RATIO = {
  happy: 'happyRatio',
  unhappy: 'unhappyRatio',
  unhappyToHappy: 'unhappyToHappyRatio',
  happyToUnhappy: 'happyToUnhappyRatio',
} as const;
const COLOR = { happy: '#1a9850', unhappy: '#b2182b', unhappyToHappy: '#67a9cf', happyToUnhappy: '#ef8a62' } as const;

/** Happy and unhappy authors, and who turned from one to the other, with their share of authors. */
export const userFlows: ChartModule = {
  id: 'user-flows',
  title: 'chart.userFlows',
  build(report, t) {
    const { users } = report;
    return {
      empty: users.authors === 0,
      option: {
        ...BASE,
        tooltip: tooltip({ trigger: 'item' }),
        xAxis: categoryAxis(USER_FLOWS.map((flow) => t.t(`users.${flow}`))),
        yAxis: { type: 'value', name: t.t('chart.authors') },
        series: [
          {
            type: 'bar',
            name: t.t('chart.authors'),
            label: {
              show: true,
              position: 'top',
              formatter: (p) => percent(t, users[RATIO[USER_FLOWS[p.dataIndex] ?? 'happy']]),
            },
            data: USER_FLOWS.map((flow) => ({ value: users[flow], itemStyle: { color: COLOR[flow] } })),
          },
        ],
      },
      drill: (_series, dataIndex) => {
        const flow = USER_FLOWS[dataIndex];
        return flow ? { ...period(report), userFlow: flow } : null;
      },
    };
  },
};
