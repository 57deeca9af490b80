import { DEFAULT_GRID_PREFS, gridPrefsSchema } from '../../../shared/api/grid';
import { backupStore } from '../../../db/backup';
import { loadJsonSetting, saveJsonSetting, saveSettings } from '../../../db/queries/settings';
import { ensureRollups } from '../../../db/queries/rollups';
import { countRows } from '../../../db/queries/workspace';
import { messageDetail, messageSpan, pageMessages } from '../../../db/queries/messages';
import { labelHistory } from '../../../db/queries/labels';
import { workspaceSettings } from '../defaults';
import { NotFound, type Handlers } from '../context';

const GRID_PREFS = 'gridPrefs';

export const workspaceHandlers = {
  'workspace.info': (_input, { store }) => ({ path: store.path, schemaVersion: store.schemaVersion, counts: countRows(store.db) }),
  'workspace.backup': (_input, { store }) => backupStore(store),
  'settings.get': (_input, { store }) => workspaceSettings(store),
  'settings.update': (input, { store }) => {
    saveSettings(store.db, input);
    const saved = workspaceSettings(store);
    // Another zone moves messages to other local days: the KPI roll-ups are counted again.
    if (input.timeZone !== undefined) ensureRollups(store.sqlite, saved.timeZone);
    return saved;
  },
  'messages.page': (request, { store }) => pageMessages(store.sqlite, request, workspaceSettings(store).timeZone),
  'grid.prefs.get': (_input, { store }) => loadJsonSetting(store.db, GRID_PREFS, gridPrefsSchema, DEFAULT_GRID_PREFS),
  'grid.prefs.save': (patch, { store }) => {
    const next = { ...loadJsonSetting(store.db, GRID_PREFS, gridPrefsSchema, DEFAULT_GRID_PREFS), ...patch };
    saveJsonSetting(store.db, GRID_PREFS, next);
    return next;
  },
  'messages.count': ({ filter }, { store, reads }) => reads.read('count', filter ?? {}, workspaceSettings(store).timeZone),
  'messages.span': (_input, { store }) => messageSpan(store.sqlite, workspaceSettings(store).timeZone),
  'messages.detail': ({ id }, { store }) => {
    const detail = messageDetail(store.sqlite, id);
    if (!detail) throw new NotFound(`No message ${id}`);
    return { ...detail, history: labelHistory(store.sqlite, id) };
  },
} satisfies Partial<Handlers>;
