import { workspace } from './options';
// Only functions and classes from commands.ts, used when a command runs: it imports this module in turn.
import { applied, BadInput, readMapping, table, UsageError, type Command } from './commands';

/** `pulso presets`: the import presets `pulso import --preset` takes, the shipped ones and the workspace's own. */
export const presetsCommand: Command = {
  summary: "Import presets (a file's columns mapped to fields, by name): list them, show one's mapping, save one",
  usage: [
    'pulso presets [list] [--workspace W] [--json]',
    'pulso presets show NAME [--workspace W]   its mapping as JSON: a --mapping file, to edit and save again',
    'pulso presets save NAME --mapping FILE.json [--workspace W]   (a name taken by one of the workspace is replaced)',
  ].join('\n       '),
  options: { ...workspace, mapping: { type: 'string' } },
  async run(client, values, positionals, io) {
    const [action = 'list', name] = positionals;
    if (action === 'list') {
      const presets = await client.call('presets.list', {});
      if (values.json) io.out(JSON.stringify(presets));
      else
        table(
          presets.map((p) => ({
            name: p.name,
            from: p.builtin ? 'shipped' : 'workspace',
            columns: Object.entries(p.mapping.columns)
              .map(([field, column]) => `${field}=${column}`)
              .join(', '),
          })),
          ['name', 'from', 'columns'],
        ).forEach(io.out);
      return 0;
    }
    if (action !== 'show' && action !== 'save')
      throw new UsageError(`unknown action "${action}": use list, show or save`);
    if (!name) throw new UsageError(`give the preset's NAME: pulso presets ${action} NAME`);
    if (action === 'show') {
      const presets = await client.call('presets.list', {});
      const preset = presets.find((p) => p.name === name);
      if (!preset) throw new BadInput(`no preset named "${name}" (presets: ${presets.map((p) => p.name).join(', ')})`);
      io.out(JSON.stringify(preset.mapping, null, 2));
      return 0;
    }
    if (typeof values.mapping !== 'string') throw new UsageError('give --mapping FILE.json');
    const saved = applied(await client.call('presets.save', { name, mapping: readMapping(values.mapping) as never }));
    io.out(
      values.json ? JSON.stringify(saved) : `preset "${saved.name}" saved: pulso import FILE --preset "${saved.name}"`,
    );
    return 0;
  },
};
