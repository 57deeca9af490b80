import { useEffect, useRef, useState } from 'react';
import { isPending } from '../../../../shared/api/envelope';
import { api } from '../../api/client';
import { useI18n } from '../../app/i18n';

interface Props {
  messageIds: number[];
  /** The first message's author, the contact's name until the user gives one. */
  author: string;
  onDone(result: string | null): void;
}

/** A lead from the grid's selection (key L): its contact's name, company and email, and the deal's value. */
export function NewLeadDialog({ messageIds, author, onDone }: Props) {
  const { t, number } = useI18n();
  const [name, setName] = useState(author);
  const [company, setCompany] = useState('');
  const [email, setEmail] = useState('');
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => dialog.current?.showModal(), []);
  const create = async (): Promise<void> => {
    try {
      const result = await api.call('leads.create', {
        messageIds,
        name: name.trim(),
        ...(company.trim() ? { company: company.trim() } : {}),
        ...(email.trim() ? { email: email.trim() } : {}),
        ...(value.trim() ? { value: Number(value.replace(',', '.')) } : {}),
      });
      onDone(
        isPending(result)
          ? t('leads.kept')
          : t('leads.created', { lead: result.lead, count: number(messageIds.length) }),
      );
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <dialog ref={dialog} className="help lead-dialog" aria-label={t('leads.new')} onClose={() => onDone(null)}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <h2>{t('leads.new')}</h2>
        <p className="hint">{t('leads.fromMessages', { count: number(messageIds.length) })}</p>
        <label>
          {t('leads.contact')}
          <input autoFocus required value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          {t('leads.company')}
          <input value={company} onChange={(e) => setCompany(e.target.value)} />
        </label>
        <label>
          {t('leads.email')}
          <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label>
          {t('leads.value')}
          <input inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} />
        </label>
        {error && (
          <p className="warning" role="alert">
            {error}
          </p>
        )}
        <div className="actions">
          <button type="button" onClick={() => onDone(null)}>
            {t('import.cancel')}
          </button>
          <button className="primary" type="submit" disabled={!name.trim()}>
            {t('leads.create')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
