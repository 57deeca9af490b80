import {
  authorContact,
  contactById,
  identifyAuthor,
  listContacts,
  mergeContacts,
  splitAccount,
  updateContact,
} from '../../../db/queries/contacts';
import type Database from 'better-sqlite3';
import type { Contact } from '../../../shared/api/contacts';
import { UNKNOWN_AUTHOR } from '../../../shared/domain/vocabulary';
import { notFound, NotFound, Refused } from '../runtime/context';
import { defineHandlers } from '../runtime/define-handlers';

function contact(sqlite: Database.Database, id: number): Contact {
  const found = contactById(sqlite, id);
  if (!found) throw notFound('contact', id);
  return found;
}

export const contactHandlers = defineHandlers({
  'contacts.list': ({ search }, { store }) => listContacts(store.sqlite, search),
  'contacts.ofMessage': ({ message }, { store }) => {
    const found = authorContact(store.sqlite, message);
    if (!found) throw notFound('message', message);
    return found;
  },
  'contacts.update': ({ contact: id, ...fields }, { store, writes }) =>
    writes.write(() => {
      contact(store.sqlite, id);
      updateContact(store.sqlite, id, fields);
      return contact(store.sqlite, id);
    }),
  'contacts.identify': ({ author, account, ...fields }, { store, writes }) =>
    writes.write(() => {
      const found = (
        account
          ? store.sqlite
              .prepare(
                `SELECT a.id, a.handle FROM authors a JOIN sources s ON s.id = a.source_id
                 WHERE s.code = ? AND (a.handle = ? OR a.handle = ?)`,
              )
              .get(account.source, account.handle, account.handle.replace(/^@/, ''))
          : store.sqlite.prepare('SELECT id, handle FROM authors WHERE id = ?').get(author)
      ) as { id: number; handle: string } | undefined;
      if (!found)
        throw account
          ? new NotFound({ refusal: 'account-not-found', handle: account.handle, source: account.source })
          : notFound('author', String(author));
      if (found.handle === UNKNOWN_AUTHOR) throw new Refused({ refusal: 'contact-no-author' });
      return contact(store.sqlite, identifyAuthor(store.sqlite, found.id, fields));
    }),
  'contacts.merge': ({ into, from }, { store, writes }) =>
    writes.write(() => {
      for (const id of [into, ...from]) contact(store.sqlite, id);
      mergeContacts(store.sqlite, into, from);
      return contact(store.sqlite, into);
    }),
  'contacts.split': ({ contact: id, author }, { store, writes }) =>
    writes.write(() => {
      const before = contact(store.sqlite, id);
      if (!before.accounts.some((account) => account.authorId === author))
        throw new Refused({
          refusal: 'contact-no-account',
          contact: String(id),
          name: before.name,
          account: String(author),
        });
      if (before.accounts.length === 1) throw new Refused({ refusal: 'contact-only-account', name: before.name });
      const made = splitAccount(store.sqlite, id, author);
      return { contact: contact(store.sqlite, id), split: contact(store.sqlite, made) };
    }),
});
