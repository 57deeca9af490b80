import { useState } from 'react';
import { api } from '../../api/client';
import { useApi } from '../../api/useApi';
import { useI18n } from '../../app/i18n';
import { RoleAndType, type ContactChange } from './ContactFields';
import { accountText } from '../../../../shared/domain/grid-text';

/**
 * The side panel's contact: who the message's author is (person, company, role, account type), editable; or a form
 * to mark the author as an identified contact.
 */
export function ContactCard({ message }: { message: number }) {
  const i18n = useI18n();
  const { t } = i18n;
  const found = useApi('contacts.ofMessage', { message }, { reloadOn: ['writes'] });
  const [error, setError] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [company, setCompany] = useState('');
  const save = async (call: () => Promise<unknown>): Promise<void> => {
    setError(null);
    try {
      await call();
      found.reload();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const data = found.data;
  if (!data) return null;
  const { contact, author } = data;
  const update = (change: ContactChange) =>
    contact && void save(() => api.call('contacts.update', { contact: contact.id, ...change }));
  return (
    <section className="contact-card" aria-label={t('contacts.title')}>
      <h3>{t('contacts.title')}</h3>
      {contact ? (
        <>
          <p>
            <strong data-testid="contact-name">{contact.name}</strong>
            {contact.company && ` · ${contact.company}`}
          </p>
          <div className="fields">
            <RoleAndType contact={contact} onChange={update} />
          </div>
          <p className="meta">
            {contact.accounts.map((account) => accountText(account.source, account.handle, i18n)).join(' · ')}
          </p>
        </>
      ) : (
        <form
          className="fields"
          onSubmit={(e) => {
            e.preventDefault();
            if (name.trim())
              void save(() =>
                api.call('contacts.identify', {
                  author: author.authorId,
                  name: name.trim(),
                  ...(company.trim() ? { company: company.trim() } : {}),
                }),
              );
          }}
        >
          <input
            aria-label={t('contacts.name')}
            placeholder={t('contacts.name')}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
          <input
            aria-label={t('contacts.company')}
            placeholder={t('contacts.company')}
            value={company}
            onChange={(e) => setCompany(e.target.value)}
          />
          <button type="submit" disabled={!name.trim()}>
            {t('contacts.identify')}
          </button>
        </form>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
