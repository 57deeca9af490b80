import { adSpendColumns } from '../../../../shared/domain/import/ad-spend';
import { api } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { OfferControls, useOffer } from './OfferControls';

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
  const { summary, state, currency, setCurrency, run } = useOffer((currency) =>
    api.call('import.adSpend', {
      path,
      ...(part ? { part } : {}),
      ...(currency ? { currency } : {}),
      ...(dateOrder ? { dateOrder } : {}),
    }),
  );
  const columns = adSpendColumns(headers);
  if (!columns && !summary) return null;
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
          <OfferControls
            askCurrency={columns?.currency === null ? { hint: t('import.adsCurrencyHint') } : null}
            currency={currency}
            onCurrency={setCurrency}
            start={t('import.adsStart')}
            state={state}
            onStart={() => void run()}
          />
        </>
      )}
    </div>
  );
}
