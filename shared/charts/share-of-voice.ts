import { BASE, percent, period, tooltip, type ChartModule, legend } from './types';

/** Share of Voice: each tracked entity's part of all entity mentions. */
export const shareOfVoice: ChartModule = {
  id: 'share-of-voice',
  title: 'chart.shareOfVoice',
  build(report, t) {
    const entities = report.entities;
    return {
      empty: entities.every((e) => e.mentions === 0),
      option: {
        ...BASE,
        tooltip: tooltip({ trigger: 'item' }),
        legend: legend('bottom', true),
        series: [
          {
            type: 'pie',
            radius: ['45%', '70%'],
            name: t.t('chart.shareOfVoice'),
            // The share in the language's numbers (49,0 %), not ECharts' own ({d}: 49.0).
            label: {
              lineHeight: 16,
              formatter: ({ name, dataIndex }: { name: string; dataIndex: number }) =>
                `${name}\n${percent(t, entities[dataIndex]?.shareOfVoice ?? null)}`,
            },
            data: entities.map((e) => ({ name: e.name, value: e.mentions })),
          },
        ],
        title: {
          text: entities
            .filter((e) => e.role === 'own')
            .map((e) => `${e.name} ${percent(t, e.shareOfVoice)}`)
            .join(' · '),
          left: 'center',
          top: 0,
          textStyle: { fontSize: 13 },
        },
      },
      drill: (_series, dataIndex) => {
        const entity = entities[dataIndex];
        return entity ? { ...period(report), entities: [entity.id] } : null;
      },
    };
  },
};
