import { workspace } from './options';
import { resolve } from 'node:path';
import type { DealSummary } from '../../shared/api/leads';
import type { PeriodCosts } from '../../shared/domain/roi';
// Only functions and classes from commands.ts, used when a command runs: it imports this module in turn.
import { applied, BadInput, readMapping, table, UsageError, type Command } from './commands';

const STATES = ['matched', 'ambiguous', 'unmatched'] as const;

/** A deals mapping file's columns: {"columns": {"dealId": "Opp #", …}}. */
function dealMapping(path: string): Record<string, string> {
  const mapping = readMapping(path) as { columns?: unknown };
  if (typeof mapping !== 'object' || mapping === null || typeof mapping.columns !== 'object' || !mapping.columns)
    throw new BadInput(`the mapping file ${path} has no "columns": {"dealId": "…", "amount": "…", "stage": "…"}`);
  return mapping.columns as Record<string, string>;
}

/** `pulso sales`: import a CRM's deals, list them (the unmatched and ambiguous to resolve), match one by hand. */
export const salesCommand: Command = {
  summary: 'Deals from the CRM: import an export, list them, match one to a lead by hand',
  usage: [
    'pulso sales import FILE [--sheet NAME] [--preset NAME | --mapping FILE.json [--save-preset NAME]] [--currency CODE] [--workspace W] [--json]   # {"batch","new","updated","matched","unmatched","ambiguous","currencyAssumed"}',
    "       --currency: of amounts whose rows name none (by default the cost model's, else the deals' before, else EUR)",
    '       a mapping file names the header of any field the headers do not say: {"columns": {"dealId": "Opp #", "amount": "Valor total"}}',
    'pulso sales [list] [--state matched|ambiguous|unmatched] [--workspace W] [--json]',
    'pulso sales match DEAL LEAD [--workspace W]',
  ].join('\n       '),
  options: {
    ...workspace,
    sheet: { type: 'string' },
    state: { type: 'string' },
    mapping: { type: 'string' },
    preset: { type: 'string' },
    'save-preset': { type: 'string' },
    currency: { type: 'string' },
  },
  async run(client, values, positionals, io) {
    const [action = 'list', ...rest] = positionals;
    switch (action) {
      case 'import': {
        if (rest.length !== 1) throw new UsageError('give exactly one FILE: the CRM export of deals');
        if (values.preset !== undefined && values.mapping !== undefined)
          throw new UsageError('give either --preset or --mapping, not both');
        const columns = typeof values.mapping === 'string' ? dealMapping(values.mapping) : undefined;
        if (typeof values['save-preset'] === 'string') {
          if (!columns) throw new UsageError('--save-preset saves the columns of a --mapping file');
          applied(await client.call('deals.savePreset', { name: values['save-preset'], columns }));
        }
        const summary = applied(
          await client.call('import.deals', {
            path: resolve(rest[0] as string),
            part: typeof values.sheet === 'string' ? values.sheet : undefined,
            ...(columns ? { columns } : {}),
            ...(typeof values.preset === 'string' ? { preset: values.preset } : {}),
            ...(typeof values.currency === 'string' ? { currency: values.currency.toUpperCase() } : {}),
          }),
        );
        const { file: _file, unchanged: _unchanged, ...figures } = summary;
        io.out(
          values.json
            ? JSON.stringify(figures)
            : `batch ${summary.batch}: ${summary.new} new (${summary.matched} matched, ${summary.ambiguous} ambiguous, ${summary.unmatched} unmatched), ${summary.updated} updated, ${summary.unchanged} unchanged` +
                (summary.currencyAssumed ? `; amounts naming no currency taken as ${summary.currencyAssumed}` : ''),
        );
        return 0;
      }
      case 'list': {
        const state = values.state;
        if (state !== undefined && !(STATES as readonly unknown[]).includes(state))
          throw new BadInput(`--state is one of ${STATES.join(', ')}`);
        const deals = await client.call('leads.deals', state ? { state: state as DealSummary['matchState'] } : {});
        if (values.json) io.out(JSON.stringify(deals));
        else
          table(
            deals.map((deal) => ({ ...deal, candidates: deal.candidates.join(' ') })),
            ['id', 'dealId', 'status', 'amount', 'currency', 'company', 'contact', 'matchState', 'lead', 'candidates'],
          ).forEach(io.out);
        return 0;
      }
      case 'match': {
        const [deal, lead] = rest.map(Number);
        if (!Number.isInteger(deal) || !Number.isInteger(lead)) throw new UsageError('give a DEAL and a LEAD number');
        applied(await client.call('leads.matchDeal', { deal: deal as number, lead: lead as number }));
        io.out(`deal ${deal} matched to lead ${lead} by hand`);
        return 0;
      }
      default:
        throw new UsageError(`unknown action "${action}": use import, list or match`);
    }
  },
};

