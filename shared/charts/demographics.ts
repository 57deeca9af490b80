import { demographicText } from '../domain/grid-text';
import type { KpiReport } from '../api/kpis';
import { BASE, period, TEMPERATURE_COLORS, tooltip, type ChartModule, categoryAxis, legend } from './types';
import { TEMPERATURE_SLOTS, temperatureFilter, temperatureName } from './temperature';

type Dimension = keyof KpiReport['demographics'];

/** Volume by temperature for each value of one demographic dimension (age band, sex or region). */
export function demographicsChart(dimension: Dimension): ChartModule {
  return {
    id: `demographics-${dimension}`,
    title: `chart.demographics.${dimension}`,
    build(report, t) {
      const values = Object.entries(report.demographics[dimension]);
      return {
        empty: values.length === 0,
        option: {
          ...BASE,
          tooltip: tooltip({ trigger: 'axis' }),
          legend: legend(),
          xAxis: categoryAxis(values.map(([value]) => demographicText(dimension, value, t))),
          yAxis: { type: 'value' },
          series: TEMPERATURE_SLOTS.map((slot) => ({
            type: 'bar',
            stack: dimension,
            name: temperatureName(t, slot),
            color: TEMPERATURE_COLORS[slot],
            data: values.map(([, figures]) => figures.byTemperature[slot]),
          })),
        },
        drill: (seriesIndex, dataIndex) => {
          const slot = TEMPERATURE_SLOTS[seriesIndex];
          const value = values[dataIndex]?.[0];
          return slot && value !== undefined
            ? { ...period(report), demographic: { dimension, value }, temperatures: temperatureFilter(slot) }
            : null;
        },
      };
    },
  };
}
