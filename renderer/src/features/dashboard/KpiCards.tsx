import type { KpiReport, KpiSummary, Ratio } from '../../../../shared/api/kpis';
import { percent as percentOf } from '../../../../shared/charts/types';
import { useI18n } from '../../app/i18n';

interface Card {
  label: string;
  value: string;
  previous?: string;
  yearBefore?: string;
  title?: string;
}

/** The headline figures, each beside the previous period and the same period a year before. */
export function KpiCards({ report }: { report: KpiReport }) {
  const i18n = useI18n();
  const { t, number } = i18n;
  const ratio = (value: Ratio, digits = 2): string => (value === null ? '—' : number(value, digits));
  const percent = (value: Ratio): string => percentOf(i18n, value);
  const labeledShare = (summary: KpiSummary): Ratio =>
    summary.totals.messages === 0 ? null : summary.totals.labeled / summary.totals.messages;
  const own = report.entities.find((e) => e.role === 'own');
  const ownIn = (summary: KpiSummary) => summary.entities.find((e) => e.name === own?.name);
  const compare = (pick: (summary: KpiSummary) => string) => ({
    previous: pick(report.previousPeriod),
    yearBefore: pick(report.yearBefore),
  });
  const cards: Card[] = [
    {
      label: t('dashboard.kpi.messages'),
      value: number(report.totals.messages),
      ...compare((s) => number(s.totals.messages)),
    },
    {
      label: t('dashboard.kpi.labeled'),
      value: percent(labeledShare(report)),
      ...compare((s) => percent(labeledShare(s))),
    },
    {
      label: t('dashboard.kpi.net'),
      value: ratio(report.netTemperature),
      ...compare((s) => ratio(s.netTemperature)),
      title: report.formulas.netTemperature,
    },
    {
      label: t('dashboard.kpi.mean'),
      value: ratio(report.meanTemperature),
      ...compare((s) => ratio(s.meanTemperature)),
      title: report.formulas.meanTemperature,
    },
    ...(own
      ? [
          {
            label: t('dashboard.kpi.sov', { name: own.name }),
            value: percent(own.shareOfVoice),
            ...compare((s) => percent(ownIn(s)?.shareOfVoice ?? null)),
            title: report.formulas.shareOfVoice,
          },
        ]
      : []),
    {
      label: t('dashboard.kpi.firstResponse'),
      value:
        report.care.firstResponseMinutes.median === null
          ? '—'
          : t('dashboard.minutes', { value: number(report.care.firstResponseMinutes.median, 0) }),
    },
    { label: t('dashboard.kpi.sla'), value: number(report.care.slaBreaches) },
  ];
  return (
    <div className="kpi-cards">
      {cards.map((card) => (
        <div key={card.label} className="kpi-card" title={card.title}>
          <div className="kpi-label">{card.label}</div>
          <div className="kpi-value" data-kpi={card.label}>
            {card.value}
          </div>
          {card.previous !== undefined && (
            <div className="kpi-compare">
              {t('dashboard.previous', { value: card.previous })} ·{' '}
              {t('dashboard.yearBefore', { value: card.yearBefore ?? '—' })}
            </div>
          )}
        </div>
      ))}
    </div>
  );
}
