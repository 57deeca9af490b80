import { kpiAggregates, kpiSummaryAggregates } from '../../../db/queries/kpis';
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
    const { from, to, slaMinutes, granularity, ...scope } = request;
    const range = (period: { from: string; to: string }) => ({ start: dayStart(period.from, timeZone), end: dayStart(period.to, timeZone, 1) });
    // The comparison periods need only the summary's aggregates.
    const compare = (period: { from: string; to: string }) =>
      summarize(kpiSummaryAggregates(store.sqlite, { ...scope, ...period }, timeZone, range(period)), { ...period, timeZone });
    const current = range(request);
    return buildKpiReport(
      kpiAggregates(store.sqlite, { ...scope, from, to }, timeZone, current),
      { from, to, timeZone, periodEnd: Math.min(current.end, Date.now()), slaMinutes: slaMinutes ?? DEFAULT_SLA_MINUTES, granularity, scope },
      compare(previousPeriod(from, to)),
      compare(yearBefore(from, to)),
    );
  },
} satisfies Partial<Handlers>;
