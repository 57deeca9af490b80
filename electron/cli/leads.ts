import { workspace } from './options';
import type { Client } from '../../shared/api/client';
import type { LeadSummary } from '../../shared/api/leads';
import { LEAD_STAGES, type LeadStage } from '../../shared/domain/vocabulary';
// Only functions and classes from commands.ts, used when a command runs: it imports this module in turn.
import { applied, BadInput, table, UsageError, type Command, type Values } from './commands';

const list = (raw: unknown): string[] =>
  typeof raw === 'string'
    ? raw
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean)
    : [];

/** Messages as scripts name them: by the id their file gave them. */
function externalIds(values: Values): string[] {
  const ids = list(values.messages);
  if (ids.length === 0) throw new UsageError('give --messages ID[,ID…] (the ids the messages had in their file)');
  return ids;
}

function leadNumber(raw: string | undefined): number {
  const lead = Number(raw);
  if (!Number.isInteger(lead) || lead < 1) throw new UsageError('give the number of a LEAD (see pulso leads)');
  return lead;
}

function stageOf(raw: string | undefined): LeadStage {
  if (!(LEAD_STAGES as readonly (string | undefined)[]).includes(raw))
    throw new BadInput(`the stage is one of ${LEAD_STAGES.join(', ')}`);
  return raw as LeadStage;
}

const optional = (values: Values, name: string): string | undefined =>
  typeof values[name] === 'string' ? (values[name] as string) : undefined;

async function printLeads(client: Client, values: Values, out: (line: string) => void): Promise<void> {
  const leads = await client.call('leads.list', {});
  if (values.json) {
    const detailed = await Promise.all(leads.map((lead) => client.call('leads.get', { lead: lead.id })));
    out(JSON.stringify(detailed.map(({ messageIds: _ids, ...lead }) => lead)));
    return;
  }
  const rows = leads.map((lead: LeadSummary) => ({ ...lead, value: lead.expectedValue ?? '' }));
  table(rows, ['id', 'stage', 'contact', 'company', 'messages', 'value', 'currency', 'deal']).forEach(out);
}

/** `pulso leads`: list, add, link messages, move through the stages. */
export const leadsCommand: Command = {
  summary: 'B2B leads: list them, add one from messages, link more messages, move it to a stage',
  usage: [
    'pulso leads [list] [--workspace W] [--json]',
    'pulso leads add --messages ID[,ID…] --contact NAME [--email E] [--company C] [--stage S] [--at YYYY-MM-DD] [--value V] [--currency EUR] [--owner O] [--product P] [--campaign C] [--deal CRM_ID] [--json]',
    'pulso leads link LEAD --messages ID[,ID…]',
    'pulso leads stage LEAD STAGE [--at YYYY-MM-DD]',
    'pulso leads set LEAD [--owner O] [--value V] [--currency EUR] [--product P] [--campaign C]   # "" clears one',
  ].join('\n       '),
  options: {
    ...workspace,
    messages: { type: 'string' },
    contact: { type: 'string' },
    email: { type: 'string' },
    company: { type: 'string' },
    stage: { type: 'string' },
    at: { type: 'string' },
    value: { type: 'string' },
    currency: { type: 'string' },
    owner: { type: 'string' },
    product: { type: 'string' },
    campaign: { type: 'string' },
    deal: { type: 'string' },
  },
  async run(client, values, positionals, io) {
    const [action = 'list', ...rest] = positionals;
    switch (action) {
      case 'list':
        await printLeads(client, values, io.out);
        return 0;
      case 'add': {
        const name = optional(values, 'contact');
        if (!name) throw new UsageError('give --contact NAME');
        const value = optional(values, 'value');
        if (value !== undefined && !Number.isFinite(Number(value)))
          throw new BadInput(`--value "${value}" is not a number`);
        const { lead } = applied(
          await client.call('leads.create', {
            externalIds: externalIds(values),
            name,
            email: optional(values, 'email'),
            company: optional(values, 'company'),
            stage: values.stage === undefined ? undefined : stageOf(optional(values, 'stage')),
            at: optional(values, 'at'),
            value: value === undefined ? undefined : Number(value),
            currency: optional(values, 'currency'),
            owner: optional(values, 'owner'),
            product: optional(values, 'product'),
            campaign: optional(values, 'campaign'),
            dealId: optional(values, 'deal'),
          }),
        );
        io.out(values.json ? JSON.stringify({ lead }) : `lead ${lead} added`);
        return 0;
      }
      case 'link': {
        const lead = leadNumber(rest[0]);
        const linked = applied(await client.call('leads.link', { lead, externalIds: externalIds(values) }));
        io.out(
          values.json
            ? JSON.stringify(linked)
            : `lead ${lead}: ${linked.linked} ${linked.linked === 1 ? 'message' : 'messages'} linked`,
        );
        return 0;
      }
      case 'stage': {
        const lead = leadNumber(rest[0]);
        const moved = applied(
          await client.call('leads.stage', { lead, stage: stageOf(rest[1]), at: optional(values, 'at') }),
        );
        io.out(
          values.json ? JSON.stringify(moved) : `lead ${lead}: ${moved.changed ? `now ${rest[1]}` : 'already there'}`,
        );
        return 0;
      }
      case 'set': {
        const lead = leadNumber(rest[0]);
        // An empty value clears the field; one not named stays as it is.
        const given = (name: string): string | null | undefined =>
          values[name] === undefined ? undefined : String(values[name]).trim() || null;
        const value = given('value');
        if (value !== undefined && value !== null && !Number.isFinite(Number(value)))
          throw new BadInput(`--value "${value}" is not a number`);
        applied(
          await client.call('leads.update', {
            lead,
            owner: given('owner'),
            value: value === undefined || value === null ? value : Number(value),
            currency: given('currency') ?? undefined,
            product: given('product'),
            campaign: given('campaign'),
          }),
        );
        io.out(values.json ? JSON.stringify({ lead }) : `lead ${lead} updated`);
        return 0;
      }
      default:
        throw new UsageError(`unknown action "${action}": use list, add, link, stage or set`);
    }
  },
};
