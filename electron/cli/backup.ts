import { workspace } from './options';
import { BACKUPS_KEPT } from '../../shared/api/contract';
// Only functions and classes from commands.ts, used when a command runs: it imports this module in turn.
import { BadInput, table, UsageError, type Command } from './commands';
import { progressPrinter } from './io';

const megabytes = (bytes: number): string => `${(bytes / 1_000_000).toFixed(1)} MB`;

/** `pulso backup`: a copy of the workspace as it is now (a nightly script's), and the backups made so. */
export const backupCommand: Command = {
  summary: 'Back up the workspace: a copy of it as it is now, opened as a workspace to go back to it; list the backups',
  usage: [
    'pulso backup [--to FILE.pulso] [--workspace W] [--json]',
    '       without --to, into the backups folder beside the workspace (WORKSPACE.backups), named by the time;',
    `       the folder keeps the ${BACKUPS_KEPT} latest`,
    'pulso backup list [--workspace W] [--json]   the backups in that folder, newest first',
  ].join('\n       '),
  options: { ...workspace, to: { type: 'string' } },
  async run(client, values, positionals, io) {
    const [action] = positionals;
    if (action === 'list') {
      const backups = await client.call('workspace.backups', {});
      if (values.json) io.out(JSON.stringify(backups));
      else if (backups.length === 0) io.out('no backups in the backups folder yet');
      else
        table(
          backups.map((b) => ({ written: new Date(b.at).toISOString(), size: megabytes(b.bytes), path: b.path })),
          ['written', 'size', 'path'],
        ).forEach(io.out);
      return 0;
    }
    if (action !== undefined) throw new UsageError(`unknown action "${action}": give none to back up, or list`);
    if (values.to !== undefined && (typeof values.to !== 'string' || values.to.trim() === ''))
      throw new UsageError('give --to FILE.pulso');
    const end = await client.runJob(
      'workspace.backup',
      typeof values.to === 'string' ? { path: values.to } : {},
      progressPrinter(io, 'backup'),
    );
    if (end.state !== 'finished') throw new BadInput(end.message ?? `the backup ${end.state}`);
    io.out(
      values.json ? JSON.stringify(end.result) : `backed up to ${end.result.path} (${megabytes(end.result.bytes)})`,
    );
    return 0;
  },
};
