import { writeFile } from 'node:fs/promises';
import { defineHandlers } from '../runtime/define-handlers';

export const chartHandlers = defineHandlers({
  'charts.save': async ({ format, name, data }, { options }) => {
    if (!options.chooseFile) throw new Error('No file dialog here');
    const path = await options.chooseFile(format === 'png' ? 'chartPng' : 'chartSvg', `${name}.${format}`);
    if (path === null) return { path: null, bytes: 0 };
    const bytes = format === 'png' ? Buffer.from(data.slice(data.indexOf(',') + 1), 'base64') : Buffer.from(data, 'utf8');
    await writeFile(path, bytes);
    return { path, bytes: bytes.length };
  },
});
