import { useState } from 'react';
import { isPending, type PendingWrite } from '../../../../shared/api/envelope';
import { useI18n } from '../../app/i18n';

/** What came of an offer's run: nothing yet, running, kept for when the workspace is free, or refused. */
export type OfferState = 'idle' | 'running' | 'kept' | { error: string };

/**
 * An offer's run: the currency typed (blank: the workspace's), what came of it, and its summary once done. `call` is
 * given the currency typed, if any.
 */
export function useOffer<S>(call: (currency: string | undefined) => Promise<S | PendingWrite>) {
  const [summary, setSummary] = useState<S | null>(null);
  const [state, setState] = useState<OfferState>('idle');
  const [currency, setCurrency] = useState('');
  const run = async (): Promise<void> => {
    setState('running');
    try {
      const result = await call(currency || undefined);
      if (isPending(result)) setState('kept');
      else {
        setSummary(result);
        setState('idle');
      }
    } catch (e) {
      setState({ error: (e as Error).message });
    }
  };
  return { summary, state, currency, setCurrency, run };
}

/** A currency code as typed: blank (the workspace's) or three letters. */
export const currencyReady = (currency: string): boolean => currency === '' || /^[A-Z]{3}$/.test(currency);

interface Props {
  /** The file names no currency: ask it, `hint` saying what blank means. */
  askCurrency: { hint: string } | null;
  currency: string;
  onCurrency(currency: string): void;
  start: string;
  state: OfferState;
  onStart(): void;
}

/**
 * The controls of an offer to take a file as what it is (a CRM's deals, an ads report) rather than as messages: the
 * currency where the file names none, the button, and what came of it.
 */
export function OfferControls({ askCurrency, currency, onCurrency, start, state, onStart }: Props) {
  const { t } = useI18n();
  return (
    <>
      {askCurrency && (
        <label className="deals-currency" title={askCurrency.hint}>
          {t('import.dealsCurrency')}{' '}
          <input
            value={currency}
            maxLength={3}
            size={5}
            placeholder={t('import.dealsCurrencyAuto')}
            aria-invalid={!currencyReady(currency)}
            onChange={(e) => onCurrency(e.target.value.toUpperCase().replace(/[^A-Z]/g, ''))}
          />
        </label>
      )}{' '}
      <button className="primary" disabled={state === 'running' || !currencyReady(currency)} onClick={onStart}>
        {start}
      </button>
      {state === 'kept' && <span> {t('import.dealsKept')}</span>}
      {typeof state === 'object' && (
        <span className="error" role="alert">
          {' '}
          {state.error}
        </span>
      )}
    </>
  );
}
