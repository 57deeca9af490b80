import { useState } from 'react';
import type { AdSpendSummary } from '../../../../shared/api/leads';
import { isPending } from '../../../../shared/api/envelope';
import { adSpendColumns } from '../../../../shared/domain/import/ad-spend';
import { api } from '../../api/client';
import { useI18n } from '../../app/i18n';

interface Props {
  /** The file's token, and the sheet chosen. */
  path: string;
  part: string | null;
  headers: string[];
  /** The wizard's date order, for slashed days the report's own do not tell. */
  dateOrder: 'dmy' | 'mdy' | undefined;
}

/**
 * An ads report (Facebook Ads Manager's export, and alike: spend by campaign or day) is offered as what it is: its
 * spend taken as the ads of the cost model for the days it covers, as `pulso costs import-ads` does, not as messages.
 */
export function AdSpendImport({ path, part, headers, dateOrder }: Props) {
  const { t, number, date } = useI18n();
  const [summary, setSummary] = useState<AdSpendSummary | null>(null);
  const [state, setState] = useState<'idle' | 'running' | 'kept' | { error: string }>('idle');
  const [currency, setCurrency] = useState('');
  const columns = adSpendColumns(headers);
  if (!columns && !summary) return null;
  const currencyValid = currency === '' || /^[A-Z]{3}$/.test(currency);
  const run = async (): Promise<void> => {
    setState('running');
    try {
      const result = await api.call('import.adSpend', {
        path,
        ...(part ? { part } : {}),
        ...(currency ? { currency } : {}),
        ...(dateOrder ? { dateOrder } : {}),
      });
      if (isPending(result)) setState('kept');
      else {
        setSummary(result);
        setState('idle');
      }
    } catch (e) {
      setState({ error: (e as Error).message });
    }
  };
  const day = (text: string): string => date(Date.parse(`${text}T12:00:00Z`));
  return (
    <div className="notice deals-import" role="status" data-testid="ads-import">
      {summary ? (
        t('import.adsSummary', {
          ads: number(summary.ads, 2),
          currency: summary.currency,
          from: day(summary.from),
          to: day(summary.to),
          rows: number(summary.rows),
        })
      ) : (
        <>
          {t('import.adsOffer')}{' '}
          {columns?.currency === null && (
            <label className="deals-currency" title={t('import.adsCurrencyHint')}>
              {t('import.dealsCurrency')}{' '}
              <input
                value={currency}
                maxLength={3}
                size={5}
                placeholder={t('import.dealsCurrencyAuto')}
                aria-invalid={!currencyValid}
                onChange={(e) => setCurrency(e.target.value.toUpperCase().replace(/[^A-Z]/g, ''))}
              />
            </label>
          )}{' '}
          <button className="primary" disabled={state === 'running' || !currencyValid} onClick={() => void run()}>
            {t('import.adsStart')}
          </button>
          {state === 'kept' && <span> {t('import.dealsKept')}</span>}
          {typeof state === 'object' && (
            <span className="error" role="alert">
              {' '}
              {state.error}
            </span>
          )}
        </>
      )}
    </div>
  );
}
