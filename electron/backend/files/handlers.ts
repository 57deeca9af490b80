import { basename } from 'node:path';
import { defineHandlers } from '../runtime/define-handlers';

export const fileHandlers = defineHandlers({
  'files.choose': async ({ purpose, suggestedName }, { options }) => {
    if (!options.chooseFile) throw new Error('No file dialog here: pass the file path instead');
    const path = await options.chooseFile(purpose, suggestedName);
    return { path, name: path === null ? null : basename(path) };
  },
});
