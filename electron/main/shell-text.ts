import type { MenuItemConstructorOptions } from 'electron';
import { problemOf, problemText } from '../../shared/api/refusals';
import { createTranslator, languageFor, type Translator } from '../../shared/i18n';
import type { Language } from '../../shared/domain/vocabulary';
import type { FilePurpose } from '../backend/runtime/context';

export interface MenuActions {
  openWorkspace(): void;
  newWorkspace(): void;
  openDemo(): void;
  backUp(): void;
}

type Say = Translator['t'];

/**
 * The language the shell speaks (its menu, dialogs' filters, error boxes): the one the user chose in the workspace's
 * settings, as the window does; none chosen, the OS's. `onChange` hears each new one (the menu is built again), the
 * first included; `follow` is told the workspace's choice as a workspace opens and as its settings change.
 */
export function createShellLanguage(osLocale: () => string, onChange: (t: Say) => void) {
  let language: Language | null = null;
  let translator: Translator | null = null;
  const follow = (chosen: Language | null): void => {
    const next = chosen ?? languageFor(osLocale());
    if (next === language) return;
    language = next;
    translator = createTranslator(next, 'UTC');
    onChange(translator.t);
  };
  const current = (): Translator => {
    if (!translator) follow(null);
    return translator as Translator;
  };
  return {
    follow,
    /** Speaks the OS's language unless a workspace has already said its own (the first menu). */
    start: (): void => void current(),
    /** The shell's words now. */
    t: ((key, values) => current().t(key, values)) as Say,
    /** A number as the shell's language writes it (2,0 in Spanish). */
    number: (value: number, digits?: number): string => current().number(value, digits),
  };
}

/**
 * The app's menu. Its own items are said in the shell's language, as Electron says the roles' (Edit, Window) and the
 * OS its dialogs' in the OS's.
 */
export function menuTemplate(actions: MenuActions, isDev: boolean, t: Say): MenuItemConstructorOptions[] {
  return [
    {
      label: t('shell.file'),
      submenu: [
        { label: t('shell.openWorkspace'), accelerator: 'CmdOrCtrl+O', click: actions.openWorkspace },
        { label: t('shell.newWorkspace'), accelerator: 'CmdOrCtrl+N', click: actions.newWorkspace },
        { label: t('shell.openDemo'), click: actions.openDemo },
        { type: 'separator' },
        { label: t('shell.backUp'), click: actions.backUp },
        { type: 'separator' },
        { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: t('shell.view'),
      submenu: [
        { role: 'reload' },
        ...(isDev ? [{ role: 'toggleDevTools' } as const] : []),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ];
}

/** What the file dialogs offer for each purpose (files.choose, charts.save), and for a workspace. */
export function fileFilters(t: Say): Record<FilePurpose | 'workspace', { name: string; extensions: string[] }[]> {
  const workbook = { name: t('shell.filter.xlsx'), extensions: ['xlsx'] };
  const csv = { name: 'CSV', extensions: ['csv'] };
  return {
    import: [
      {
        name: t('shell.filter.import'),
        extensions: ['csv', 'tsv', 'txt', 'xlsx', 'mdb', 'accdb', 'jsonl', 'ndjson'],
      },
    ],
    rejects: [csv],
    chartPng: [{ name: t('shell.filter.png'), extensions: ['png'] }],
    chartSvg: [{ name: t('shell.filter.svg'), extensions: ['svg'] }],
    reportXlsx: [workbook],
    reportPptx: [{ name: t('shell.filter.pptx'), extensions: ['pptx'] }],
    logo: [{ name: t('shell.filter.logo'), extensions: ['png', 'jpg', 'jpeg'] }],
    casesExport: [workbook, csv],
    personJson: [{ name: 'JSON', extensions: ['json'] }],
    gridExport: [workbook, csv],
    backup: [{ name: t('shell.filter.workspace'), extensions: ['pulso'] }],
    workspace: [{ name: t('shell.filter.workspace'), extensions: ['pulso'] }],
  };
}

/** An error as the shell's error box says it: a refusal in the box's language, anything else as the back end said. */
export const errorText = (error: unknown, t: Say): string => {
  const problem = problemOf(error);
  return problem ? problemText(problem, t) : (error as Error).message;
};
