import { dealColumns, looksLikeDeals } from '../../../../shared/domain/import/deal-fields';
import { api } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { OfferControls, useOffer } from './OfferControls';

interface Props {
  /** The file's token, and the sheet chosen. */
  path: string;
  part: string | null;
  headers: string[];
}

/**
 * A CRM export of deals goes in through the same wizard: offered when the file's headers are a deals export's (deal id,
 * amount, stage, in Spanish or English), imported and matched to leads as `pulso sales import` does.
 */
export function DealsImport({ path, part, headers }: Props) {
  const { t, number } = useI18n();
  const { summary, state, currency, setCurrency, run } = useOffer((currency) =>
    api.call('import.deals', { path, ...(part ? { part } : {}), ...(currency ? { currency } : {}) }),
  );
  const found = dealColumns(headers);
  if (!looksLikeDeals(headers) && !summary) return null;
  return (
    <div className="notice deals-import" role="status" data-testid="deals-import">
      {summary ? (
        <>
          {t('import.dealsSummary', {
            new: number(summary.new),
            updated: number(summary.updated),
            unchanged: number(summary.unchanged),
            matched: number(summary.matched),
            toMatch: number(summary.unmatched + summary.ambiguous),
          })}
          {summary.currencyAssumed && ` ${t('import.dealsCurrencyAssumed', { currency: summary.currencyAssumed })}`}
        </>
      ) : (
        <>
          {t('import.dealsOffer')}{' '}
          <OfferControls
            askCurrency={found.currency === undefined ? { hint: t('import.dealsCurrencyHint') } : null}
            currency={currency}
            onCurrency={setCurrency}
            start={t('import.dealsStart')}
            state={state}
            onStart={() => void run()}
          />
        </>
      )}
    </div>
  );
}
