import { caseTypeText } from '../domain/grid-text';
import { formatWait } from '../domain/wait';
import type { MessageFilter } from '../api/messages';
import { BASE, tooltip, type ChartModule, categoryAxis, legend } from './types';

const HOUR = 3_600_000;

const cases = (
  from: string,
  to: string,
  extra: Omit<NonNullable<MessageFilter['cases']>, 'openedFrom' | 'openedTo'>,
): MessageFilter => ({ cases: { openedFrom: from, openedTo: to, ...extra } });

const STAGES = ['requested', 'attended', 'resolved'] as const;

/** The care funnel: cases requested, attended (first response) and resolved, opened in the period. */
export const careFunnel: ChartModule = {
  id: 'care-funnel',
  title: 'chart.careFunnel',
  build(report, t) {
    const { care, period } = report;
    return {
      empty: care.requested === 0,
      option: {
        ...BASE,
        tooltip: tooltip({ trigger: 'item' }),
        title: {
          text: t.t('chart.careWaiting', {
            count: care.waiting,
            longest: care.waitingHours.max === null ? '—' : formatWait(care.waitingHours.max * HOUR, t.number),
            breaches: care.slaBreaches,
            minutes: care.slaMinutes,
          }),
          left: 'center',
          top: 0,
          textStyle: { fontSize: 12 },
        },
        series: [
          {
            type: 'funnel',
            top: 36,
            bottom: 8,
            // Room on the right for the stages' labels ("solicitados: 1.234").
            left: '8%',
            width: '62%',
            sort: 'none',
            minSize: '20%',
            name: t.t('chart.careFunnel'),
            label: {
              formatter: ({ name, value }: { name: string; value: unknown }) =>
                `${name}: ${typeof value === 'number' ? t.number(value) : '—'}`,
            },
            data: STAGES.map((stage) => ({ name: t.t(`care.${stage}`), value: care[stage] })),
          },
        ],
      },
      drill: (_series, dataIndex) => {
        const stage = STAGES[dataIndex];
        return stage ? cases(period.from, period.to, { state: stage }) : null;
      },
    };
  },
};

/** Resolution time by case type: median and p90, in hours. */
export const resolutionByType: ChartModule = {
  id: 'resolution-by-type',
  title: 'chart.resolutionByType',
  build(report, t) {
    const types = Object.entries(report.care.resolutionHoursByType);
    const hours = (value: number | null): number | null => (value === null ? null : Math.round(value * 10) / 10);
    return {
      empty: types.length === 0,
      option: {
        ...BASE,
        tooltip: tooltip({ trigger: 'axis' }),
        legend: legend(),
        xAxis: categoryAxis(types.map(([type, figures]) => `${caseTypeText(type, t)} (${t.number(figures.count)})`)),
        yAxis: { type: 'value', name: t.t('chart.hours') },
        series: [
          { type: 'bar', name: t.t('chart.median'), data: types.map(([, figures]) => hours(figures.median)) },
          { type: 'bar', name: 'p90', data: types.map(([, figures]) => hours(figures.p90)) },
        ],
      },
      drill: (_series, dataIndex) => {
        const type = types[dataIndex]?.[0];
        return type === undefined ? null : cases(report.period.from, report.period.to, { type, state: 'resolved' });
      },
    };
  },
};
