import { workspace } from './options';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import { createClient, type Client } from '../../shared/api/client';
import type { Settings } from '../../shared/api/contract';
import { isPending, type PendingWrite } from '../../shared/api/envelope';
import type { BatchUndoPreview, ImportRequest, TextEncoding } from '../../shared/api/import';
import { printInspection } from './inspect';
import { progressPrinter, type Io } from './io';
import { cannedCommand, casesCommand, routeCommand, slaCommand } from './care';
import { contactsCommand } from './contacts';
import { customersCommand, ideasCommand } from './customers';
import { exportCommand } from './export';
import { leadsCommand } from './leads';
import { reportCommand } from './report';
import { communityCommand } from './community';
import { backupCommand } from './backup';
import { presetsCommand } from './presets';
import { costsCommand, salesCommand } from './sales';
import { SOURCES } from '../../shared/domain/vocabulary';
import { daySchema } from '../../shared/api/day';

export type Values = Record<string, string | boolean | undefined>;

export interface Command {
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(client: Client, values: Values, positionals: string[], io: Io): Promise<number>;
}

/** Thrown for input the user can fix: exit code 1 with this one line. */
export class BadInput extends Error {}
/** A command given wrong: exit 2, with its usage. */
export class UsageError extends BadInput {}

/** A day option, YYYY-MM-DD: missing is a usage error, a day that is not one (2017-13-01) bad input. */
export function day(values: Values, name: string): string {
  const raw = values[name];
  if (typeof raw !== 'string' || raw.trim() === '') throw new UsageError(`give --${name} YYYY-MM-DD`);
  if (!daySchema.safeParse(raw).success) throw new BadInput(`--${name} "${raw}" is not a date (YYYY-MM-DD)`);
  return raw;
}

/** An option that takes one of a few words, if given. */
export function oneOf<T extends string>(values: Values, name: string, allowed: readonly T[]): T | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  if (!(allowed as readonly unknown[]).includes(raw)) throw new BadInput(`--${name} is one of ${allowed.join(', ')}`);
  return raw as T;
}

export function optionalNumber(values: Values, name: string): number | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (typeof raw !== 'string' || raw.trim() === '' || !Number.isFinite(value))
    throw new BadInput(`--${name} must be a number, not "${String(raw)}"`);
  return value;
}

export function readMapping(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new BadInput(`cannot read the mapping file ${path}: ${(error as Error).message}`);
  }
}

export function table(rows: Record<string, unknown>[], columns: string[]): string[] {
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c] ?? '').length)));
  const line = (values: string[]) => values.map((v, i) => v.padEnd(widths[i] as number)).join('  ');
  return [line(columns), ...rows.map((r) => line(columns.map((c) => String(r[c] ?? ''))))];
}

const splitRules = (text: unknown): string[] =>
  String(text ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);

async function runRematch(job: Promise<{ state: string; message?: string }>): Promise<void> {
  const last = await job;
  if (last.state !== 'finished') throw new BadInput(last.message ?? `rematch ${last.state}`);
}

/** `pulso entities …` and `pulso topics …`: the same list/add shape over their own rules. */
function rulesCommand(kind: 'entities' | 'topics'): Command {
  const rules = kind === 'entities' ? 'aliases' : 'keywords';
  return {
    summary: `List ${kind === 'entities' ? 'tracked entities' : 'topics'}, add/change one (rematches the workspace), rename or delete one`,
    usage: [
      kind === 'entities'
        ? 'pulso entities list [--workspace W] [--json] | pulso entities add --name NAME --role own|person|competitor --aliases "alias one, @handle, #tag" [--workspace W]'
        : 'pulso topics list [--workspace W] [--json] | pulso topics add --name NAME --keywords "word, two words, #tag" [--workspace W]',
      `pulso ${kind} rename --name NAME --to NEW [--workspace W] | pulso ${kind} delete --name NAME [--workspace W] (its matches go; the messages stay)`,
    ].join('\n       '),
    options: {
      ...workspace,
      name: { type: 'string' },
      to: { type: 'string' },
      [rules]: { type: 'string' },
      ...(kind === 'entities' ? { role: { type: 'string' } } : {}),
    },
    async run(client, values, positionals, io) {
      const action = positionals[0] ?? 'list';
      if (action === 'add') {
        const name = String(values.name ?? '');
        const job =
          kind === 'entities'
            ? client.runJob(
                'entities.save',
                { name, role: values.role as 'own', aliases: splitRules(values.aliases) },
                progressPrinter(io, 'rematch'),
              )
            : client.runJob(
                'topics.save',
                { name, keywords: splitRules(values.keywords) },
                progressPrinter(io, 'rematch'),
              );
        await runRematch(job);
      } else if (action === 'rename' || action === 'delete') {
        const listed =
          kind === 'entities' ? await client.call('entities.list', {}) : await client.call('topics.list', {});
        const target = listed.find((row) => row.name === values.name);
        if (!target)
          throw new BadInput(`no ${kind === 'entities' ? 'entity' : 'topic'} named "${String(values.name ?? '')}"`);
        if (action === 'rename') {
          if (!values.to) throw new UsageError('give the new name with --to');
          const input = { id: target.id, name: String(values.to) };
          await (kind === 'entities' ? client.call('entities.rename', input) : client.call('topics.rename', input));
        } else {
          const job = client.runJob(`${kind}.delete`, { id: target.id }, progressPrinter(io, 'delete'));
          const last = await job;
          if (last.state !== 'finished') throw new BadInput(last.message ?? `delete ${last.state}`);
          io.err(`deleted "${target.name}" and its ${last.result.messages.toLocaleString('en')} matches`);
        }
      } else if (action !== 'list') throw new BadInput(`unknown action "${action}": use list, add, rename or delete`);
      const list = (kind === 'entities'
        ? await client.call('entities.list', {})
        : await client.call('topics.list', {})) as unknown as Record<string, unknown>[];
      if (values.json) io.out(JSON.stringify(list));
      else {
        const rows = list.map((row) => ({ ...row, [rules]: (row[rules] as string[]).join(', ') }));
        table(rows, kind === 'entities' ? ['name', 'role', 'mentions', rules] : ['name', 'mentions', rules]).forEach(
          (line) => io.out(line),
        );
      }
      return 0;
    },
  };
}

