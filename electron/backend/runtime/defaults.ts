import { mkdirSync } from 'node:fs';
import { homedir, userInfo } from 'node:os';
import { join } from 'node:path';
import type { Store } from '../../../db/open';
import { loadSettings } from '../../../db/queries/settings';
import type { Settings } from '../../../shared/api/contract';
// Not shared/i18n's index: every thread that opens a workspace would load the UI's catalogs.
import { languageFor } from '../../../shared/i18n/fill';
import type { Language } from '../../../shared/domain/vocabulary';

/** What a new workspace starts with: the machine's time zone and user name (until the user gives theirs). */
export function systemSettings(): Settings {
  let annotator = 'analyst';
  try {
    annotator = userInfo().username || annotator;
  } catch {
    // Some sandboxes have no passwd entry; keep the generic name.
  }
  return {
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
    annotator,
    language: null,
    theme: 'system',
    annotatorChosen: false,
  };
}

/** The workspace's settings; one a new workspace lacks starts as the system's. */
export const workspaceSettings = (store: Store): Settings => loadSettings(store.db, systemSettings);

/** The language the back end writes reports in: the workspace's, else the system's (as the app's window does). */
export const workspaceLanguage = (settings: Pick<Settings, 'language'>): Language =>
  settings.language ?? languageFor(Intl.DateTimeFormat().resolvedOptions().locale);

/** The OS user-data folder Electron uses for "Pulso", so the CLI and the app agree. */
export function userDataFolder(): string {
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Pulso');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Pulso');
  return join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Pulso');
}

/** The default workspace, in the user-data folder, which is made the first time. */
export function defaultWorkspacePath(): string {
  mkdirSync(userDataFolder(), { recursive: true });
  return join(userDataFolder(), 'workspace.pulso');
}
