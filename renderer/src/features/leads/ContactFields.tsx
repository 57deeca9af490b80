import { ACCOUNT_TYPES, CONTACT_ROLES, type Contact } from '../../../../shared/api/contacts';
import type { MessageKey } from '../../../../shared/i18n';
import { useI18n } from '../../app/i18n';

export type ContactChange = Partial<Pick<Contact, 'name' | 'company' | 'email' | 'role' | 'accountType'>>;

/** A contact's role and account type as two choices, saved on change. */
export function RoleAndType({ contact, onChange }: { contact: Contact; onChange(change: ContactChange): void }) {
  const { t } = useI18n();
  return (
    <>
      <label>
        {t('contacts.role')}{' '}
        <select
          value={contact.role ?? ''}
          onChange={(e) => onChange({ role: (e.target.value || null) as Contact['role'] })}
        >
          <option value="">—</option>
          {CONTACT_ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`contacts.role.${role}` as MessageKey)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('contacts.accountType')}{' '}
        <select
          value={contact.accountType ?? ''}
          onChange={(e) => onChange({ accountType: (e.target.value || null) as Contact['accountType'] })}
        >
          <option value="">—</option>
          {ACCOUNT_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`contacts.accountType.${type}` as MessageKey)}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}
