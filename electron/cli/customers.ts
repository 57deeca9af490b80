import { workspace } from './options';
import { IDEA_STATUSES, type IdeaStatus } from '../../shared/api/customers';
// Only functions and classes from commands.ts, used when a command runs: it imports this module in turn.
import { applied, BadInput, table, UsageError, type Command } from './commands';

/** `network:handle`, as people write an account (twitter:@marta_r). */
function account(raw: string | undefined): { source: string; handle: string } {
  const match = /^([a-z]+):(.+)$/.exec(raw ?? '');
  if (!match) throw new UsageError('name the person by one of their accounts, NETWORK:HANDLE (twitter:@marta_r)');
  return { source: match[1] as string, handle: match[2] as string };
}

const ids = (raw: string | undefined, what: string): number[] => {
  const list = (raw ?? '').split(',').map((id) => Number(id.trim()));
  if (list.length === 0 || list.some((id) => !Number.isInteger(id) || id < 1))
    throw new UsageError(`give ${what} as numbers separated by commas`);
  return list;
};

/** `pulso customers`: a person's whole story, a copy of their data, their erasure. */
export const customersCommand: Command = {
  summary: "A customer's whole story; a copy of everything about them (JSON); erasing them (data-protection law)",
  usage: [
    'pulso customers story NETWORK:HANDLE [--workspace W] [--json]',
    'pulso customers export NETWORK:HANDLE --out person.json',
    'pulso customers erase NETWORK:HANDLE --yes    # their identity and texts go; counts stay, anonymous',
  ].join('\n       '),
  options: {
    ...workspace,
    out: { type: 'string' },
    yes: { type: 'boolean' },
  },
  async run(client, values, positionals, io) {
    const [action, who] = positionals;
    const person = { account: account(who) };
    switch (action) {
      case 'story': {
        const story = await client.call('customers.story', person);
        if (values.json) io.out(JSON.stringify(story));
        else {
          io.out(`${story.name}${story.contact?.company ? ` (${story.contact.company})` : ''}`);
          io.out(`accounts: ${story.accounts.map((a) => `${a.source}:${a.handle}`).join(' ')}`);
          io.out(`messages: ${story.messages.total} (${story.messages.labeled} labeled), mood ${story.mood?.toFixed(1) ?? '—'}`); // prettier-ignore
          io.out(
            `cases: ${story.cases.length}, leads: ${story.leads.length}, influence ${story.influence.score.toFixed(2)}`,
          );
          table(story.topics.map((t) => ({ ...t, meanTemperature: t.meanTemperature?.toFixed(1) ?? '—' })), ['name', 'messages', 'meanTemperature']).forEach(io.out); // prettier-ignore
        }
        return 0;
      }
      case 'export': {
        if (typeof values.out !== 'string') throw new UsageError('give --out FILE.json');
        const written = await client.call('customers.export', { ...person, path: values.out });
        io.out(values.json ? JSON.stringify(written) : `${written.messages} messages and all the rest written to ${written.file}`); // prettier-ignore
        return 0;
      }
      case 'erase': {
        if (!values.yes) throw new BadInput(`erasing ${who} cannot be undone: add --yes`);
        const erased = applied(await client.call('customers.erase', person));
        io.out(values.json ? JSON.stringify(erased) : `erased: ${erased.authors} accounts, ${erased.messages} messages anonymized, ${erased.cases} cases and ${erased.leads} leads wiped${erased.contact ? ', the contact removed' : ''}`); // prettier-ignore
        return 0;
      }
      default:
        throw new UsageError('use story, export or erase');
    }
  },
};

/** `pulso ideas`: the ideas board (customers' suggestions grouped). */
export const ideasCommand: Command = {
  summary: "The ideas board: customers' suggestions grouped into ideas, votes, merging duplicates, status",
  usage: [
    'pulso ideas [list] [--workspace W] [--json]',
    'pulso ideas create --title T --messages ID[,ID…]     # messages by their id in the store',
    'pulso ideas merge INTO FROM[,FROM…]',
    `pulso ideas status IDEA ${IDEA_STATUSES.join('|')}`,
  ].join('\n       '),
  options: {
    ...workspace,
    title: { type: 'string' },
    messages: { type: 'string' },
  },
  async run(client, values, positionals, io) {
    const [action = 'list', first, second] = positionals;
    const print = (result: object, line: string): number => {
      io.out(values.json ? JSON.stringify(result) : line);
      return 0;
    };
    switch (action) {
      case 'list': {
        const board = await client.call('ideas.list', {});
        if (values.json) io.out(JSON.stringify(board));
        else {
          table(board.ideas.map((idea) => ({ ...idea, customers: `${idea.customers.slice(0, 4).map((c) => c.handle).join(' ')}${idea.customers.length > 4 ? ' …' : ''}` })), ['id', 'title', 'status', 'votes', 'messages', 'customers']).forEach(io.out); // prettier-ignore
          io.out(`${board.inbox.total} suggestions not grouped yet`);
        }
        return 0;
      }
      case 'create': {
        if (typeof values.title !== 'string') throw new UsageError('give the idea a --title');
        const made = applied(await client.call('ideas.create', { title: values.title, messageIds: ids(values.messages as string, '--messages') })); // prettier-ignore
        return print(made, `idea ${made.idea} created`);
      }
      case 'merge': {
        const [into] = ids(first, 'INTO');
        const merged = applied(await client.call('ideas.merge', { into: into as number, from: ids(second, 'FROM') }));
        return print(merged, `merged into idea ${merged.idea}`);
      }
      case 'status': {
        const [idea] = ids(first, 'the IDEA');
        if (!(IDEA_STATUSES as readonly string[]).includes(second ?? ''))
          throw new BadInput(`the status is one of ${IDEA_STATUSES.join(', ')}`);
        const set = applied(await client.call('ideas.status', { idea: idea as number, status: second as IdeaStatus }));
        return print(set, `idea ${set.idea}: ${set.status}`);
      }
      default:
        throw new UsageError('use list, create, merge or status');
    }
  },
};
