import { useState } from 'react';
import type { LeadSummary } from '../../../../shared/api/leads';
import { api } from '../../api/client';
import { useI18n } from '../../app/i18n';

/** A lead's owner, expected value and currency, product and campaign, each saved when it loses the focus. */
export function LeadFields({ lead, onSaved }: { lead: LeadSummary; onSaved(): void }) {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const save = (change: Record<string, string | number | null>): void => {
    setError(null);
    api
      .call('leads.update', { lead: lead.id, ...change })
      .then(onSaved)
      .catch((e: Error) => setError(e.message));
  };
  const text = (name: 'owner' | 'product' | 'campaign', label: string) => (
    <label>
      {label}{' '}
      <input
        key={`${lead.id}-${lead[name] ?? ''}`}
        defaultValue={lead[name] ?? ''}
        onBlur={(e) => {
          const value = e.target.value.trim() || null;
          if (value !== lead[name]) save({ [name]: value });
        }}
      />
    </label>
  );
  return (
    <div className="lead-fields">
      {text('owner', t('leads.owner'))}
      <label>
        {t('leads.expectedValue')}{' '}
        <input
          key={`${lead.id}-${lead.expectedValue ?? ''}`}
          type="number"
          min={0}
          className="value"
          defaultValue={lead.expectedValue ?? ''}
          onBlur={(e) => {
            const value = e.target.value === '' ? null : Number(e.target.value);
            if (value !== lead.expectedValue && (value === null || Number.isFinite(value))) save({ value });
          }}
        />
      </label>
      <label>
        {t('leads.currency')}{' '}
        <input
          key={`${lead.id}-${lead.currency}`}
          className="currency"
          maxLength={3}
          defaultValue={lead.currency}
          onBlur={(e) => {
            const currency = e.target.value.trim().toUpperCase();
            if (currency !== lead.currency) save({ currency });
          }}
        />
      </label>
      {text('product', t('leads.product'))}
      {text('campaign', t('leads.campaign'))}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
