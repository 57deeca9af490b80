import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { Refused } from '../runtime/context';
import { checkOutputPath, openOutputFile } from '../runtime/output-file';
import { defineHandlers } from '../runtime/define-handlers';

export const chartHandlers = defineHandlers({
  'charts.save': async ({ format, name, data }, { options, store }) => {
    if (!options.chooseFile) throw new Error('No file dialog here');
    const chosen = await options.chooseFile(format === 'png' ? 'chartPng' : 'chartSvg', `${name}.${format}`);
    if (chosen === null) return { path: null, bytes: 0 };
    checkOutputPath(chosen, 'chart', { workspace: store.path });
    // One extension, the format's, whatever the dialog gave back ("x", "x.png.png", "x.PNG").
    const path = `${chosen.replace(/(\.(png|svg))+$/i, '')}.${format}`;
    checkOutputPath(path, 'chart', { workspace: store.path });
    // The dialog asked before replacing what the user chose, not a file of the name the extension makes.
    if (path !== chosen && existsSync(path)) throw new Refused({ refusal: 'file-exists', file: basename(path) });
    const bytes =
      format === 'png' ? Buffer.from(data.slice(data.indexOf(',') + 1), 'base64') : Buffer.from(data, 'utf8');
    const out = openOutputFile(path);
    out.stream.write(bytes);
    await out.commit();
    return { path, bytes: bytes.length };
  },
});
