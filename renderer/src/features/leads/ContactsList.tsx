import { useState } from 'react';
import { api } from '../../api/client';
import { useApi } from '../../api/useApi';
import { useI18n } from '../../app/i18n';
import { RoleAndType, type ContactChange } from './ContactFields';
import { accountText } from '../../../../shared/domain/grid-text';

/**
 * The contacts with their accounts: role and account type set in place, several checked merged into the first, and an
 * account split out to a contact of its own.
 */
export function ContactsList() {
  const i18n = useI18n();
  const { t, number } = i18n;
  const [search, setSearch] = useState('');
  const list = useApi('contacts.list', search.trim() ? { search: search.trim() } : {}, { reloadOn: ['writes'] });
  const [checked, setChecked] = useState<number[]>([]);
  const [error, setError] = useState<string | null>(null);
  const run = async (call: () => Promise<unknown>): Promise<void> => {
    setError(null);
    try {
      await call();
      list.reload();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const contacts = list.data ?? [];
  // In the order they were checked: the first one checked is kept, the others merged into it.
  const toMerge = checked.flatMap((id) => contacts.filter((c) => c.id === id));
  return (
    <div className="contacts-list">
      <div className="toolbar">
        <input
          type="search"
          aria-label={t('contacts.search')}
          placeholder={t('contacts.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <button
          disabled={toMerge.length < 2}
          onClick={() =>
            void run(async () => {
              const [into, ...from] = toMerge;
              if (into) await api.call('contacts.merge', { into: into.id, from: from.map((c) => c.id) });
              setChecked([]);
            })
          }
        >
          {toMerge.length < 2
            ? t('contacts.mergeHint')
            : t('contacts.merge', { count: toMerge.length, name: toMerge[0]?.name ?? '' })}
        </button>
        {error && (
          <span className="warning" role="alert">
            {error}
          </span>
        )}
      </div>
      <table aria-label={t('contacts.list')}>
        <thead>
          <tr>
            <th />
            <th>{t('contacts.name')}</th>
            <th>{t('contacts.company')}</th>
            <th>{t('contacts.roleAndType')}</th>
            <th>{t('contacts.accounts')}</th>
            <th>{t('contacts.leads')}</th>
          </tr>
        </thead>
        <tbody>
          {contacts.map((contact) => (
            <tr key={contact.id}>
              <td>
                <input
                  type="checkbox"
                  aria-label={t('contacts.check', { name: contact.name })}
                  checked={checked.includes(contact.id)}
                  onChange={(e) =>
                    setChecked((list) =>
                      e.target.checked ? [...list, contact.id] : list.filter((id) => id !== contact.id),
                    )
                  }
                />
              </td>
              <td>{contact.name}</td>
              <td>{contact.company ?? ''}</td>
              <td className="fields">
                <RoleAndType
                  contact={contact}
                  onChange={(change: ContactChange) =>
                    void run(() => api.call('contacts.update', { contact: contact.id, ...change }))
                  }
                />
              </td>
              <td>
                {contact.accounts.map((account) => {
                  const name = accountText(account.source, account.handle, i18n);
                  return (
                    <span key={account.authorId} className="account-chip">
                      {name}
                      {contact.accounts.length > 1 && (
                        <button
                          aria-label={t('contacts.split', { account: name })}
                          title={t('contacts.split', { account: name })}
                          onClick={() =>
                            void run(() =>
                              api.call('contacts.split', { contact: contact.id, author: account.authorId }),
                            )
                          }
                        >
                          ×
                        </button>
                      )}
                    </span>
                  );
                })}
              </td>
              <td className="number">{number(contact.leads)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {list.data && contacts.length === 0 && <p className="hint">{t('contacts.none')}</p>}
    </div>
  );
}