const COST_OPTIONS = ['cm-hours', 'cm-rate', 'agency-fee', 'agency-share', 'tools', 'ads'] as const;
const camel = (name: string): string => name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

/** `pulso costs set|get`: the cost model of a period, the ROI's denominator. */
export const costsCommand: Command = {
  summary: "The social channel's costs for a period (community manager, agency, tools, ads): the ROI's cost",
  usage: [
    'pulso costs set --from YYYY-MM-DD --to YYYY-MM-DD [--cm-hours H --cm-rate R] [--agency-fee F --agency-share 0.4] [--tools T] [--ads A] [--currency EUR] [--workspace W] [--json]',
    "pulso costs get --from YYYY-MM-DD --to YYYY-MM-DD [--workspace W] [--json]   # the period's cost, and the entry made for exactly those days",
    "pulso costs import-ads REPORT.csv|xlsx [--sheet NAME] [--currency USD] [--date-order dmy|mdy] [--workspace W] [--json]   # an ads report's spend (Facebook Ads Manager's export) as the ads of the days it covers",
  ].join('\n       '),
  options: {
    ...workspace,
    from: { type: 'string' },
    to: { type: 'string' },
    currency: { type: 'string' },
    sheet: { type: 'string' },
    'date-order': { type: 'string' },
    ...Object.fromEntries(COST_OPTIONS.map((name) => [name, { type: 'string' as const }])),
  },
  async run(client, values, positionals, io) {
    const action = positionals[0];
    if (action === 'import-ads') {
      if (positionals.length !== 2) throw new UsageError('give exactly one REPORT: the ads report');
      const currency = typeof values.currency === 'string' ? values.currency.toUpperCase() : undefined;
      const spend = applied(
        await client.call('import.adSpend', {
          path: resolve(positionals[1] as string),
          part: typeof values.sheet === 'string' ? values.sheet : undefined,
          ...(currency ? { currency } : {}),
          ...(values['date-order'] === 'dmy' || values['date-order'] === 'mdy'
            ? { dateOrder: values['date-order'] }
            : {}),
        }),
      );
      io.out(
        values.json
          ? JSON.stringify(spend)
          : `${spend.file}: ${spend.ads.toFixed(2)} ${spend.currency} of ads from ${spend.from} to ${spend.to} (${spend.rows} rows)`,
      );
      return 0;
    }
    if (action !== 'set' && action !== 'get')
      throw new UsageError('use pulso costs set …, pulso costs get … or pulso costs import-ads REPORT');
    if (typeof values.from !== 'string' || typeof values.to !== 'string') throw new UsageError('give --from and --to');
    const period = { from: values.from, to: values.to };
    const said = (costs: PeriodCosts | null): string =>
      costs
        ? Object.entries(costs)
            .map(([k, v]) => `${k} ${typeof v === 'number' ? v.toFixed(2) : v}`)
            .join(', ')
        : 'no costs';
    if (action === 'get') {
      const [costs, entry] = [await client.call('costs.get', period), await client.call('costs.entry', period)];
      io.out(values.json ? JSON.stringify({ costs, entry }) : `${values.from} … ${values.to}: ${said(costs)}`);
      return 0;
    }
    const amounts: Record<string, number> = {};
    for (const name of COST_OPTIONS) {
      const raw = values[name];
      if (raw === undefined) continue;
      const value = Number(raw);
      if (typeof raw !== 'string' || raw.trim() === '' || !Number.isFinite(value))
        throw new BadInput(`--${name} must be a number, not "${String(raw)}"`);
      amounts[camel(name)] = value;
    }
    const currency = typeof values.currency === 'string' ? values.currency.toUpperCase() : undefined;
    const costs = applied(
      await client.call('costs.set', {
        ...period,
        ...amounts,
        ...(currency ? { currency } : {}),
      }),
    );
    io.out(values.json ? JSON.stringify(costs) : `${values.from} … ${values.to}: ${said(costs)}`);
    return 0;
  },
};
