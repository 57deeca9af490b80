import { workspace } from './options';
import { ASSIGN_MODES, CASE_PRIORITIES, type AssignMode, type CasePriority } from '../../shared/api/cases';
import { parseDuration } from '../../shared/domain/sla';
import { CASE_STATUSES, type CaseStatus } from '../../shared/domain/vocabulary';
// Only functions and classes from commands.ts, used when a command runs: it imports this module in turn.
import { applied, BadInput, day, oneOf, table, UsageError, type Command, type Values } from './commands';

const text = (values: Values, name: string): string | undefined =>
  typeof values[name] === 'string' ? (values[name] as string) : undefined;

/** A row's number as its list shows it (`what`: CASE, `list`: pulso cases). */
function listedNumber(raw: string | undefined, what: string, list: string): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new UsageError(`give the ${what} as its number (see ${list})`);
  return value;
}

const caseNumber = (raw: string | undefined): number => listedNumber(raw, 'CASE', 'pulso cases');

/** A policy or rule by its number or its exact name, as `list` (pulso sla, pulso route) shows them. */
function byNumberOrName(
  raw: string | undefined,
  rows: readonly { id: number; name: string }[],
  what: string,
  list: string,
): number {
  const named = rows.find((row) => row.name === raw);
  return named ? named.id : listedNumber(raw, what, list);
}

function minutes(values: Values, name: string, required: boolean): number | undefined {
  const raw = text(values, name);
  if (raw === undefined) {
    if (required) throw new UsageError(`give --${name} (e.g. 1h, 30m, 2d)`);
    return undefined;
  }
  const parsed = parseDuration(raw);
  if (parsed === null) throw new BadInput(`--${name} "${raw}" is not a duration: write 30m, 1h, 1h30m or 2d`);
  return parsed;
}

const at = (values: Values): { at?: string } => (text(values, 'at') ? { at: text(values, 'at') as string } : {});

