import { useState } from 'react';
import { CHARTS } from '../../../../shared/charts';
import type { KpiScope } from '../../../../shared/api/kpis';
import type { MessageFilter } from '../../../../shared/api/messages';
import { useApi } from '../../api/useApi';
import { useI18n } from '../../app/i18n';
import { EmptyState } from '../../components/EmptyState';
import { Chart } from './Chart';
import { KpiCards } from './KpiCards';
import { FallbackNotice, PeriodPicker, useDefaultPeriod } from '../../components/PeriodPicker';
import { ScopeSelects } from '../../components/ScopeSelects';

interface Props {
  /** Opens the grid on the messages behind a chart element. */
  onOpenGrid(filter: MessageFilter): void;
}

/** KPIs and charts for a period; by default the last quarter with messages. */
export function Dashboard({ onOpenGrid }: Props) {
  const { t } = useI18n();
  // This quarter until the user picks a period (or the latest with messages, when this one has none).
  const periodState = useDefaultPeriod('thisQuarter');
  const { period, span, today, setPeriod } = periodState;
  const [scope, setScope] = useState<KpiScope>({});
  const kpis = useApi('kpis.get', period ? { ...period, ...scope } : null);
  const report = kpis.data ?? null;
  const error = kpis.error;

  if (periodState.empty) return <EmptyState title={t('dashboard.title')} text={t('dashboard.noData')} />;
  if (!span || !period)
    return (
      <section className="loading" aria-label={t('dashboard.title')}>
        {t('dashboard.loading')}
      </section>
    );
  const stale =
    report !== null &&
    (report.period.from !== period.from ||
      report.period.to !== period.to ||
      JSON.stringify(report.scope) !== JSON.stringify(scope));
  return (
    <section className="dashboard" aria-label={t('dashboard.title')}>
      <div className="toolbar">
        <h1>{t('dashboard.title')}</h1>
        <PeriodPicker period={period} today={today} span={span} onChange={setPeriod} />
        <div className="scope-picker">
          <ScopeSelects scope={scope} onChange={(patch) => setScope({ ...scope, ...patch })} />
        </div>
        {(stale || (!report && !error)) && (
          <span className="count" role="status">
            {t('dashboard.loading')}
          </span>
        )}
      </div>
      <FallbackNotice state={periodState} />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {report && (
        <div className="dashboard-body" aria-busy={stale}>
          <KpiCards report={report} />
          <p className="chart-hint">
            {t('chart.hint')} <span title={report.influence.formula}>{t('influence.formula')}</span>
          </p>
          <div className="chart-grid">
            {CHARTS.map((chart) => (
              <Chart key={chart.id} chart={chart} report={report} onDrill={onOpenGrid} />
            ))}
          </div>
        </div>
      )}
    </section>
  );
}
