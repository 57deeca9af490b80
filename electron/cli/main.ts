import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { StoreRefused } from '../../db/open';
import { ApiError } from '../../shared/api/envelope';
import { createBackend } from '../backend/backend';
import type { BackendOptions } from '../backend/runtime/context';
import { defaultWorkspacePath } from '../backend/runtime/defaults';
import { BadInput, commands, createClient, UsageError, type Values } from './commands';
import { processIo, type Io } from './io';

const CLI_LOCK_WAIT_MS = 10 * 60_000;

/**
 * Exit codes: 0 it worked, 1 bad input or a failed job, 2 bad usage. `host`: where the built workers, migrations and
 * font are (the built CLI, electron/cli/bin.ts); by default the sources'.
 */
export async function main(
  argv: string[],
  io: Io = processIo,
  host: Pick<BackendOptions, 'workerDir' | 'migrationsFolder' | 'fontFile'> = {},
): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(globalHelp());
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    io.err(`pulso: unknown command "${name}"\n${globalHelp()}`);
    return 2;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    io.err(`pulso ${name}: ${(error as Error).message}\nusage: ${command.usage}`);
    return 2;
  }
  const values = parsed.values as Values;
  if (values.help) {
    io.out(`${command.summary}\nusage: ${command.usage}`);
    return 0;
  }
  const given = (values.workspace as string | undefined) ?? (process.env.PULSO_WORKSPACE || undefined);
  if (given !== undefined && given.trim() === '') {
    io.err(`pulso ${name}: --workspace is empty: give the workspace file's path`);
    return 2;
  }
  const workspace = given ?? defaultWorkspacePath();
  const isNew = !existsSync(workspace);
  // A dry run writes nothing: where the workspace is not there yet, it looks at the file from a scratch one.
  const scratch = isNew && values['dry-run'] === true ? mkdtempSync(join(tmpdir(), 'pulso-dry-run-')) : null;
  try {
    // A script waits for a job of another process to let go of the workspace (the app keeps its writes instead).
    const backend = createBackend(scratch ? join(scratch, 'workspace.pulso') : workspace, {
      ...host,
      lockWaitMs: CLI_LOCK_WAIT_MS,
    });
    if (isNew && !scratch) io.err(`created a new workspace at ${resolve(workspace)}`);
    try {
      return await command.run(createClient(backend), values, parsed.positionals, io);
    } finally {
      await backend.close();
      if (scratch) rmSync(scratch, { recursive: true, force: true });
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`pulso ${name}: ${error.message}\nusage: ${command.usage}`);
      return 2;
    }
    if (error instanceof ApiError && error.code === 'invalid-input') {
      io.err(`pulso ${name}: ${error.issues.length > 0 ? asOptions(error.issues) : error.message}`);
      return 1;
    }
    if (error instanceof BadInput || error instanceof ApiError || error instanceof StoreRefused) {
      io.err(`pulso ${name}: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

/** A contract's complaints ("slaMinutes: too big") as the options a user typed ("--sla-minutes: too big"). */
function asOptions(issues: readonly string[]): string {
  return issues
    .map((issue) =>
      issue.replace(/^(\w+)(?=:)/, (field) => `--${field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`),
    )
    .join('; ');
}

function globalHelp(): string {
  const lines = Object.entries(commands).map(([name, command]) => `  ${name.padEnd(10)} ${command.summary}`);
  return [
    'usage: pulso <command> [options]   (pulso <command> --help for its options)',
    '',
    ...lines,
    '',
    'The workspace is --workspace PATH, else $PULSO_WORKSPACE, else the default in the user-data folder.',
  ].join('\n');
}
