import { addDays } from '../domain/period';
import { BASE, period, TEMPERATURE_COLORS, tooltip, type ChartModule, categoryAxis, legend } from './types';
import { TEMPERATURE_SLOTS, temperatureFilter, temperatureName } from './temperature';

/** Messages per day, week or month, stacked by temperature. */
export const temperatureOverTime: ChartModule = {
  id: 'temperature-over-time',
  title: 'chart.temperatureOverTime',
  build(report, t) {
    const { buckets } = report.volume;
    const range = (index: number): { from: string; to: string } => {
      const next = buckets[index + 1]?.start;
      const start = buckets[index]?.start ?? report.period.from;
      return {
        from: start < report.period.from ? report.period.from : start,
        to: next ? addDays(next, -1) : report.period.to,
      };
    };
    return {
      empty: report.totals.messages === 0,
      option: {
        ...BASE,
        tooltip: tooltip({ trigger: 'axis' }),
        legend: legend(),
        xAxis: categoryAxis(buckets.map((b) => t.day(b.start))),
        yAxis: { type: 'value' },
        series: TEMPERATURE_SLOTS.map((slot) => ({
          type: 'bar',
          stack: 'volume',
          name: temperatureName(t, slot),
          color: TEMPERATURE_COLORS[slot],
          data: buckets.map((b) => b.byTemperature[slot]),
        })),
      },
      drill: (seriesIndex, dataIndex) => {
        const slot = TEMPERATURE_SLOTS[seriesIndex];
        return slot && buckets[dataIndex]
          ? { ...period(report), ...range(dataIndex), temperatures: temperatureFilter(slot) }
          : null;
      },
    };
  },
};
