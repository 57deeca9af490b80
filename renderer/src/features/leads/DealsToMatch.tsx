import { useState } from 'react';
import type { DealSummary } from '../../../../shared/api/leads';
import { api } from '../../api/client';
import { useApi } from '../../api/useApi';
import { useI18n } from '../../app/i18n';

/**
 * The CRM's deals no lead could be found for, or more than one could: the user picks the lead (the ambiguous ones
 * offer their candidates first), and the match is recorded as made by hand.
 */
export function DealsToMatch() {
  const { t, number, date } = useI18n();
  const deals = useApi('leads.deals', {}, { reloadOn: ['writes'] });
  const leads = useApi('leads.list', {});
  const [done, setDone] = useState<string | null>(null);
  const open = (deals.data ?? []).filter((deal) => deal.matchState !== 'matched');
  const match = async (deal: DealSummary, lead: number): Promise<void> => {
    await api.call('leads.matchDeal', { deal: deal.id, lead });
    setDone(t('deals.matched', { deal: deal.dealId, lead }));
    deals.reload();
  };
  return (
    <section className="deals-to-match" aria-label={t('deals.title')}>
      {done && (
        <p className="notice" role="status">
          {done}
        </p>
      )}
      {open.length === 0 ? (
        <p className="hint">{t('deals.none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>{t('deals.deal')}</th>
              <th>{t('deals.closed')}</th>
              <th>{t('deals.amount')}</th>
              <th>{t('leads.contact')}</th>
              <th>{t('leads.company')}</th>
              <th>{t('deals.state')}</th>
              <th>{t('deals.lead')}</th>
            </tr>
          </thead>
          <tbody>
            {open.map((deal) => (
              <tr key={deal.id}>
                <td>
                  {deal.dealId} {deal.name && <small>{deal.name}</small>}
                </td>
                <td>{deal.closedAt === null ? '—' : date(deal.closedAt)}</td>
                <td>
                  {number(deal.amount)} {deal.currency}
                </td>
                <td>{deal.contact ?? deal.email ?? '—'}</td>
                <td>{deal.company ?? '—'}</td>
                <td>{t(deal.matchState === 'ambiguous' ? 'deals.ambiguous' : 'deals.unmatched')}</td>
                <td>
                  <select
                    aria-label={t('deals.matchTo', { deal: deal.dealId })}
                    value=""
                    onChange={(e) => void match(deal, Number(e.target.value))}
                  >
                    <option value="">{t('deals.choose')}</option>
                    {[...(leads.data ?? [])]
                      .sort((a, b) => Number(deal.candidates.includes(b.id)) - Number(deal.candidates.includes(a.id)))
                      .map((lead) => (
                        <option key={lead.id} value={lead.id}>
                          {deal.candidates.includes(lead.id) ? '★ ' : ''}#{lead.id} {lead.contact ?? lead.name}
                          {lead.company ? ` · ${lead.company}` : ''}
                        </option>
                      ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
