import { QUICK_PERIODS, quickPeriod } from '../../../shared/domain/period';
import { useI18n } from '../app/i18n';

export interface Period {
  from: string;
  to: string;
}

interface Props {
  period: Period;
  /** The day quick picks count from: the last day with messages. */
  anchor: string;
  onChange(period: Period): void;
}

/** Quick picks (this/last month, quarter, year) and any dates. */
export function PeriodPicker({ period, anchor, onChange }: Props) {
  const { t } = useI18n();
  const current = QUICK_PERIODS.find((kind) => {
    const quick = quickPeriod(kind, anchor);
    return quick.from === period.from && quick.to === period.to;
  });
  return (
    <div className="period-picker" role="group" aria-label={t('dashboard.period')}>
      {QUICK_PERIODS.map((kind) => (
        <button
          key={kind}
          type="button"
          aria-pressed={current === kind}
          onClick={() => onChange(quickPeriod(kind, anchor))}
        >
          {t(`period.${kind}`)}
        </button>
      ))}
      <label>
        {t('filter.from')}{' '}
        <input
          type="date"
          value={period.from}
          max={period.to}
          onChange={(e) => e.target.value && onChange({ ...period, from: e.target.value })}
        />
      </label>
      <label>
        {t('filter.to')}{' '}
        <input
          type="date"
          value={period.to}
          min={period.from}
          onChange={(e) => e.target.value && onChange({ ...period, to: e.target.value })}
        />
      </label>
    </div>
  );
}