/** `pulso cases`: list, open, answer, resolve, close, reopen and export the care desk's cases. */
export const casesCommand: Command = {
  summary: 'Care cases: list them with their SLA, open one from messages, answer, resolve, export per case',
  usage: [
    'pulso cases [list] [--status S] [--from D --to D] [--at TIME] [--workspace W] [--json]',
    `pulso cases open --messages ID[,ID…] [--type T] [--team T] [--assignee A] [--priority ${CASE_PRIORITIES.join('|')}] [--at TIME]`,
    'pulso cases add CASE --messages ID[,ID…] [--at TIME]',
    'pulso cases respond CASE [--text T] [--canned CODE] [--at TIME]',
    `pulso cases set CASE [--status ${CASE_STATUSES.join('|')}] [--type T] [--team T] [--assignee A] [--priority P]`,
    'pulso cases resolve|close|reopen CASE [--at TIME]',
    'pulso cases note CASE --text T',
    'pulso cases export --from D --to D --out cases.xlsx|cases.csv',
    '  (messages by their id in their file; TIME as 2026-07-03T16:30, in the workspace zone unless it has an offset)',
  ].join('\n       '),
  options: {
    ...workspace,
    status: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    at: { type: 'string' },
    messages: { type: 'string' },
    type: { type: 'string' },
    team: { type: 'string' },
    assignee: { type: 'string' },
    priority: { type: 'string' },
    text: { type: 'string' },
    canned: { type: 'string' },
    out: { type: 'string' },
  },
  async run(client, values, positionals, io) {
    const [action = 'list', ...rest] = positionals;
    const messages = (): string[] => {
      const ids = (text(values, 'messages') ?? '').split(',').map((id) => id.trim()).filter(Boolean); // prettier-ignore
      if (ids.length === 0) throw new UsageError('give --messages with the messages’ ids in their file');
      return ids;
    };
    const fields = {
      ...(text(values, 'type') ? { type: text(values, 'type') as string } : {}),
      ...(text(values, 'team') ? { department: text(values, 'team') as string } : {}),
      ...(text(values, 'assignee') ? { assignee: text(values, 'assignee') as string } : {}),
      ...(values.priority !== undefined ? { priority: oneOf<CasePriority>(values, 'priority', CASE_PRIORITIES) } : {}),
    };
    const done = (result: object, line: string): number => {
      io.out(values.json ? JSON.stringify(result) : line);
      return 0;
    };
    switch (action) {
      case 'list': {
        const status = oneOf<CaseStatus>(values, 'status', CASE_STATUSES);
        const list = await client.call('cases.list', {
          ...(status ? { status } : {}),
          ...(values.from !== undefined ? { from: day(values, 'from') } : {}),
          ...(values.to !== undefined ? { to: day(values, 'to') } : {}),
          ...at(values),
        });
        if (values.json) io.out(JSON.stringify(list));
        else
          table(
            list.map((c) => ({ ...c, sla: c.sla ? `${c.sla.state} (${c.sla.misses.length} missed)` : '' })),
            ['id', 'status', 'type', 'department', 'assignee', 'priority', 'openedAt', 'sla'],
          ).forEach(io.out);
        return 0;
      }
      case 'open': {
        const opened = applied(await client.call('cases.open', { externalIds: messages(), ...fields, ...at(values) }));
        return done(opened, `case ${opened.case} opened`);
      }
      case 'add': {
        const id = caseNumber(rest[0]);
        const added = applied(
          await client.call('cases.addMessages', { case: id, externalIds: messages(), ...at(values) }),
        );
        return done(added, `case ${id}: ${added.added} message(s) added`);
      }
      case 'respond': {
        const id = caseNumber(rest[0]);
        if (!text(values, 'text') && !text(values, 'canned')) throw new UsageError('give --text or --canned CODE');
        const reply = applied(
          await client.call('cases.respond', {
            case: id,
            ...(text(values, 'text') ? { text: text(values, 'text') as string } : {}),
            ...(text(values, 'canned') ? { canned: text(values, 'canned') as string } : {}),
            ...at(values),
          }),
        );
        for (const warning of reply.warnings) io.err(`warning: ${warning.message}`);
        return done(reply, `case ${id}: answered\n${reply.text}`);
      }
      case 'set':
      case 'resolve':
      case 'close':
      case 'reopen': {
        const id = caseNumber(rest[0]);
        const status =
          action === 'set'
            ? oneOf<CaseStatus>(values, 'status', CASE_STATUSES)
            : ({ resolve: 'resolved', close: 'closed', reopen: 'attended' } as const)[action];
        const changed = applied(
          await client.call('cases.update', { case: id, ...fields, ...(status ? { status } : {}), ...at(values) }),
        );
        return done(changed, `case ${id}: ${changed.changed} change(s)`);
      }
      case 'note': {
        const id = caseNumber(rest[0]);
        const note = text(values, 'text');
        if (!note) throw new UsageError('give the note as --text');
        return done(
          applied(await client.call('cases.note', { case: id, text: note, ...at(values) })),
          `case ${id}: noted`,
        );
      }
      case 'export': {
        const out = text(values, 'out');
        if (!out) throw new UsageError('give --out cases.xlsx or cases.csv');
        const written = await client.call('cases.export', {
          from: day(values, 'from'),
          to: day(values, 'to'),
          path: out,
        });
        return done(written, `${written.cases} cases written to ${written.file}`);
      }
      default:
        throw new UsageError(
          `unknown action "${action}": use list, open, add, respond, set, resolve, close, reopen, note or export`,
        );
    }
  },
};

