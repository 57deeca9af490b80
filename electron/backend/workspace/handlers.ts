import { backupStore } from '../../../db/backup';
import { saveSettings } from '../../../db/queries/settings';
import { ensureRollups } from '../../../db/queries/rollups';
import { countRows } from '../../../db/queries/workspace';
import { workspaceSettings } from '../runtime/defaults';
import { defineHandlers } from '../runtime/define-handlers';

export const workspaceHandlers = defineHandlers({
  'workspace.info': (_input, { store }) => ({
    path: store.path,
    schemaVersion: store.schemaVersion,
    counts: countRows(store.db),
  }),
  'workspace.backup': (_input, { store }) => backupStore(store),
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
