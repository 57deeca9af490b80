import { kpiAggregates } from '../../../db/queries/kpis';
import { loadSettings } from '../../../db/queries/settings';
import { buildKpiReport, summarize } from '../../../shared/domain/kpi-report';
import { previousPeriod, yearBefore } from '../../../shared/domain/period';
import { dayStart } from '../../../shared/domain/time';
import type { Handlers } from '../context';
import { systemSettings } from '../defaults';

const DEFAULT_SLA_MINUTES = 60;

export const kpiHandlers = {
  'kpis.get': (request, { store }) => {
    const { timeZone } = loadSettings(store.db, systemSettings());
    const aggregate = (period: { from: string; to: string }) => {
      const range = { start: dayStart(period.from, timeZone), end: dayStart(period.to, timeZone, 1) };
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
