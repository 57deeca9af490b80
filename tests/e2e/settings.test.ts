import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fingerprint, tempFolder } from '../helpers/files';
import { demoBackend, testBackend } from '../helpers/workspace';
import { closeBrowser, openApp, screenshotsAtSizes } from './harness';

afterAll(closeBrowser);

describe('settings (real renderer, real handlers)', () => {
  it('asks who labels on the first start, then keeps name, zone, language and theme in the workspace', async () => {
    const { backend, client } = await demoBackend(600);
    await client.call('settings.update', { language: 'es' });
    const offered = (await client.call('settings.get', {})).annotator;
    const app = await openApp(backend, { askName: true });
    const { page } = app;
    try {
      const ask = page.getByRole('dialog', { name: 'Te damos la bienvenida a Pulso' });
      await expect(ask.getByLabel('Tu nombre').inputValue()).resolves.toBe(offered);
      await screenshotsAtSizes(page, 'ask-name-es');
      await ask.getByLabel('Tu nombre').fill('Lucía Prieto');
      await ask.getByRole('button', { name: 'Empezar' }).click();
      await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
      expect(await client.call('settings.get', {})).toMatchObject({ annotator: 'Lucía Prieto', annotatorChosen: true });

      // A label made now is signed with that name.
      const firstRow = async () => (await client.call('messages.page', { offset: 0, limit: 1 })).rows[0];
      await client.call('labels.set', { ids: [(await firstRow())?.id as number], temperature: 1 });
      expect((await firstRow())?.annotator).toBe('Lucía Prieto');

      await page.getByRole('button', { name: 'Ajustes' }).click();
      const settings = page.getByRole('region', { name: 'Ajustes' });
      await settings.getByLabel('Tema', { exact: true }).selectOption('dark');
      await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
      await settings.getByLabel('Zona horaria', { exact: true }).selectOption('America/Mexico_City');
      await expect.poll(async () => (await client.call('settings.get', {})).timeZone).toBe('America/Mexico_City');
      await screenshotsAtSizes(page, 'settings-es-dark');
      await settings.getByLabel('Tu nombre', { exact: true }).fill('Lucía P.');
      await settings.getByLabel('Tu nombre', { exact: true }).press('Enter');
      await expect.poll(async () => (await client.call('settings.get', {})).annotator).toBe('Lucía P.');
      await settings.getByLabel('Idioma', { exact: true }).selectOption('en');
      await page.getByRole('region', { name: 'Settings' }).getByLabel('Theme', { exact: true }).selectOption('light');
      await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
      await screenshotsAtSizes(page, 'settings-en-light');
      expect(await client.call('settings.get', {})).toMatchObject({ language: 'en', theme: 'light' });
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('backs up the workspace now or into a file the user names, and lists the backups', async () => {
    const named = join(tempFolder(), 'copia.pulso');
    const { backend, client, path } = testBackend(undefined, { chooseFile: async () => named });
    expect((await client.runJob('demo.create', { messages: 300 })).state).toBe('finished');
    await client.call('settings.update', { language: 'es' });
    const app = await openApp(backend);
    const { page } = app;
    try {
      await page.getByRole('button', { name: 'Ajustes' }).click();
      const backups = page.getByRole('group', { name: 'Copias de seguridad' });
      await expect
        .poll(() => backups.getByText('Aún no hay copias en la carpeta de copias junto al espacio de trabajo.').count())
        .toBe(1);
      await backups.getByRole('button', { name: 'Hacer una copia ahora' }).click();
      await expect
        .poll(() => backups.getByRole('status').textContent())
        .toMatch(/^Copia hecha: .+\.pulso \(\d+,\d MB\)$/);
      await expect
        .poll(() => backups.getByText('1 copia en la carpeta junto al espacio de trabajo, la última primero').count())
        .toBe(1);
      const [made] = await client.call('workspace.backups', {});
      expect(fingerprint(made?.path as string)).toBe(fingerprint(path));
      await screenshotsAtSizes(page, 'settings-backups-es');

      await page.getByRole('region', { name: 'Ajustes' }).getByLabel('Idioma', { exact: true }).selectOption('en');
      const english = page.getByRole('group', { name: 'Backups' });
      await english.getByRole('button', { name: 'Back up to a file…' }).click();
      await expect
        .poll(() => english.getByRole('status').textContent())
        .toMatch(/^Backed up: copia\.pulso \(\d+\.\d MB\)$/);
      expect(fingerprint(named)).toBe(fingerprint(path));
      // A named file is the user's: the folder's list stays as it was.
      expect(await english.getByText('1 backup in the folder beside the workspace, latest first').count()).toBe(1);
      // What the settings said of the change of language, in the language chosen.
      expect(await page.getByRole('region', { name: 'Settings' }).getByText('Saved.').count()).toBe(1);
      await screenshotsAtSizes(page, 'settings-backups-en');
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
