import { afterAll, describe, expect, it } from 'vitest';
import { demoBackend } from '../helpers/workspace';
import { closeBrowser, openApp, screenshotsAtSizes } from './harness';

afterAll(closeBrowser);

describe('entities and topics (real renderer, real handlers)', () => {
  it('previews what typed rules match, then saves them and rematches the workspace as a job', async () => {
    const { backend, client } = await demoBackend(2000);
    await client.call('settings.update', { language: 'en' });
    const expected = await client.call('rules.preview', { rules: ['router', 'wifi', '"summer deal"'] });
    expect(expected.matches).toBeGreaterThan(0);
    const app = await openApp(backend);
    const { page } = app;
    try {
      await page.getByRole('button', { name: 'Tracking' }).click();
      await page.getByRole('button', { name: 'New topic' }).click();
      await page.getByLabel('Name').fill('Conexión');
      await page.getByLabel('Keywords').fill('router, wifi\n"summer deal"\nWIFI');
      await expect
        .poll(() => page.getByTestId('preview-count').textContent())
        .toBe(`${expected.matches.toLocaleString('en')} messages match now`);
      await expect(page.locator('.rule-preview tbody tr').count()).resolves.toBe(3);
      await page.getByRole('button', { name: 'Save and rematch' }).click();
      await expect
        .poll(() => page.locator('.tracking-form [role="status"]').textContent())
        .toBe('Saved: 2,000 messages rematched.');
      const topic = (await client.call('topics.list', {})).find((t) => t.name === 'Conexión');
      expect(topic).toMatchObject({ keywords: ['router', 'wifi', '"summer deal"'], mentions: expected.matches });
      await expect
        .poll(() =>
          page
            .getByRole('button', { name: new RegExp(`^Conexión ${expected.matches.toLocaleString('en')} mentions`) })
            .count(),
        )
        .toBe(1);
      // Saved, the form goes on editing it: its own name is not one "in use", and it can be deleted.
      await expect.poll(() => page.getByRole('button', { name: 'Delete…' }).count()).toBe(1);
      expect(await page.locator('.tracking-form [role="status"]').textContent()).toBe(
        'Saved: 2,000 messages rematched.',
      );
      expect(await page.getByRole('button', { name: 'Save and rematch' }).isDisabled()).toBe(false);
      // Its rules narrowed and saved again: deleting it says the matches it has now, not those it had when saved.
      const narrowed = await client.call('rules.preview', { rules: ['router'] });
      expect(narrowed.matches).toBeLessThan(expected.matches);
      await page.getByLabel('Keywords').fill('router');
      await page.getByRole('button', { name: 'Save and rematch' }).click();
      await expect
        .poll(() =>
          page
            .getByRole('button', { name: new RegExp(`^Conexión ${narrowed.matches.toLocaleString('en')} mentions?$`) })
            .count(),
        )
        .toBe(1);
      await page.getByRole('button', { name: 'Delete…' }).click();
      await expect
        .poll(() => page.getByRole('alertdialog').textContent())
        .toContain(`${narrowed.matches.toLocaleString('en')} match`);
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('renames an entity keeping its matches, and deletes a topic after saying how many matches go (Spanish)', async () => {
    const { backend, client } = await demoBackend(1500);
    await client.call('settings.update', { language: 'es' });
    const [entity] = (await client.call('entities.list', {})).filter((e) => e.role === 'own');
    const topic = (await client.call('topics.list', {}))[0];
    if (!entity || !topic) throw new Error('the demo tracks entities and topics');
    const app = await openApp(backend);
    const { page } = app;
    try {
      await page.getByRole('button', { name: 'Seguimiento' }).click();
      await page.getByRole('button', { name: new RegExp(`^${entity.name} `) }).click();
      // The preview marks each alias where it appears in the sample.
      await expect.poll(() => page.locator('.preview-sample mark').count()).toBeGreaterThan(0);
      // Another's name is said to be in use before saving (it would change that one), with saving disabled.
      const other = (await client.call('entities.list', {})).find((e) => e.id !== entity.id);
      if (!other) throw new Error('the demo tracks more than one entity');
      await page.getByLabel('Nombre').fill(other.name);
      await expect
        .poll(() => page.locator('.tracking-form [role="status"]').textContent())
        .toBe(`«${other.name}» ya está en uso: elígelo en la lista para cambiarlo.`);
      expect(await page.getByRole('button', { name: 'Guardar y volver a asignar' }).isDisabled()).toBe(true);
      await page.getByLabel('Nombre').fill('Lumen Renovada');
      await page.getByRole('button', { name: 'Guardar y volver a asignar' }).click();
      await expect
        .poll(() => page.locator('.tracking-form [role="status"]').textContent())
        .toBe('Renombrado como «Lumen Renovada»; sus coincidencias siguen como estaban.');
      const renamed = (await client.call('entities.list', {})).find((e) => e.id === entity.id);
      expect(renamed).toMatchObject({ name: 'Lumen Renovada', mentions: entity.mentions });
      expect((await client.call('entities.list', {})).length).toBe(4);

      await page.getByRole('button', { name: new RegExp(`^${topic.name} `) }).click();
      await expect
        .poll(() => page.getByTestId('preview-count').textContent())
        .toBe(`${(topic.mentions ?? 0).toLocaleString('es')} menciones coinciden ahora`);
      await page.getByRole('button', { name: 'Eliminar…' }).click();
      const dialog = page.getByRole('alertdialog');
      await expect(dialog.textContent()).resolves.toContain(
        `¿Eliminar «${topic.name}»? Se van con él sus ${(topic.mentions ?? 0).toLocaleString('es')} coincidencias`,
      );
      await screenshotsAtSizes(page, 'tracking-delete-es');
      await dialog.getByRole('button', { name: 'Eliminar' }).click();
      await expect
        .poll(() => page.locator('.tracking-form [role="status"]').textContent())
        .toBe(`Eliminado «${topic.name}»: ${(topic.mentions ?? 0).toLocaleString('es')} coincidencias quitadas.`);
      expect((await client.call('topics.list', {})).map((t) => t.id)).not.toContain(topic.id);
      await page.getByRole('navigation').getByRole('combobox', { name: 'Idioma' }).selectOption('en');
      await page.getByRole('button', { name: /^Lumen Renovada / }).click();
      await page.getByRole('button', { name: 'Delete…' }).click();
      await screenshotsAtSizes(page, 'tracking-delete-en');
      await page.getByRole('button', { name: 'Keep it' }).click();
      expect(await page.getByRole('alertdialog').count()).toBe(0);
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