/** The wizard's inspection of an import request, printed (or as JSON): what the import would do, nothing written. */
async function dryRun(client: Client, request: ImportRequest, json: boolean, io: Io): Promise<number> {
  const { rejectsPath: _rejects, ...asked } = request;
  const inspection = await client.call('import.inspect', asked);
  if (json) {
    io.out(JSON.stringify(inspection));
    return 0;
  }
  return printInspection(inspection, io) ? 0 : 1;
}

export const commands: Record<string, Command> = {
  demo: {
    summary: 'Fill an empty workspace with demo data',
    usage: 'pulso demo [--workspace W] [--messages N] [--seed S] [--json]',
    options: { ...workspace, messages: { type: 'string' }, seed: { type: 'string' } },
    async run(client, values, _positionals, io) {
      const input = { messages: optionalNumber(values, 'messages'), seed: optionalNumber(values, 'seed') };
      const last = await client.runJob('demo.create', input, progressPrinter(io, 'demo'));
      if (last.state !== 'finished') throw new BadInput(`Demo ${last.state}: ${last.message ?? ''}`.trim());
      io.out(values.json ? JSON.stringify(last.result) : `Demo workspace ready: ${JSON.stringify(last.result)}`);
      return 0;
    },
  },
  import: {
    summary: 'Import a CSV/TSV, XLSX, Access or JSON Lines file as one batch',
    usage:
      'pulso import FILE [--workspace W] [--preset NAME | --mapping FILE.json] [--sheet NAME] [--table NAME] [--password P] [--header-row N] [--encoding utf8|windows1252|utf16le|utf16be] [--date-order dmy|mdy] [--temperature-scale signed|five] [--source NETWORK] [--default-time DATE] [--rejects FILE] [--dry-run] [--json]\n       --dry-run: how the file would be read (columns, values, the first rows as stored, the cells that would refuse it), nothing written',
    options: {
      ...workspace,
      'dry-run': { type: 'boolean' },
      preset: { type: 'string' },
      mapping: { type: 'string' },
      sheet: { type: 'string' },
      table: { type: 'string' },
      'date-order': { type: 'string' },
      'temperature-scale': { type: 'string' },
      rejects: { type: 'string' },
      password: { type: 'string' },
      'header-row': { type: 'string' },
      encoding: { type: 'string' },
      source: { type: 'string' },
      'default-time': { type: 'string' },
    },
    async run(client, values, positionals, io) {
      if (positionals.length !== 1) throw new UsageError('give exactly one FILE to import');
      if (values.preset && values.mapping) throw new BadInput('give --preset or --mapping, not both');
      if (values.source !== undefined && !(SOURCES as readonly unknown[]).includes(values.source))
        throw new BadInput(`--source is one of ${SOURCES.join(', ')}`);
      const request: ImportRequest = {
        path: resolve(positionals[0] as string),
        part: (values.sheet ?? values.table) as string | undefined,
        password: values.password as string | undefined,
        headerRow: optionalNumber(values, 'header-row'),
        encoding: values.encoding as TextEncoding | undefined,
        preset: values.preset as string | undefined,
        mapping: values.mapping ? (readMapping(values.mapping as string) as never) : undefined,
        dateOrder: values['date-order'] as 'dmy' | 'mdy' | undefined,
        temperatureScale: values['temperature-scale'] as 'signed' | 'five' | undefined,
        rejectsPath: values.rejects ? resolve(values.rejects as string) : undefined,
        defaults:
          values.source || values['default-time']
            ? {
                source: values.source as never,
                postedAt: values['default-time'] as string | undefined,
              }
            : undefined,
      };
      if (values['dry-run']) return dryRun(client, request, Boolean(values.json), io);
      const last = await client.runJob('import.start', request, progressPrinter(io, 'import'));
      if (last.state !== 'finished') throw new BadInput(last.message ?? `import ${last.state}`);
      const summary = last.result;
      if (summary.implausibleDates > 0)
        io.err(
          `warning: ${summary.implausibleDates} row(s) dated before 1990 or more than a day ahead: check the file's dates`,
        );
      if (summary.sameFileAs.length > 0)
        io.err(`warning: this same file was imported before, as batch ${summary.sameFileAs.join(', ')}`);
      if (summary.headerRow === 0) io.err('note: the file has no header row: its columns are named A, B, C…');
      if (summary.descriptionRow)
        io.err(`note: row ${summary.descriptionRow} describes the columns, not a message: skipped`);
      for (const guess of summary.dropped)
        io.err(
          `warning: column "${guess.column}" looked like the ${guess.field} but its values are not (e.g. "${guess.example.slice(0, 40)}"): left out`,
        );
      if (values.json)
        io.out(
          JSON.stringify({
            batch: summary.batch,
            new: summary.new,
            duplicate: summary.duplicate,
            rejected: summary.rejected,
          }),
        );
      else {
        io.out(
          summary.new === 0 && summary.rejected === 0 && summary.duplicate > 0
            ? `batch ${summary.batch}: nothing new: all ${summary.duplicate.toLocaleString('en')} rows were already in the workspace`
            : `batch ${summary.batch}: ${summary.new} new, ${summary.duplicate} duplicate, ${summary.rejected} rejected of ${summary.rows} rows in ${summary.seconds.toFixed(1)} s`,
        );
        if (summary.rejectsPath && summary.rejected > 0)
          io.out(`rejected rows and their reasons: ${summary.rejectsPath}`);
      }
      return 0;
    },
  },
  batches: {
    summary: 'List import batches, newest first',
    usage: 'pulso batches [--workspace W] [--json]',
    options: workspace,
    async run(client, values, _positionals, io) {
      const batches = await client.call('import.batches', {});
      if (values.json) io.out(JSON.stringify(batches));
      else
        table(
          batches.map((b) => ({ ...b, importedAt: new Date(b.importedAt).toISOString() })),
          ['id', 'fileName', 'rowsNew', 'rowsDuplicate', 'rowsRejected', 'messages', 'importedBy', 'importedAt'],
        ).forEach((line) => io.out(line));
      return 0;
    },
  },
  'undo-import': {
    summary: 'Remove an import batch and what only it brought in (says what first; --yes to do it)',
    usage: 'pulso undo-import BATCH --yes [--workspace W] [--json]',
    options: { ...workspace, yes: { type: 'boolean' } },
    async run(client, values, positionals, io) {
      const batch = Number(positionals[0]);
      if (positionals.length !== 1 || !Number.isInteger(batch))
        throw new UsageError('give the number of one BATCH (see pulso batches)');
      if (!values.yes) {
        const preview = await client.call('import.undoPreview', { batch });
        io.out(values.json ? JSON.stringify(preview) : `batch ${batch} would be undone: ${undoFigures(preview)}`);
        io.err('nothing undone: give --yes to undo it');
        return 2;
      }
      const result = applied(await client.call('import.undo', { batch }));
      io.out(values.json ? JSON.stringify(result) : `batch ${result.batch} undone: ${undoFigures(result)}`);
      return 0;
    },
  },
  presets: presetsCommand,
  leads: leadsCommand,
  contacts: contactsCommand,
  cases: casesCommand,
  sla: slaCommand,
  route: routeCommand,
  canned: cannedCommand,
  customers: customersCommand,
  ideas: ideasCommand,
  export: exportCommand,
  sales: salesCommand,
  costs: costsCommand,
  community: communityCommand,
  report: reportCommand,
  entities: rulesCommand('entities'),
  topics: rulesCommand('topics'),
  kpis: {
    summary: 'Every KPI for a period (inclusive days in the workspace time zone), as the dashboard shows them',
    usage:
      'pulso kpis --from YYYY-MM-DD --to YYYY-MM-DD [--workspace W] [--sla-minutes N] [--window-days 180] [--half-life-days 7] [--json]',
    options: {
      ...workspace,
      from: { type: 'string' },
      to: { type: 'string' },
      'sla-minutes': { type: 'string' },
      'window-days': { type: 'string' },
      'half-life-days': { type: 'string' },
    },
    async run(client, values, _positionals, io) {
      const period = { from: day(values, 'from'), to: day(values, 'to') };
      const report = await client.call('kpis.get', { ...period, slaMinutes: optionalNumber(values, 'sla-minutes') });
      if (values.json) {
        // Scripts get the ROI leg beside the KPIs, as the three-legs screen shows them.
        const attribution = {
          windowDays: optionalNumber(values, 'window-days'),
          halfLifeDays: optionalNumber(values, 'half-life-days'),
        };
        io.out(JSON.stringify({ ...report, roi: await client.call('kpis.roi', { ...period, ...attribution }) }));
        return 0;
      }
      const pct = (value: number | null): string => (value === null ? '—' : `${(value * 100).toFixed(1)} %`);
      io.out(
        `${report.period.from} … ${report.period.to} (${report.period.timeZone}): ${report.totals.messages} messages, ${report.totals.labeled} labeled, net temperature ${pct(report.netTemperature)}`,
      );
      table(
        report.entities.map((e) => ({
          entity: e.name,
          role: e.role,
          mentions: e.mentions,
          sov: pct(e.shareOfVoice),
          net: pct(e.netTemperature),
          evangelists: e.evangelists,
          detractors: e.detractors,
        })),
        ['entity', 'role', 'mentions', 'sov', 'net', 'evangelists', 'detractors'],
      ).forEach((line) => io.out(line));
      io.out(
        `care: ${report.care.requested} requested, ${report.care.attended} attended, ${report.care.resolved} resolved, ${report.care.slaBreaches} SLA breaches, SLA hit rate ${percent(report.care.slaHitRate)}, canned replies ${percent(report.care.cannedShare)}`,
      );
      io.out(
        `users: ${report.users.happy} happy, ${report.users.unhappy} unhappy, ${report.users.unhappyToHappy} unhappy → happy, ${report.users.happyToUnhappy} happy → unhappy`,
      );
      return 0;
    },
  },
  info: {
    summary: 'Show the workspace file and its row counts per table',
    usage: 'pulso info [--workspace W] [--json]',
    options: workspace,
    async run(client, values, _positionals, io) {
      const info = await client.call('workspace.info', {});
      if (values.json) {
        io.out(JSON.stringify(info.counts));
        return 0;
      }
      io.out(`workspace: ${info.path} (schema ${info.schemaVersion})`);
      for (const [table, n] of Object.entries(info.counts)) io.out(`${table.padEnd(20)} ${n}`);
      return 0;
    },
  },
  backup: backupCommand,
  settings: {
    summary: "Show or change the workspace's settings",
    usage:
      'pulso settings [--workspace W] [--time-zone ZONE] [--annotator NAME] [--language es|en] [--theme system|light|dark] [--json]',
    options: {
      ...workspace,
      'time-zone': { type: 'string' },
      annotator: { type: 'string' },
      language: { type: 'string' },
      theme: { type: 'string' },
    },
    async run(client, values, _positionals, io) {
      const patch = Object.fromEntries(
        (
          [
            ['timeZone', 'time-zone'],
            ['annotator', 'annotator'],
            ['language', 'language'],
            ['theme', 'theme'],
          ] as const
        )
          .filter(([, flag]) => values[flag] !== undefined)
          .map(([key, flag]) => [key, values[flag]]),
      ) as Partial<Settings>;
      const settings =
        Object.keys(patch).length > 0
          ? applied(await client.call('settings.update', patch))
          : await client.call('settings.get', {});
      if (values.json) io.out(JSON.stringify(settings));
      else for (const [key, value] of Object.entries(settings)) io.out(`${key.padEnd(10)} ${value ?? '(system)'}`);
      return 0;
    },
  },
};

/** A write's result; the CLI waits for the write lock, so a write kept for later is a fault worth saying. */
function undoFigures(undo: BatchUndoPreview): string {
  const figures = [
    `${undo.messages} messages removed`,
    undo.labelsSince > 0 && `${undo.labelsSince} labels analysts gave them since`,
    undo.cases > 0 && `${undo.cases} cases`,
    undo.deals > 0 && `${undo.deals} CRM deals`,
    undo.dealsChanged > 0 && `${undo.dealsChanged} deals put back as they were`,
    undo.kept > 0 && `${undo.kept} kept (another batch brought them too)`,
  ];
  return figures.filter(Boolean).join(', ');
}

export function applied<T>(result: T | PendingWrite): T {
  if (isPending(result))
    throw new BadInput('the workspace is busy with another job; the change is kept and made when it ends');
  return result;
}

const percent = (value: number | null): string => (value === null ? '—' : `${(value * 100).toFixed(1)} %`);

export { createClient };
