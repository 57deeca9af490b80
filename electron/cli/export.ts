import { workspace } from './options';
import { DEFAULT_GRID_PREFS, GRID_COLUMNS, type GridColumn } from '../../shared/api/grid';
import { SOURCES, type Source } from '../../shared/domain/vocabulary';
// Only functions and classes from commands.ts, used when a command runs: it imports this module in turn.
import { BadInput, day, UsageError, type Command } from './commands';
import { progressPrinter } from './io';

const list = (raw: unknown): string[] =>
  typeof raw === 'string' ? raw.split(',').map((part) => part.trim()).filter(Boolean) : []; // prettier-ignore

/** `pulso export`: the messages a filter selects, as the grid shows them, to .xlsx or .csv. */
export const exportCommand: Command = {
  summary:
    'Export messages (a period, networks, a search, unlabeled only) to .xlsx or .csv (for Excel), as the grid shows them',
  usage: `pulso export --out FILE.xlsx|FILE.csv [--from D] [--to D] [--source ${SOURCES.slice(0, 3).join(',')},…] [--search TEXT] [--unlabeled] [--columns ${GRID_COLUMNS.slice(0, 4).join(',')},…] [--workspace W] [--json]`,
  options: {
    ...workspace,
    out: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    source: { type: 'string' },
    search: { type: 'string' },
    unlabeled: { type: 'boolean' },
    columns: { type: 'string' },
  },
  async run(client, values, _positionals, io) {
    if (typeof values.out !== 'string') throw new UsageError('give --out FILE.xlsx or FILE.csv');
    const sources = list(values.source);
    const wrong = sources.filter((source) => !(SOURCES as readonly string[]).includes(source));
    if (wrong.length > 0) throw new BadInput(`--source ${wrong.join(', ')}: the networks are ${SOURCES.join(', ')}`);
    const columns = values.columns === undefined ? DEFAULT_GRID_PREFS.columns.map((c) => c.id) : list(values.columns);
    const unknown = columns.filter((column) => !(GRID_COLUMNS as readonly string[]).includes(column));
    if (unknown.length > 0)
      throw new BadInput(`--columns ${unknown.join(', ')}: the columns are ${GRID_COLUMNS.join(', ')}`);
    const end = await client.runJob(
      'messages.export',
      {
        path: values.out,
        columns: columns as GridColumn[],
        filter: {
          ...(values.from !== undefined ? { from: day(values, 'from') } : {}),
          ...(values.to !== undefined ? { to: day(values, 'to') } : {}),
          ...(sources.length > 0 ? { sources: sources as Source[] } : {}),
          ...(typeof values.search === 'string' ? { search: values.search } : {}),
          ...(values.unlabeled ? { temperatures: ['unlabeled' as const] } : {}),
        },
      },
      progressPrinter(io, 'export'),
    );
    if (end.state !== 'finished') throw new BadInput(end.message ?? `the export ${end.state}`);
    io.out(values.json ? JSON.stringify(end.result) : `${end.result.rows} messages written to ${end.result.path}`);
    return 0;
  },
};
