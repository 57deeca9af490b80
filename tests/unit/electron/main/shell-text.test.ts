import { describe, expect, it } from 'vitest';
import { StoreRefused } from '../../../../db/open';
import { createShellLanguage, errorText, fileFilters, menuTemplate } from '../../../../electron/main/shell-text';
import { createTranslator } from '../../../../shared/i18n';

const spanish = createTranslator('es', 'UTC').t;
const english = createTranslator('en', 'UTC').t;
const actions = {
  openWorkspace: () => undefined,
  newWorkspace: () => undefined,
  openDemo: () => undefined,
  backUp: () => undefined,
};

describe("the shell's own words, in the workspace's language or else the OS's", () => {
  it('names the menu and its workspace items in Spanish on a Spanish system, English otherwise', () => {
    const labels = (t: typeof spanish): unknown =>
      menuTemplate(actions, false, t).map((item) => [
        item.label ?? item.role,
        Array.isArray(item.submenu) ? item.submenu.map((sub) => sub.label ?? sub.role ?? sub.type) : [],
      ]);
    expect(labels(spanish)).toEqual([
      [
        'Archivo',
        [
          'Abrir espacio de trabajo…',
          'Nuevo espacio de trabajo…',
          'Abrir el espacio de demostración',
          'separator',
          'Hacer una copia de seguridad…',
          'separator',
          'quit',
        ],
      ],
      ['editMenu', []],
      ['Ver', ['reload', 'separator', 'resetZoom', 'zoomIn', 'zoomOut', 'separator', 'togglefullscreen']],
      ['windowMenu', []],
    ]);
    expect(menuTemplate(actions, true, english)[0]?.label).toBe('File');
    // The developer tools only in development.
    expect(JSON.stringify(menuTemplate(actions, true, english))).toContain('toggleDevTools');
  });

  it("offers each dialog's files by a name in the language", () => {
    expect(fileFilters(spanish).reportPptx).toEqual([{ name: 'Presentación de PowerPoint', extensions: ['pptx'] }]);
    expect(fileFilters(spanish).workspace).toEqual([{ name: 'Espacio de trabajo de Pulso', extensions: ['pulso'] }]);
    expect(fileFilters(english).gridExport.map((filter) => filter.name)).toEqual(['Excel workbook', 'CSV']);
    expect(fileFilters(english).backup).toEqual([{ name: 'Pulso workspace', extensions: ['pulso'] }]);
  });

  it('says a refused workspace in the language, and any other error as the back end said it', () => {
    const refused = new StoreRefused({ refusal: 'workspace-not-ours', path: '/tmp/x.db' });
    expect(errorText(refused, spanish)).toBe(
      '/tmp/x.db es una base de datos SQLite, pero no un espacio de trabajo de Pulso.',
    );
    expect(errorText(refused, english)).toBe('/tmp/x.db is a SQLite database but not a Pulso workspace.');
    expect(errorText(new Error('disk I/O error'), spanish)).toBe('disk I/O error');
  });

  it("speaks the workspace's chosen language over the OS's, and builds the menu again only when it changes", () => {
    const menus: string[] = [];
    const shell = createShellLanguage(
      () => 'en-US',
      (t) => menus.push(String(menuTemplate(actions, false, t)[0]?.label)),
    );
    shell.start();
    shell.start();
    expect(menus).toEqual(['File']);
    // A workspace in Spanish opens on an English system; then the user turns the window to English, then to the OS's.
    shell.follow('es');
    expect(shell.t('shell.openDemo')).toBe('Abrir el espacio de demostración');
    shell.follow('es');
    shell.follow('en');
    shell.follow(null);
    expect(menus).toEqual(['File', 'Archivo', 'File']);
    // A workspace that says its language before the first menu is built: the OS's is never shown.
    const early: string[] = [];
    const second = createShellLanguage(
      () => 'en-GB',
      (t) => early.push(t('shell.file')),
    );
    second.follow('es');
    second.start();
    expect(early).toEqual(['Archivo']);
  });
});
