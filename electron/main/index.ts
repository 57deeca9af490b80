import { app, BrowserWindow, dialog, ipcMain, Menu, shell } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createClient } from '../../shared/api/client';
import { openBackend, type Backend } from '../backend/backend';
import type { FilePurpose } from '../backend/runtime/context';
import { defaultWorkspacePath } from '../backend/runtime/defaults';
import { createDropHandler, createInvokeHandler, DROP_CHANNEL, EVENT_CHANNEL, INVOKE_CHANNEL } from './ipc';
import { createFileGrants } from './file-grants';
import { buildMenu } from './menu';
import { createShellLanguage, errorText, fileFilters, type MenuActions } from './shell-text';
import type { Settings } from '../../shared/api/contract';
import { APP_ENTRY, isTrustedPage, rendererDevServer, WEB_PREFERENCES } from './policy';
import { harden, registerAppScheme } from './security';
import { loadWindowState, trackWindowState } from './window-state';

// The dev server only when unpackaged: a packaged app never loads, nor trusts, another page.
const devServer = rendererDevServer(app.isPackaged, process.env);
registerAppScheme();
const resources = (...parts: string[]): string =>
  app.isPackaged ? join(process.resourcesPath, ...parts) : join(app.getAppPath(), ...parts);

// The Electron-ABI build of better-sqlite3 lives apart from node_modules' Node build (scripts/electron-native.mjs).
const storeOptions = () => ({
  migrationsFolder: resources(app.isPackaged ? 'migrations' : 'db/migrations'),
  nativeBinding: resources(app.isPackaged ? 'better_sqlite3.node' : '.electron-native/better_sqlite3.node'),
  chooseFile,
  revealFile: (path: string) => shell.showItemInFolder(path),
  openExternal: (url: string) => void shell.openExternal(url),
  fontFile: resources(app.isPackaged ? 'fonts/DejaVuSans.ttf' : 'resources/fonts/DejaVuSans.ttf'),
  workerDir: import.meta.dirname,
});

const menuActions: MenuActions = {
  openWorkspace: () => void chooseWorkspace('open'),
  newWorkspace: () => void chooseWorkspace('new'),
  openDemo: () => void switchWorkspace(join(app.getPath('userData'), 'demo.pulso'), true).catch(showError),
  backUp: () => void backUp().catch(showError),
};
/** The shell's own words (menu, dialogs' filters, error boxes): the workspace's language, else the OS's once ready. */
const shellLanguage = createShellLanguage(
  () => app.getLocale(),
  (say) => Menu.setApplicationMenu(buildMenu(menuActions, Boolean(devServer), say)),
);
const t = shellLanguage.t;

/** The OS dialogs behind files.choose and charts.save: the renderer never names a path itself. */
async function chooseFile(purpose: FilePurpose, suggestedName?: string): Promise<string | null> {
  const filters = fileFilters(t)[purpose];
  const result =
    purpose === 'import' || purpose === 'logo'
      ? (await dialog.showOpenDialog({ filters, properties: ['openFile'] })).filePaths[0]
      : (await dialog.showSaveDialog({ filters, ...(suggestedName ? { defaultPath: suggestedName } : {}) })).filePath;
  return result || null;
}

/** Set as soon as the first workspace starts opening: calls from the window wait for it. */
let backend: Promise<Backend> | null = null;
let window: BrowserWindow | null = null;

/**
 * Opens a workspace; a file that does not exist yet is filled with the demo, as a job the window
 * shows with its progress (the grid fills when it is done).
 */
async function switchWorkspace(path: string, withDemo: boolean): Promise<void> {
  const isNew = !existsSync(path);
  let opened: Backend;
  if (backend) {
    opened = await backend;
    await opened.open(path);
  } else {
    backend = openBackend(path, storeOptions());
    opened = await backend;
    opened.onEvent((event) => window?.webContents.send(EVENT_CHANNEL, event));
  }
  const client = createClient(opened);
  if (isNew && withDemo) void client.runJob('demo.create', {});
  shellLanguage.follow((await client.call('settings.get', {})).language);
}

const showError = (error: unknown): void => dialog.showErrorBox('Pulso', errorText(error, t));

function createWindow(): void {
  const state = loadWindowState(app.getPath('userData'));
  window = new BrowserWindow({
    ...state,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Pulso',
    webPreferences: { ...WEB_PREFERENCES, preload: join(import.meta.dirname, '../preload/index.cjs') },
  });
  if (state.maximized) window.maximize();
  trackWindowState(window, app.getPath('userData'));
  window.once('ready-to-show', () => window?.show());
  if (devServer) void window.loadURL(devServer);
  else void window.loadURL(APP_ENTRY);
}

async function chooseWorkspace(kind: 'open' | 'new'): Promise<void> {
  const filters = fileFilters(t).workspace;
  const path =
    kind === 'open'
      ? (await dialog.showOpenDialog({ filters, properties: ['openFile'] })).filePaths[0]
      : (await dialog.showSaveDialog({ filters, defaultPath: 'workspace.pulso' })).filePath;
  if (!path) return;
  await switchWorkspace(path, false).catch(showError);
}

/** File ▸ Back Up Workspace…: a copy into the file the user names, its progress in the window's jobs bar. */
async function backUp(): Promise<void> {
  if (!backend) return;
  const opened = await backend;
  const path = await chooseFile('backup', `${t('backup.fileName')} ${new Date().toISOString().slice(0, 10)}.pulso`);
  if (!path) return;
  const end = await createClient(opened).runJob('workspace.backup', { path });
  if (end.state === 'finished') {
    const size = shellLanguage.number(end.result.bytes / 1_000_000, 1);
    await dialog.showMessageBox({ message: t('backup.done', { file: end.result.name, size }) });
  } else if (end.state === 'failed') showError(end); // its problem, else its message
}

// The window first, then the workspace: upgrading one from an earlier Pulso takes seconds, in a
// worker, while the window says it is opening.
app
  .whenReady()
  .then(async () => {
    harden(devServer, join(import.meta.dirname, '../renderer'));
    const opening = switchWorkspace(process.env.PULSO_WORKSPACE ?? defaultWorkspacePath(), true);
    const trusted = (url: string): boolean => isTrustedPage(url, devServer);
    const grants = createFileGrants();
    const invoke = createInvokeHandler(() => backend as Promise<Backend>, trusted, grants);
    ipcMain.handle(INVOKE_CHANNEL, async (event, name: unknown, given: unknown) => {
      const result = await invoke(event, name, given);
      // The user chose a language in the window: the menu follows it.
      if (name === 'settings.update' && result.ok) shellLanguage.follow((result.value as Settings).language);
      return result;
    });
    ipcMain.handle(DROP_CHANNEL, createDropHandler(trusted, grants));
    shellLanguage.start();
    createWindow();
    await opening;
  })
  .catch((error: unknown) => {
    dialog.showErrorBox(t('shell.cannotStart'), errorText(error, t));
    app.exit(1);
  });

app.on('window-all-closed', () => {
  void (backend ?? Promise.resolve(null))
    .then((opened) => opened?.close())
    .catch(() => undefined)
    .finally(() => app.quit());
});
