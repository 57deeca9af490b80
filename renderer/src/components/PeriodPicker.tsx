import { useState } from 'react';
import { QUICK_PERIODS, quickPeriod, type QuickPeriod } from '../../../shared/domain/period';
import { localDate } from '../../../shared/domain/time';
import { useApi } from '../api/useApi';
import { useI18n } from '../app/i18n';
import { DayField } from './DayField';

export interface Period {
  from: string;
  to: string;
}

interface Span {
  from: string;
  to: string;
}

export interface DefaultPeriod {
  /** The first and last day with messages; null while unknown, and `empty` with none. */
  span: Span | null;
  empty: boolean;
  period: Period | null;
  setPeriod(period: Period): void;
  /** Today in the workspace's zone: the quick picks are calendar periods. */
  today: string;
  /** The quick period wanted by default when it had no messages (the latest quarter with data is shown instead). */
  fellBackFrom: QuickPeriod | null;
}

/**
 * A screen's period: until the user picks one, the calendar period `kind` (this quarter, last quarter), or the latest
 * quarter with messages when that one has none, said by FallbackNotice.
 */
export function useDefaultPeriod(kind: QuickPeriod): DefaultPeriod {
  const { settings } = useI18n();
  const span = useApi('messages.span', {}).data;
  const [chosen, setPeriod] = useState<Period | null>(null);
  const today = localDate(Date.now(), settings.timeZone);
  if (!span || span.from === null || span.to === null)
    return { span: null, empty: span !== undefined, period: null, setPeriod, today, fellBackFrom: null };
  const wanted = quickPeriod(kind, today);
  const hasData = span.from <= wanted.to && span.to >= wanted.from;
  return {
    span: { from: span.from, to: span.to },
    empty: false,
    period: chosen ?? (hasData ? wanted : quickPeriod('thisQuarter', span.to)),
    setPeriod,
    today,
    fellBackFrom: chosen === null && !hasData ? kind : null,
  };
}

/** "This quarter has no messages yet: showing Q3 2026, the latest quarter with data." */
export function FallbackNotice({ state }: { state: DefaultPeriod }) {
  const { t } = useI18n();
  if (!state.fellBackFrom || !state.period) return null;
  const [year, month] = state.period.from.split('-').map(Number) as [number, number];
  return (
    <p className="notice period-fallback" role="status">
      {t('period.fellBack', {
        wanted: t(`period.${state.fellBackFrom}`),
        quarter: t('period.quarter', { q: String(Math.floor((month - 1) / 3) + 1), year: String(year) }),
      })}
    </p>
  );
}

interface Props {
  period: Period;
  /** Today: the quick picks are calendar months, quarters and years. */
  today: string;
  /** The first and last day with messages: "All time". */
  span: Span;
  onChange(period: Period): void;
}

/** Quick picks (this/last month, quarter, year: the calendar's), all time, and any dates. */
export function PeriodPicker({ period, today, span, onChange }: Props) {
  const { t } = useI18n();
  const same = (other: Period): boolean => other.from === period.from && other.to === period.to;
  return (
    <div className="period-picker" role="group" aria-label={t('dashboard.period')}>
      {QUICK_PERIODS.map((kind) => (
        <button
          key={kind}
          type="button"
          aria-pressed={same(quickPeriod(kind, today))}
          onClick={() => onChange(quickPeriod(kind, today))}
        >
          {t(`period.${kind}`)}
        </button>
      ))}
      <button type="button" aria-pressed={same(span)} onClick={() => onChange(span)}>
        {t('period.allTime')}
      </button>
      <DayField
        label={t('filter.from')}
        value={period.from}
        max={period.to}
        onChange={(from) => from && onChange({ ...period, from })}
      />
      <DayField
        label={t('filter.to')}
        value={period.to}
        min={period.from}
        onChange={(to) => to && onChange({ ...period, to })}
      />
    </div>
  );
}
