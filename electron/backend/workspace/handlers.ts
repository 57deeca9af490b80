import { renameSync, rmSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { backupInto, listBackups, nextBackupPath, pruneBackups } from '../../../db/backup';
import { saveSettings } from '../../../db/queries/settings';
import { ensureRollups } from '../../../db/queries/rollups';
import { countRows } from '../../../db/queries/workspace';
import { Refused } from '../runtime/context';
import { workspaceSettings } from '../runtime/defaults';
import { defineHandlers } from '../runtime/define-handlers';
import { checkCancelled } from '../runtime/jobs';
import { checkOutputPath, partialPath } from '../runtime/output-file';

export const workspaceHandlers = defineHandlers({
  'workspace.info': (_input, { store }) => ({
    path: store.path,
    schemaVersion: store.schemaVersion,
    counts: countRows(store.db),
  }),
  'workspace.backup': ({ path }, { store, jobs }) => {
    if (path !== undefined) {
      checkOutputPath(path, 'backup', { workspace: store.path });
      // A backup is opened as a workspace, and the file dialog to open one offers .pulso files.
      if (extname(path).toLowerCase() !== '.pulso')
        throw new Refused({ refusal: 'output-extension', file: basename(path), extension: '.pulso' });
    }
    const target = path ?? nextBackupPath(store.path);
    return {
      // On the app's own connection, so its labels during the copy are copied too (another connection's writes would
      // start the copy again); the event loop runs between its steps.
      jobId: jobs.start('backup', async ({ signal, progress }) => {
        const partial = partialPath(target);
        try {
          const bytes = await backupInto(store.sqlite, partial, (done, total) => {
            checkCancelled(signal);
            progress({ done, total });
          });
          // A copy done in one step hears no cancel until it is whole: it is not kept either.
          checkCancelled(signal);
          renameSync(partial, target);
          // Only the folder's own: a file the user named is theirs to keep.
          if (path === undefined) pruneBackups(store.path);
          return { path: target, name: basename(target), bytes };
        } finally {
          rmSync(partial, { force: true });
        }
      }),
    };
  },
  'workspace.backups': (_input, { store }) => listBackups(store.path),
  'settings.get': (_input, { store }) => workspaceSettings(store),
  'settings.update': (input, { store, writes }) =>
    writes.write(() => {
      saveSettings(store.db, input.annotator === undefined ? input : { ...input, annotatorChosen: true });
      const saved = workspaceSettings(store);
      // Another zone moves messages to other local days: the KPI roll-ups are counted again.
      if (input.timeZone !== undefined) ensureRollups(store.sqlite, saved.timeZone);
      return saved;
    }),
});
