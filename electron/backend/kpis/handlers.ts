import { buildKpiReport, summarize } from '../../../shared/domain/kpi-report';
import { previousPeriod, yearBefore } from '../../../shared/domain/period';
import { roiReport } from '../../../shared/domain/roi';
import { dayStart } from '../../../shared/domain/time';
import { workspaceSettings } from '../runtime/defaults';
import { defineHandlers } from '../runtime/define-handlers';

const DEFAULT_SLA_MINUTES = 60;

export const kpiHandlers = defineHandlers({
  'kpis.get': async (request, { store, reads }) => {
    const { timeZone } = workspaceSettings(store);
    const { from, to, slaMinutes, granularity, ...scope } = request;
    const range = (period: { from: string; to: string }) => ({
      start: dayStart(period.from, timeZone),
      end: dayStart(period.to, timeZone, 1),
    });
    const current = range(request);
    const filter = { ...scope, from, to };
    const before = previousPeriod(from, to);
    const lastYear = yearBefore(from, to);
    // Six reads shared by the read workers: the period's four parts, and the two comparison
    // periods, which need only the summary's aggregates (from the roll-ups, when unscoped). The
    // two that read the period's messages (per author, per entity) go first, one to each worker.
    const [authors, rest, summary, topics, beforeSummary, lastYearSummary] = await Promise.all([
      reads.read('kpiAuthors', filter, timeZone, current),
      reads.read('kpiPeriod', filter, timeZone, current),
      reads.read('kpiSummary', filter, timeZone, current),
      reads.read('kpiTopics', filter, timeZone, current),
      reads.read('kpiSummary', { ...scope, ...before }, timeZone, range(before)),
      reads.read('kpiSummary', { ...scope, ...lastYear }, timeZone, range(lastYear)),
    ]);
    return buildKpiReport(
      { ...summary, ...topics, ...rest, ...authors },
      {
        from,
        to,
        timeZone,
        periodEnd: Math.min(current.end, Date.now()),
        slaMinutes: slaMinutes ?? DEFAULT_SLA_MINUTES,
        granularity,
        scope,
      },
      summarize(beforeSummary, { ...before, timeZone }),
      summarize(lastYearSummary, { ...lastYear, timeZone }),
    );
  },
  // Its own call, not part of kpis.get: every lead's touches are read for it, which the dashboard does not show.
  // The workspace's, whatever a narrowing: deals and costs are not per brand or network.
  'kpis.roi': async ({ from, to, windowDays, halfLifeDays }, { store, reads }) => {
    const { timeZone } = workspaceSettings(store);
    const roi = await reads.read('kpiRoi', from, to, {
      start: dayStart(from, timeZone),
      end: dayStart(to, timeZone, 1),
    });
    const hasData = roi.deals.length > 0 || roi.paths.length > 0 || roi.costs !== null;
    return hasData ? roiReport({ ...roi, windowDays, halfLifeDays }) : null;
  },
});