/** `pulso sla`: the SLA policies (targets per case type, priority or team, in business hours when given). */
export const slaCommand: Command = {
  summary: 'SLA policies: list, add (first response, next response, resolution; business hours), refresh the states',
  usage: [
    'pulso sla [list] [--workspace W] [--json]',
    'pulso sla add --name N [--type T] [--priority P] [--team T] --first-response 1h [--next-response 2h] --resolution 24h',
    '              [--business-hours "mon-fri 09:00-18:00"] [--holidays 2026-04-03,2026-12-25]',
    'pulso sla refresh    # records the misses that came due',
    'pulso sla remove POLICY   # its number or name; its open cases are held to the next policy that fits',
  ].join('\n       '),
  options: {
    ...workspace,
    name: { type: 'string' },
    type: { type: 'string' },
    priority: { type: 'string' },
    team: { type: 'string' },
    'first-response': { type: 'string' },
    'next-response': { type: 'string' },
    resolution: { type: 'string' },
    'business-hours': { type: 'string' },
    holidays: { type: 'string' },
  },
  async run(client, values, positionals, io) {
    const [action = 'list'] = positionals;
    if (action === 'list') {
      const list = await client.call('sla.list', {});
      if (values.json) io.out(JSON.stringify(list));
      else table(list.map((row) => ({ ...row })), ['id', 'name', 'type', 'priority', 'department', 'firstResponseMinutes', 'nextResponseMinutes', 'resolutionMinutes', 'businessHours']).forEach(io.out); // prettier-ignore
      return 0;
    }
    if (action === 'refresh') {
      const result = applied(await client.call('sla.refresh', {}));
      io.out(values.json ? JSON.stringify(result) : `${result.cases} open cases, ${result.misses} misses`);
      return 0;
    }
    if (action === 'remove') {
      const policy = byNumberOrName(positionals[1], await client.call('sla.list', {}), 'POLICY', 'pulso sla');
      const result = applied(await client.call('sla.remove', { policy }));
      io.out(values.json ? JSON.stringify(result) : `policy ${policy} removed; ${result.cases} open cases rechecked`);
      return 0;
    }
    if (action !== 'add') throw new UsageError(`unknown action "${action}": use list, add, refresh or remove`);
    const name = text(values, 'name');
    if (!name) throw new UsageError('give the policy a --name');
    const next = minutes(values, 'next-response', false);
    const result = applied(
      await client.call('sla.add', {
        name,
        ...(text(values, 'type') ? { type: text(values, 'type') as string } : {}),
        ...(text(values, 'team') ? { department: text(values, 'team') as string } : {}),
        ...(values.priority !== undefined
          ? { priority: oneOf<CasePriority>(values, 'priority', CASE_PRIORITIES) }
          : {}),
        firstResponseMinutes: minutes(values, 'first-response', true) as number,
        ...(next !== undefined ? { nextResponseMinutes: next } : {}),
        resolutionMinutes: minutes(values, 'resolution', true) as number,
        ...(text(values, 'business-hours') ? { businessHours: text(values, 'business-hours') as string } : {}),
        holidays: (text(values, 'holidays') ?? '').split(',').map((d) => d.trim()).filter(Boolean), // prettier-ignore
      }),
    );
    io.out(
      values.json ? JSON.stringify(result) : `policy ${result.policy} added; ${result.cases} open cases rechecked`,
    );
    return 0;
  },
};

