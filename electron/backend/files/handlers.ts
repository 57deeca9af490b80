import { defineHandlers } from '../runtime/define-handlers';

export const fileHandlers = defineHandlers({
  'files.choose': async ({ purpose, suggestedName }, { options }) => {
    if (!options.chooseFile) throw new Error('No file dialog here: pass the file path instead');
    return { path: await options.chooseFile(purpose, suggestedName) };
  },
});
