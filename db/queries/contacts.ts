import type Database from 'better-sqlite3';
import type { AuthorContact, Contact, ContactAccount } from '../../shared/api/contacts';

type Fields = Partial<Pick<Contact, 'name' | 'company' | 'email' | 'role' | 'accountType'>>;

const ACCOUNTS = `SELECT a.id AS authorId, s.code AS source, a.handle, a.name, ca.contact_id AS contact
  FROM contact_accounts ca JOIN authors a ON a.id = ca.author_id JOIN sources s ON s.id = a.source_id`;
const CONTACTS = `SELECT c.id, c.name, c.company, c.email, c.role, c.account_type AS accountType,
    (SELECT count(*) FROM leads l WHERE l.contact_id = c.id) AS leads
  FROM contacts c`;

function withAccounts(sqlite: Database.Database, rows: Omit<Contact, 'accounts'>[]): Contact[] {
  if (rows.length === 0) return [];
  const accounts = new Map<number, ContactAccount[]>();
  // One JSON list, not a variable an id: SQLite takes at most 32,766 variables a statement.
  for (const { contact, ...account } of sqlite
    .prepare(`${ACCOUNTS} WHERE ca.contact_id IN (SELECT value FROM json_each(?)) ORDER BY s.code, a.handle`)
    .all(JSON.stringify(rows.map((row) => row.id))) as (ContactAccount & { contact: number })[]) {
    const known = accounts.get(contact);
    if (known) known.push(account);
    else accounts.set(contact, [account]);
  }
  return rows.map((row) => ({ ...row, accounts: accounts.get(row.id) ?? [] }));
}

/** Contacts by name, company or email (any case), with their accounts and how many leads each has. */
export function listContacts(sqlite: Database.Database, search?: string): Contact[] {
  const rows = search
    ? sqlite
        .prepare(`${CONTACTS} WHERE c.name LIKE @q OR c.company LIKE @q OR c.email LIKE @q ORDER BY c.name, c.id`)
        .all({ q: `%${search}%` })
    : sqlite.prepare(`${CONTACTS} ORDER BY c.name, c.id`).all();
  return withAccounts(sqlite, rows as Omit<Contact, 'accounts'>[]);
}

export function contactById(sqlite: Database.Database, id: number): Contact | null {
  const row = sqlite.prepare(`${CONTACTS} WHERE c.id = ?`).get(id) as Omit<Contact, 'accounts'> | undefined;
  return row ? (withAccounts(sqlite, [row])[0] ?? null) : null;
}

/** A message's author and their contact; null when there is no such message. */
export function authorContact(sqlite: Database.Database, message: number): AuthorContact | null {
  const author = sqlite
    .prepare(
      `SELECT a.id AS authorId, s.code AS source, a.handle, a.name, ca.contact_id AS contact FROM messages m
       JOIN authors a ON a.id = m.author_id JOIN sources s ON s.id = a.source_id
       LEFT JOIN contact_accounts ca ON ca.author_id = a.id WHERE m.id = ?`,
    )
    .get(message) as (ContactAccount & { contact: number | null }) | undefined;
  if (!author) return null;
  const { contact, ...account } = author;
  return { author: account, contact: contact === null ? null : contactById(sqlite, contact) };
}

const COLUMNS: Record<keyof Fields, string> = {
  name: 'name',
  company: 'company',
  email: 'email',
  role: 'role',
  accountType: 'account_type',
};

export function updateContact(sqlite: Database.Database, id: number, fields: Fields): void {
  const set = (Object.keys(fields) as (keyof Fields)[]).filter((key) => fields[key] !== undefined);
  if (set.length === 0) return;
  sqlite
    .prepare(`UPDATE contacts SET ${set.map((key) => `${COLUMNS[key]} = @${key}`).join(', ')} WHERE id = @id`)
    .run({ ...Object.fromEntries(set.map((key) => [key, fields[key] ?? null])), id });
}

/** The author's contact, updated with `fields`; made (holding the author's account) when they have none. */
export function identifyAuthor(sqlite: Database.Database, author: number, fields: Fields & { name: string }): number {
  const existing = sqlite.prepare('SELECT contact_id FROM contact_accounts WHERE author_id = ?').pluck().get(author) as
    number | undefined;
  if (existing !== undefined) {
    updateContact(sqlite, existing, fields);
    return existing;
  }
  const contact = Number(
    sqlite
      .prepare('INSERT INTO contacts (name, company, email, role, account_type) VALUES (?, ?, ?, ?, ?)')
      .run(fields.name, fields.company ?? null, fields.email ?? null, fields.role ?? null, fields.accountType ?? null)
      .lastInsertRowid,
  );
  sqlite.prepare('INSERT INTO contact_accounts (author_id, contact_id) VALUES (?, ?)').run(author, contact);
  return contact;
}

/** Several contacts as one: their accounts and leads move to `into`, and they are removed. */
export function mergeContacts(sqlite: Database.Database, into: number, from: readonly number[]): void {
  const others = from.filter((id) => id !== into);
  const list = others.map(() => '?').join(', ');
  sqlite.prepare(`UPDATE contact_accounts SET contact_id = ? WHERE contact_id IN (${list})`).run(into, ...others);
  sqlite.prepare(`UPDATE leads SET contact_id = ? WHERE contact_id IN (${list})`).run(into, ...others);
  sqlite.prepare(`DELETE FROM contacts WHERE id IN (${list})`).run(...others);
}

/** One account out of a contact, to a contact of its own named as the account is; the new contact's id. */
export function splitAccount(sqlite: Database.Database, contact: number, author: number): number {
  const account = sqlite
    .prepare(
      `SELECT a.handle, a.name, c.company FROM contact_accounts ca JOIN authors a ON a.id = ca.author_id
       JOIN contacts c ON c.id = ca.contact_id WHERE ca.contact_id = ? AND ca.author_id = ?`,
    )
    .get(contact, author) as { handle: string; name: string | null; company: string | null } | undefined;
  if (!account) return 0;
  const made = Number(
    sqlite
      .prepare('INSERT INTO contacts (name, company) VALUES (?, ?)')
      .run(account.name ?? account.handle, account.company).lastInsertRowid,
  );
  sqlite.prepare('UPDATE contact_accounts SET contact_id = ? WHERE author_id = ?').run(made, author);
  return made;
}
