import { workspace } from './options';
import {
  ACCOUNT_TYPES,
  CONTACT_ROLES,
  type AccountType,
  type Contact,
  type ContactRole,
} from '../../shared/api/contacts';
// Only functions and classes from commands.ts, used when a command runs: it imports this module in turn.
import { applied, BadInput, oneOf, table, UsageError, type Command, type Values } from './commands';

/** The fields a command line gives: only those named (the rest stay as they are). */
function fields(values: Values) {
  const text = (name: string): string | undefined =>
    typeof values[name] === 'string' ? (values[name] as string) : undefined;
  return {
    ...(text('name') ? { name: text('name') as string } : {}),
    ...(text('company') !== undefined ? { company: text('company') || null } : {}),
    ...(text('email') !== undefined ? { email: text('email') || null } : {}),
    ...(values.role !== undefined ? { role: oneOf<ContactRole>(values, 'role', CONTACT_ROLES) } : {}),
    ...(values['account-type'] !== undefined
      ? { accountType: oneOf<AccountType>(values, 'account-type', ACCOUNT_TYPES) }
      : {}),
  };
}

/** `network:handle`, as people write an account (twitter:@marta_r). */
function account(raw: string | undefined): { source: string; handle: string } {
  const match = /^([a-z]+):(.+)$/.exec(raw ?? '');
  if (!match) throw new UsageError('name the account as NETWORK:HANDLE, e.g. twitter:@marta_r');
  return { source: match[1] as string, handle: match[2] as string };
}

const number = (raw: string | undefined, what: string): number => {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new UsageError(`give ${what} as a number (see pulso contacts)`);
  return value;
};

const show = (contact: Contact): string =>
  `contact ${contact.id}: ${contact.name}${contact.company ? ` (${contact.company})` : ''}, ${contact.accounts.map((a) => `${a.source}:${a.handle}`).join(' ') || 'no accounts'}`;

/** `pulso contacts`: identified people and companies, their role and account type; merge their accounts, split one. */
export const contactsCommand: Command = {
  summary: 'B2B contacts: list them, identify an author as one, set role and account type, merge and split accounts',
  usage: [
    'pulso contacts [list] [--search TEXT] [--workspace W] [--json]',
    'pulso contacts identify NETWORK:HANDLE --name N [--company C] [--email E] [--role R] [--account-type T]',
    `pulso contacts set CONTACT [--name N] [--company C] [--email E] [--role ${CONTACT_ROLES.join('|')}] [--account-type ${ACCOUNT_TYPES.join('|')}]`,
    'pulso contacts merge INTO FROM [FROM…]    # their accounts and leads move to INTO',
    'pulso contacts split CONTACT NETWORK:HANDLE',
  ].join('\n       '),
  options: {
    ...workspace,
    search: { type: 'string' },
    name: { type: 'string' },
    company: { type: 'string' },
    email: { type: 'string' },
    role: { type: 'string' },
    'account-type': { type: 'string' },
  },
  async run(client, values, positionals, io) {
    const [action = 'list', ...rest] = positionals;
    const print = (contact: Contact): void => io.out(values.json ? JSON.stringify(contact) : show(contact));
    switch (action) {
      case 'list': {
        const list = await client.call(
          'contacts.list',
          typeof values.search === 'string' ? { search: values.search } : {},
        );
        if (values.json) io.out(JSON.stringify(list));
        else
          table(
            list.map((c) => ({ ...c, accounts: c.accounts.map((a) => `${a.source}:${a.handle}`).join(' ') })),
            ['id', 'name', 'company', 'role', 'accountType', 'leads', 'accounts'],
          ).forEach(io.out);
        return 0;
      }
      case 'identify': {
        const given = fields(values);
        if (!given.name) throw new UsageError('give the contact a --name');
        print(
          applied(await client.call('contacts.identify', { account: account(rest[0]), ...given, name: given.name })),
        );
        return 0;
      }
      case 'set':
        print(
          applied(await client.call('contacts.update', { contact: number(rest[0], 'the CONTACT'), ...fields(values) })),
        );
        return 0;
      case 'merge': {
        const [into, ...from] = rest.map((raw) => number(raw, 'each CONTACT'));
        if (into === undefined || from.length === 0)
          throw new UsageError('give the contact to keep, then those to merge into it');
        print(applied(await client.call('contacts.merge', { into, from })));
        return 0;
      }
      case 'split': {
        const contact = number(rest[0], 'the CONTACT');
        const { source, handle } = account(rest[1]);
        const list = await client.call('contacts.list', {});
        const held = list
          .find((c) => c.id === contact)
          ?.accounts.find((a) => a.source === source && (a.handle === handle || a.handle === handle.replace(/^@/, '')));
        if (!held) throw new BadInput(`contact ${contact} has no account ${source}:${handle}`);
        const { split } = applied(await client.call('contacts.split', { contact, author: held.authorId }));
        print(split);
        return 0;
      }
      default:
        throw new UsageError(`unknown action "${action}": use list, identify, set, merge or split`);
    }
  },
};
