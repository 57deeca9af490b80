import { useState, type ReactNode } from 'react';
import type { CostEntry } from '../../../../shared/api/leads';
import { isPending } from '../../../../shared/api/envelope';
import { api } from '../../api/client';
import { useApi } from '../../api/useApi';
import { useI18n } from '../../app/i18n';
import { costEntryOf, fieldsOf, type Fields } from './figures';

interface Props {
  period: { from: string; to: string; label: string };
  /** What the entries covering the period come to now (one for other days may cover part of it). */
  cost: { total: number; currency: string } | null;
  onClose(): void;
  onSaved(): void;
}

/**
 * A quarter's cost model, the ROI's denominator, as `pulso costs set` enters it: what was entered for exactly its days,
 * edited and saved (replacing it); the total shown as it is typed.
 */
export function CostModel({ period, cost, onClose, onSaved }: Props) {
  const { t, number } = useI18n();
  const entry = useApi('costs.entry', { from: period.from, to: period.to });
  if (entry.data === undefined) return null;
  return (
    <CostForm
      key={JSON.stringify(entry.data)}
      entry={entry.data}
      period={period}
      cost={cost}
      onClose={onClose}
      onSaved={onSaved}
    >
      {entry.data === null && cost && (
        <p className="hint">{t('costs.covering', { total: number(cost.total), currency: cost.currency })}</p>
      )}
    </CostForm>
  );
}

function CostForm({
  entry,
  period,
  cost,
  onClose,
  onSaved,
  children,
}: Props & { entry: CostEntry | null; children?: ReactNode }) {
  const { t, number } = useI18n();
  const [fields, setFields] = useState(() => fieldsOf(entry, cost?.currency ?? 'EUR'));
  const [state, setState] = useState<'idle' | 'saving' | 'kept' | { error: string }>('idle');
  const figures = costEntryOf(fields);
  const total = figures && figures.cmHours * figures.cmRate + figures.agencyFee + figures.tools + figures.ads;
  const save = async (): Promise<void> => {
    if (!figures) return;
    setState('saving');
    try {
      const result = await api.call('costs.set', { from: period.from, to: period.to, ...figures });
      if (isPending(result)) setState('kept');
      else onSaved();
    } catch (e) {
      setState({ error: (e as Error).message });
    }
  };
  const input = (name: keyof Fields, label: string, extra: { hint?: string; className?: string } = {}) => (
    <label title={extra.hint}>
      {label}{' '}
      <input
        inputMode={name === 'currency' ? 'text' : 'decimal'}
        className={extra.className}
        value={fields[name]}
        maxLength={name === 'currency' ? 3 : 16}
        onChange={(e) =>
          setFields({
            ...fields,
            [name]: name === 'currency' ? e.target.value.toUpperCase().replace(/[^A-Z]/g, '') : e.target.value,
          })
        }
      />
    </label>
  );
  return (
    <form
      className="leg-form"
      aria-label={t('costs.title', { period: period.label })}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <h3>{t('costs.title', { period: period.label })}</h3>
      {children}
      <div className="fields">
        {input('cmHours', t('costs.cmHours'))}
        {input('cmRate', t('costs.cmRate'))}
        {input('agencyFee', t('costs.agencyFee'))}
        {input('agencySharePct', t('costs.agencyShare'), { hint: t('costs.agencyShareHint') })}
        {input('tools', t('costs.tools'))}
        {input('ads', t('costs.ads'))}
        {input('currency', t('costs.currency'), { className: 'currency' })}
      </div>
      <p data-testid="cost-total" className={figures ? undefined : 'error'} role={figures ? undefined : 'alert'}>
        {total === null ? t('costs.invalid') : t('costs.total', { total: number(total), currency: fields.currency })}
      </p>
      <div className="actions">
        <button className="primary" type="submit" disabled={!figures || state === 'saving'}>
          {t('costs.save')}
        </button>{' '}
        <button type="button" onClick={onClose}>
          {t('costs.cancel')}
        </button>
        {state === 'kept' && <span role="status"> {t('costs.kept')}</span>}
        {typeof state === 'object' && (
          <span className="error" role="alert">
            {' '}
            {state.error}
          </span>
        )}
      </div>
    </form>
  );
}
