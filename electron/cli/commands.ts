import type { ParseArgsConfig } from 'node:util';
import { createClient, type Client } from '../../shared/api/client';
import type { Settings } from '../../shared/api/contract';
import { progressPrinter, type Io } from './io';

export type Values = Record<string, string | boolean | undefined>;

export interface Command {
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(client: Client, values: Values, positionals: string[], io: Io): Promise<number>;
}

/** Thrown for input the user can fix: exit code 1 with this one line. */
export class BadInput extends Error {}

const workspace = { workspace: { type: 'string' }, json: { type: 'boolean' } } as const;

function optionalNumber(values: Values, name: string): number | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (typeof raw !== 'string' || raw.trim() === '' || !Number.isFinite(value)) throw new BadInput(`--${name} must be a number, not "${String(raw)}"`);
  return value;
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
  settings: {
    summary: "Show or change the workspace's settings",
    usage: 'pulso settings [--workspace W] [--time-zone ZONE] [--annotator NAME] [--language es|en] [--json]',
    options: { ...workspace, 'time-zone': { type: 'string' }, annotator: { type: 'string' }, language: { type: 'string' } },
    async run(client, values, _positionals, io) {
      const patch = Object.fromEntries(
        ([['timeZone', 'time-zone'], ['annotator', 'annotator'], ['language', 'language']] as const)
          .filter(([, flag]) => values[flag] !== undefined)
          .map(([key, flag]) => [key, values[flag]]),
      ) as Partial<Settings>;
      const settings = Object.keys(patch).length > 0
        ? await client.call('settings.update', patch)
        : await client.call('settings.get', {});
      if (values.json) io.out(JSON.stringify(settings));
      else for (const [key, value] of Object.entries(settings)) io.out(`${key.padEnd(10)} ${value ?? '(system)'}`);
      return 0;
    },
  },
};

export { createClient };