/** `pulso route`: routing rules (condition → team, type, priority, assignee). */
export const routeCommand: Command = {
  summary: 'Routing rules: list, add (a condition and what it sets), preview a condition, apply to unrouted cases',
  usage: [
    'pulso route [list] [--workspace W] [--json]',
    `pulso route add --name N --when "kind:complaint temp<=-1 source:twitter entity:X topic:Y contact vip words" [--team T]`,
    `                [--type T] [--priority P] [--assignee A | --assign ${ASSIGN_MODES.filter((m) => m !== 'fixed')
      .map((m) => m.replace('_', '-'))
      .join('|')}]`,
    'pulso route preview --when "…"',
    'pulso route apply',
    'pulso route team --team T --members A,B,C',
    'pulso route remove RULE   # its number or name; the cases it routed keep their team',
  ].join('\n       '),
  options: {
    ...workspace,
    name: { type: 'string' },
    when: { type: 'string' },
    team: { type: 'string' },
    type: { type: 'string' },
    priority: { type: 'string' },
    assignee: { type: 'string' },
    assign: { type: 'string' },
    members: { type: 'string' },
  },
  async run(client, values, positionals, io) {
    const [action = 'list'] = positionals;
    const print = (result: object, line: string): number => {
      io.out(values.json ? JSON.stringify(result) : line);
      return 0;
    };
    switch (action) {
      case 'list': {
        const list = await client.call('routing.list', {});
        if (values.json) io.out(JSON.stringify(list));
        else
          table(
            list.map((row) => ({ ...row })),
            ['id', 'name', 'when', 'department', 'type', 'priority', 'assignee', 'assign'],
          ).forEach(io.out);
        return 0;
      }
      case 'add': {
        const name = text(values, 'name');
        const when = text(values, 'when');
        if (!name || !when) throw new UsageError('give the rule a --name and a --when condition');
        const result = applied(
          await client.call('routing.add', {
            name,
            when,
            ...(text(values, 'team') ? { department: text(values, 'team') as string } : {}),
            ...(text(values, 'type') ? { type: text(values, 'type') as string } : {}),
            ...(text(values, 'assignee') ? { assignee: text(values, 'assignee') as string } : {}),
            ...(values.priority !== undefined
              ? { priority: oneOf<CasePriority>(values, 'priority', CASE_PRIORITIES) }
              : {}),
            ...(values.assign !== undefined
              ? { assign: (oneOf(values, 'assign', ['fixed', 'round-robin', 'least-loaded']) as string).replace('-', '_') as AssignMode } // prettier-ignore
              : {}),
          }),
        );
        return print(result, `rule ${result.rule} added`);
      }
      case 'preview': {
        const when = text(values, 'when');
        if (!when) throw new UsageError('give the --when condition to preview');
        const result = await client.call('routing.preview', { when });
        return print(result, `${result.matches} of ${result.open} open cases match (${result.cases.join(', ')})`);
      }
      case 'apply': {
        const result = applied(await client.call('routing.apply', {}));
        return print(result, `${result.routed} of ${result.cases} unrouted open cases routed`);
      }
      case 'team': {
        const team = text(values, 'team');
        if (!team) throw new UsageError('give the --team and its --members');
        const members = (text(values, 'members') ?? '').split(',').map((m) => m.trim()).filter(Boolean); // prettier-ignore
        const result = applied(await client.call('teams.set', { department: team, members }));
        return print(result, `${team}: ${result.members} members`);
      }
      case 'remove': {
        const rule = byNumberOrName(positionals[1], await client.call('routing.list', {}), 'RULE', 'pulso route');
        return print(applied(await client.call('routing.remove', { rule })), `rule ${rule} removed`);
      }
      default:
        throw new UsageError(`unknown action "${action}": use list, add, preview, apply, team or remove`);
    }
  },
};

/** `pulso canned`: canned replies by short code, per language and team. */
export const cannedCommand: Command = {
  summary: 'Canned replies: list them (with how often each was used), add or replace one by its code, remove one',
  usage: [
    'pulso canned [list] [--workspace W] [--json]',
    'pulso canned add CODE --text "Hola {nombre}, …" [--language es|en] [--team T]   # {nombre} {caso} {agente}',
    'pulso canned remove CODE   # off the list; the replies that used it keep it in their history',
  ].join('\n       '),
  options: {
    ...workspace,
    text: { type: 'string' },
    language: { type: 'string' },
    team: { type: 'string' },
  },
  async run(client, values, positionals, io) {
    const [action = 'list', code] = positionals;
    if (action === 'list') {
      const list = await client.call('canned.list', {});
      if (values.json) io.out(JSON.stringify(list));
      else
        table(
          list.map((row) => ({ ...row })),
          ['code', 'language', 'department', 'uses', 'text'],
        ).forEach(io.out);
      return 0;
    }
    if (action === 'remove') {
      if (!code) throw new UsageError('give the CODE of the canned reply to remove');
      const result = applied(await client.call('canned.remove', { code }));
      io.out(values.json ? JSON.stringify(result) : `canned reply /${code} removed`);
      return 0;
    }
    if (action !== 'add') throw new UsageError(`unknown action "${action}": use list, add or remove`);
    const body = text(values, 'text');
    if (!code || !body) throw new UsageError('give the CODE and its --text');
    const language = oneOf(values, 'language', ['es', 'en'] as const) ?? 'es';
    const result = applied(
      await client.call('canned.add', {
        code,
        text: body,
        language,
        ...(text(values, 'team') ? { department: text(values, 'team') as string } : {}),
      }),
    );
    io.out(values.json ? JSON.stringify(result) : `canned reply /${code} saved`);
    return 0;
  },
};
