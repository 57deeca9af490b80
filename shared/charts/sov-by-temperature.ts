import { TEMPERATURE_CODES } from '../domain/kpis';
import { BASE, type ChartModule, formatValue, period, tooltip, categoryAxis, legend } from './types';
import { temperatureName } from './temperature';

/** SoV by temperature: of all mentions at each temperature, each entity's share (bars to 100 %). */
export const sovByTemperature: ChartModule = {
  id: 'sov-by-temperature',
  title: 'chart.sovByTemperature',
  build(report, t) {
    const entities = report.entities;
    return {
      empty: entities.every((e) => e.mentions === 0),
      option: {
        ...BASE,
        tooltip: tooltip({ trigger: 'axis', valueFormatter: formatValue(t, 1, ' %') }),
        legend: legend(),
        xAxis: categoryAxis(TEMPERATURE_CODES.map((key) => temperatureName(t, key))),
        yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value} %' } },
        series: entities.map((e) => ({
          type: 'bar',
          stack: 'sov',
          name: e.name,
          data: TEMPERATURE_CODES.map((key) => {
            const share = e.shareOfVoiceByTemperature[key];
            return share === null ? null : Math.round(share * 1000) / 10;
          }),
        })),
      },
      drill: (seriesIndex, dataIndex) => {
        const entity = entities[seriesIndex];
        const key = TEMPERATURE_CODES[dataIndex];
        return entity && key ? { ...period(report), entities: [entity.id], temperatures: [Number(key)] } : null;
      },
    };
  },
};
