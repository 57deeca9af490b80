import { BASE, type ChartModule, formatValue, period, tooltip, categoryAxis, legend } from './types';

/** Share of Conversation: within each topic, the share of its messages naming each entity. */
export const shareOfConversation: ChartModule = {
  id: 'share-of-conversation',
  title: 'chart.shareOfConversation',
  build(report, t) {
    const { topics, entities } = report;
    return {
      empty: topics.every((topic) => topic.mentions === 0),
      option: {
        ...BASE,
        tooltip: tooltip({ trigger: 'axis', valueFormatter: formatValue(t, 1, ' %') }),
        legend: legend(),
        xAxis: categoryAxis(topics.map((topic) => `${topic.name} (${t.number(topic.mentions)})`)),
        yAxis: { type: 'value', axisLabel: { formatter: '{value} %' } },
        series: entities.map((e) => ({
          type: 'bar',
          name: e.name,
          data: topics.map((topic) => {
            const share = topic.shareOfConversation[e.name] ?? null;
            return share === null ? null : Math.round(share * 1000) / 10;
          }),
        })),
      },
      drill: (seriesIndex, dataIndex) => {
        const entity = entities[seriesIndex];
        const topic = topics[dataIndex];
        return entity && topic ? { ...period(report), topics: [topic.id], entities: [entity.id] } : null;
      },
    };
  },
};
