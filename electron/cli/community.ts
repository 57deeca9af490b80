import { workspace } from './options';
import { SOURCES } from '../../shared/domain/vocabulary';
// Only functions and classes from commands.ts, used when a command runs: it imports this module in turn.
import { applied, day, oneOf, optionalNumber, table, UsageError, type Command } from './commands';

const FIGURES = ['followers', 'members', 'active-members'] as const;

/** `pulso community`: a channel's followers, members and active members by date (the community-health KPIs). */
export const communityCommand: Command = {
  summary: "A channel's followers, members and active members by date: the community-health KPIs and the deck's",
  usage: [
    'pulso community [list] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--workspace W] [--json]',
    'pulso community record --source twitter --channel @LumenMovil --date YYYY-MM-DD [--followers N] [--members N] [--active-members N]',
    "       the figures given replace that day's; the others stay",
    'pulso community remove ID',
  ].join('\n       '),
  options: {
    ...workspace,
    from: { type: 'string' },
    to: { type: 'string' },
    source: { type: 'string' },
    channel: { type: 'string' },
    date: { type: 'string' },
    ...Object.fromEntries(FIGURES.map((name) => [name, { type: 'string' as const }])),
  },
  async run(client, values, positionals, io) {
    const [action = 'list', id] = positionals;
    if (action === 'list') {
      const list = await client.call('community.list', {
        ...(values.from !== undefined ? { from: day(values, 'from') } : {}),
        ...(values.to !== undefined ? { to: day(values, 'to') } : {}),
      });
      if (values.json) io.out(JSON.stringify(list));
      else
        table(
          list.map((row) => ({ ...row })),
          ['id', 'source', 'channel', 'date', 'followers', 'members', 'activeMembers'],
        ).forEach(io.out);
      return 0;
    }
    if (action === 'remove') {
      const snapshot = Number(id);
      if (!Number.isInteger(snapshot) || snapshot < 1) throw new UsageError('give the ID (see pulso community list)');
      applied(await client.call('community.remove', { id: snapshot }));
      io.out(`community snapshot ${snapshot} removed`);
      return 0;
    }
    if (action !== 'record') throw new UsageError(`unknown action "${action}": use list, record or remove`);
    const source = oneOf(values, 'source', SOURCES);
    const channel = typeof values.channel === 'string' ? values.channel : undefined;
    if (!source || !channel) throw new UsageError('give the --source network and the --channel');
    const [followers, members, activeMembers] = FIGURES.map((name) => optionalNumber(values, name));
    const snapshot = applied(
      await client.call('community.record', {
        source,
        channel,
        date: day(values, 'date'),
        ...(followers !== undefined ? { followers } : {}),
        ...(members !== undefined ? { members } : {}),
        ...(activeMembers !== undefined ? { activeMembers } : {}),
      }),
    );
    io.out(
      values.json
        ? JSON.stringify(snapshot)
        : `${snapshot.source} ${snapshot.channel} on ${snapshot.date}: ${snapshot.followers ?? '—'} followers, ${snapshot.members ?? '—'} members, ${snapshot.activeMembers ?? '—'} active`,
    );
    return 0;
  },
};
