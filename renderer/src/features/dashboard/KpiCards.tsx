import type { KpiReport, KpiSummary, Ratio } from '../../../../shared/api/kpis';
import { percent as percentOf } from '../../../../shared/charts/types';
import { useI18n } from '../../app/i18n';
import { changeOf, type ChangeUnit } from '../../../../shared/domain/change';

interface Card {
  label: string;
  value: string;
  previous?: string;
  yearBefore?: string;
  title?: string;
  /** The change from the previous period: the figure now and then, how to show it, and which way is better. */
  change?: { now: Ratio; then: Ratio; as: ChangeUnit; better: 'up' | 'down' | null };
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
  const change = (figure: (summary: KpiSummary) => Ratio, as: ChangeUnit, better: 'up' | 'down' | null = 'up') => ({
    change: { now: figure(report), then: figure(report.previousPeriod), as, better },
  });
  const cards: Card[] = [
    {
      label: t('dashboard.kpi.messages'),
      value: number(report.totals.messages),
      ...compare((s) => number(s.totals.messages)),
      // More or fewer messages is neither good nor bad news in itself.
      ...change((s) => s.totals.messages, 'relative', null),
    },
    {
      label: t('dashboard.kpi.labeled'),
      value: percent(labeledShare(report)),
      ...compare((s) => percent(labeledShare(s))),
      ...change(labeledShare, 'points'),
    },
    {
      label: t('dashboard.kpi.net'),
      value: ratio(report.netTemperature),
      ...compare((s) => ratio(s.netTemperature)),
      ...change((s) => s.netTemperature, 'difference'),
      title: report.formulas.netTemperature,
    },
    {
      label: t('dashboard.kpi.mean'),
      value: ratio(report.meanTemperature),
      ...compare((s) => ratio(s.meanTemperature)),
      ...change((s) => s.meanTemperature, 'difference'),
      title: report.formulas.meanTemperature,
    },
    ...(own
      ? [
          {
            label: t('dashboard.kpi.sov', { name: own.name }),
            value: percent(own.shareOfVoice),
            ...compare((s) => percent(ownIn(s)?.shareOfVoice ?? null)),
            ...change((s) => ownIn(s)?.shareOfVoice ?? null, 'points'),
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
          {card.change && <ChangeMark {...card.change} />}
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

/** ▲ or ▼ and by how much since the previous period, green when better, red when worse (said in words too). */
function ChangeMark({ now, then, as, better }: NonNullable<Card['change']>) {
  const i18n = useI18n();
  const found = changeOf(now, then, as);
  if (!found) return null;
  const { direction, by } = found;
  const tone = direction === 'same' || better === null ? 'neutral' : direction === better ? 'better' : 'worse';
  const amount =
    as === 'relative'
      ? `${i18n.number(by * 100, 1)} %`
      : as === 'points'
        ? i18n.t('dashboard.points', { value: i18n.number(by * 100, 1) })
        : i18n.number(by, 2);
  return (
    <div className={`kpi-change ${tone}`} title={i18n.t(`dashboard.change.${tone}`)}>
      {direction === 'up' ? '▲' : direction === 'down' ? '▼' : '='} {amount}
    </div>
  );
}
