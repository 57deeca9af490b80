import { kpiAggregates } from '../../../db/queries/kpis';
import { loadSettings } from '../../../db/queries/settings';
import { buildKpiReport, summarize } from '../../../shared/domain/kpi-report';
import { previousPeriod, yearBefore, addDays } from '../../../shared/domain/period';
import { wallTimeToUtc } from '../../../shared/domain/time';
import type { Handlers } from '../context';
import { systemSettings } from '../defaults';

const DEFAULT_SLA_MINUTES = 60;

function dayStart(day: string, timeZone: string): number {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return wallTimeToUtc({ year, month, day: date }, timeZone);
}

export const kpiHandlers = {
  'kpis.get': (request, { store }) => {
    const { timeZone } = loadSettings(store.db, systemSettings());
    const aggregate = (period: { from: string; to: string }) => {
      const range = { start: dayStart(period.from, timeZone), end: dayStart(addDays(period.to, 1), timeZone) };
      return { range, aggregates: kpiAggregates(store.sqlite, { ...request, ...period }, timeZone, range) };
    };
    const current = aggregate(request);
    const previous = previousPeriod(request.from, request.to);
    const lastYear = yearBefore(request.from, request.to);
    return buildKpiReport(
      current.aggregates,
      { from: request.from, to: request.to, timeZone, periodEnd: Math.min(current.range.end, Date.now()), slaMinutes: request.slaMinutes ?? DEFAULT_SLA_MINUTES },
      summarize(aggregate(previous).aggregates, { ...previous, timeZone }),
      summarize(aggregate(lastYear).aggregates, { ...lastYear, timeZone }),
    );
  },
} satisfies Partial<Handlers>;
