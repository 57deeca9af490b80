import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { tempFolder, writeEncoded } from '../helpers/files';
import { demoBackend, testBackend } from '../helpers/workspace';
import type { Page } from 'playwright-core';
import { closeBrowser, openApp, screenshotsAtSizes } from './harness';

afterAll(closeBrowser);

/** Opens Leads ▸ ROI and steps its quarter to `label` (the demo's leads are dated from today's date). */
async function openQuarter(page: Page, label: string): Promise<void> {
  await page.getByRole('button', { name: 'Leads' }).click();
  await page.getByRole('tab', { name: 'ROI and the three legs' }).click();
  for (let step = 0; step < 12 && (await page.getByTestId('legs-period').textContent()) !== label; step++)
    await page
      .getByRole('button', {
        name:
          ((await page.getByTestId('legs-period').textContent()) ?? '' > label) ? 'Previous quarter' : 'Next quarter',
      })
      .click();
  expect(await page.getByTestId('legs-period').textContent()).toBe(label);
}

describe('the leads board (real renderer, real handlers)', () => {
  it('moves a lead through the pipeline with the keyboard, each move dated, and opens its page', async () => {
    const { backend, client } = await demoBackend(2000);
    await client.call('settings.update', { language: 'en', annotator: 'ana' });
    const qualified = await client.call('leads.list', { stage: 'qualified' });
    expect(qualified.length).toBeGreaterThan(0);
    const lead = qualified[0] as (typeof qualified)[number];
    const app = await openApp(backend);
    const { page } = app;
    try {
      await page.getByRole('button', { name: 'Leads' }).click();
      const column = (name: string) => page.getByRole('listitem', { name });
      const card = (name: string) => column(name).getByRole('button', { name: new RegExp(`^${lead.contact},`) });
      await card('Qualified').focus();
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => card('Opportunity').count()).toBe(1);
      await expect.poll(() => page.getByRole('status').textContent()).toBe(`${lead.contact}: now Opportunity`);
      // The focus stays on the card: another → moves it on.
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => card('Proposal').count()).toBe(1);
      const history = (await client.call('leads.get', { lead: lead.id })).history;
      expect(history.slice(-2).map((step) => [step.stage, step.by])).toEqual([
        ['opportunity', 'ana'],
        ['proposal', 'ana'],
      ]);
      await card('Proposal').click();
      await expect.poll(() => page.getByRole('complementary', { name: 'Lead' }).textContent()).toContain('Proposal');
      await expect.poll(() => page.locator('.lead-panel .thread li').count()).toBeGreaterThan(0);
      await screenshotsAtSizes(page, 'leads-en');
      await page.getByRole('navigation').getByRole('combobox', { name: 'Language' }).selectOption('es');
      await expect.poll(() => column('Propuesta').count()).toBe(1);
      await screenshotsAtSizes(page, 'leads-es');
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('makes a lead from the messages selected in the grid with L', async () => {
    const { backend, client } = await demoBackend(600);
    await client.call('settings.update', { language: 'en' });
    const before = (await client.call('leads.list', {})).length;
    const app = await openApp(backend);
    const { page } = app;
    try {
      const grid = page.getByRole('grid', { name: 'Messages' });
      await grid.focus();
      await page.keyboard.press('Shift+ArrowDown');
      await page.keyboard.press('l');
      const dialog = page.getByRole('dialog', { name: 'New lead' });
      await dialog.getByLabel('Contact').fill('Marta Ruiz');
      await dialog.getByLabel('Company').fill('Acme S.L.');
      await dialog.getByLabel('Expected value (EUR)').fill('18000');
      await screenshotsAtSizes(page, 'lead-new-en');
      await dialog.getByRole('button', { name: 'Create lead' }).click();
      await expect
        .poll(() => page.getByRole('status').last().textContent())
        .toBe(`Lead ${before + 1} created from 2 messages`);
      const lead = await client.call('leads.get', { lead: before + 1 });
      expect(lead).toMatchObject({ contact: 'Marta Ruiz', company: 'Acme S.L.', expectedValue: 18000, stage: 'new' });
      expect(lead.messageIds).toHaveLength(2);
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('shows the ROI of a quarter by every attribution model beside the satisfaction KPIs and the community', async () => {
    const { backend, client } = await demoBackend(3000);
    await client.call('settings.update', { language: 'en' });
    const expected = await client.call('kpis.roi', { from: '2026-07-01', to: '2026-09-30' });
    expect(expected?.cost).toBeGreaterThan(0);
    const app = await openApp(backend);
    const { page } = app;
    try {
      await openQuarter(page, '2026Q3');
      const roi = page.getByRole('region', { name: 'ROI' });
      await expect.poll(() => roi.locator('table.models tbody tr').count()).toBe(8);
      await expect.poll(() => roi.textContent()).toContain('Data-driven (Markov)');
      await expect.poll(() => roi.textContent()).toContain(`${(expected?.cost ?? 0).toLocaleString('en')} EUR`);
      await expect
        .poll(() => page.getByRole('region', { name: 'Satisfaction (KPIs)' }).textContent())
        .toContain('Net temperature');
      await expect.poll(() => roi.getByRole('img', { name: /Deals by days/ }).count()).toBe(1);
      // Against the quarter before and a year before; broken down by quarter; a shorter window changes the figures.
      const linear = roi.getByRole('row', { name: /^Linear/ });
      const cells = async () => (await linear.locator('td').allTextContents()).map((text) => text.trim());
      const previousRoi = await client.call('kpis.roi', { from: '2026-04-01', to: '2026-06-30' });
      await expect
        .poll(async () => (await cells())[3])
        .toBe(
          previousRoi?.roi.linear == null
            ? '—'
            : `${(previousRoi.roi.linear * 100).toLocaleString('en', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} %`,
        );
      await roi.getByRole('combobox', { name: 'Break down by' }).selectOption('quarter');
      await expect.poll(async () => (await cells())[1]).toMatch(/^2026Q3 [\d,]+$/);
      await page.getByRole('spinbutton', { name: 'Window (days)' }).fill('1');
      await page.getByRole('spinbutton', { name: 'Window (days)' }).blur();
      const narrow = await client.call('kpis.roi', { from: '2026-07-01', to: '2026-09-30', windowDays: 1 });
      await expect.poll(async () => (await cells())[0]).toBe(narrow?.attributedRevenue.linear.toLocaleString('en'));
      await page.getByRole('spinbutton', { name: 'Window (days)' }).fill('180');
      await page.getByRole('spinbutton', { name: 'Window (days)' }).blur();
      await screenshotsAtSizes(page, 'leads-legs-en');
      // A won lead's page traces it from its first touch to the sale.
      await page.getByRole('tab', { name: 'Pipeline' }).click();
      await page.getByRole('listitem', { name: 'Won' }).getByRole('button').first().click();
      await expect
        .poll(() => page.getByTestId('trace').textContent())
        .toMatch(/^From the first touch to the sale: \d+ days, \d+ messages$/);
      await page.getByRole('tab', { name: 'ROI and the three legs' }).click();
      await page.getByRole('navigation').getByRole('combobox', { name: 'Language' }).selectOption('es');
      await expect.poll(() => page.getByRole('region', { name: 'Otra información' }).count()).toBe(1);
      await screenshotsAtSizes(page, 'leads-legs-es');
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it("enters a quarter's cost model in the app, the total shown as it is typed, and the ROI divides by it", async () => {
    const { backend, client } = await demoBackend(1000);
    await client.call('settings.update', { language: 'en' });
    const Q3 = { from: '2026-07-01', to: '2026-09-30' };
    const app = await openApp(backend);
    const { page } = app;
    try {
      await openQuarter(page, '2026Q3');
      const roi = page.getByRole('region', { name: 'ROI' });
      // The demo's entry: 120 h × 35 + 6,000 + 900 + 3,000.
      await expect.poll(() => roi.textContent()).toContain('14,100 EUR');
      await roi.getByRole('button', { name: 'Cost model…' }).click();
      const form = page.getByRole('form', { name: 'Cost model, 2026Q3' });
      await expect.poll(() => form.getByLabel('Community manager hours').inputValue()).toBe('120');
      expect(await form.getByLabel('Agency’s share of its fee (%)').inputValue()).toBe('40');
      await form.getByLabel('Ads').fill('5000');
      await expect.poll(() => form.getByTestId('cost-total').textContent()).toBe('Total: 16,100 EUR');
      await form.getByLabel('Ads').fill('cinco mil');
      await expect.poll(() => form.getByRole('alert').count()).toBe(1);
      expect(await form.getByRole('button', { name: 'Save' }).isDisabled()).toBe(true);
      await form.getByLabel('Ads').fill('5000');
      await form.getByRole('button', { name: 'Save' }).click();
      await expect.poll(() => form.count()).toBe(0);
      await expect.poll(() => roi.textContent()).toContain('16,100 EUR');
      expect(await client.call('costs.entry', Q3)).toMatchObject({ cmHours: 120, agencyShare: 0.4, ads: 5000 });

      // A quarter with no cost model yet: entered from blank, in Spanish, in another currency.
      await page.getByRole('button', { name: 'Next quarter' }).click();
      await page.getByRole('navigation').getByRole('combobox', { name: 'Language' }).selectOption('es');
      await page.getByRole('button', { name: 'Modelo de costes…' }).click();
      const next = page.getByRole('form', { name: 'Modelo de costes, 2026Q4' });
      await expect.poll(() => next.getByLabel('Horas del community manager').inputValue()).toBe('');
      await next.getByLabel('Horas del community manager').fill('10');
      await next.getByLabel('Tarifa por hora').fill('40,5');
      await next.getByLabel('Moneda').fill('usd');
      await expect.poll(() => next.getByTestId('cost-total').textContent()).toBe('Total: 405 USD');
      await screenshotsAtSizes(page, 'leads-cost-model-es');
      await next.getByLabel('Tarifa por hora').press('Enter');
      await expect.poll(() => next.count()).toBe(0);
      expect(await client.call('costs.entry', { from: '2026-10-01', to: '2026-12-31' })).toMatchObject({
        cmHours: 10,
        cmRate: 40.5,
        agencyShare: 1,
        currency: 'USD',
      });
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it("records a channel's community size in the app, which the other-information leg reads", async () => {
    const { backend, client } = await demoBackend(500);
    await client.call('settings.update', { language: 'en' });
    const app = await openApp(backend);
    const { page } = app;
    try {
      await openQuarter(page, '2026Q3');
      const other = page.getByRole('region', { name: 'Other information' });
      await other.getByRole('button', { name: 'Community size…' }).click();
      const form = page.getByRole('form', { name: 'Community, 2026Q3' });
      // The demo's: three networks' LumenMovil on the first of July, August and September.
      await expect.poll(() => form.locator('table.snapshots tbody tr').count()).toBe(9);
      await form.getByLabel('Network').selectOption('linkedin');
      await form.getByLabel('Channel').fill('Lumen Móvil');
      expect(await form.getByLabel('Date').inputValue()).toBe('2026-09-30');
      await form.getByLabel('Followers').fill('12,300 people');
      await expect.poll(() => form.getByRole('alert').textContent()).toBe('Figures are whole numbers.');
      expect(await form.getByRole('button', { name: 'Record' }).isDisabled()).toBe(true);
      await form.getByLabel('Followers').fill('12,300');
      await form.getByRole('button', { name: 'Record' }).click();
      const figures = other.locator('dl');
      await expect.poll(() => figures.textContent()).toContain('Followers on LinkedIn Lumen Móvil12,300');
      await expect.poll(() => form.locator('table.snapshots tbody tr').count()).toBe(10);
      expect(await client.call('community.list', { from: '2026-09-30' })).toMatchObject([
        { source: 'linkedin', channel: 'Lumen Móvil', followers: 12300, members: null },
      ]);
      await screenshotsAtSizes(page, 'leads-community-en');
      await form.getByRole('button', { name: 'Remove Lumen Móvil on 2026-09-30' }).click();
      await expect.poll(() => form.locator('table.snapshots tbody tr').count()).toBe(9);
      await expect.poll(() => figures.textContent()).not.toContain('LinkedIn');
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('lists the deals no single lead matched, and records the lead the user picks for one', async () => {
    const opened = testBackend();
    const { client } = opened;
    await client.call('settings.update', { language: 'en', timeZone: 'UTC' });
    const folder = tempFolder();
    const social = writeEncoded(
      join(folder, 'social.csv'),
      'id,fecha,usuario,texto\nm1,2026-01-10,@jordi,Propuesta para una sede\nm2,2026-01-11,@jordi2,Propuesta para otra sede\n',
      'utf8',
    );
    expect((await client.runJob('import.start', { path: social })).state).toBe('finished');
    for (const message of ['m1', 'm2'])
      await client.call('leads.create', { externalIds: [message], name: 'Jordi Puig', company: 'Delta S.L.' });
    const deals = writeEncoded(
      join(folder, 'deals.csv'),
      'Record ID,Deal Stage,Close Date,Amount,Associated Company,Associated Contact\nHS-7,Closed Won,2026-03-01,4000,DELTA SL,jordi puig\n',
      'utf8',
    );
    expect(await client.call('import.deals', { path: deals })).toMatchObject({ ambiguous: 1 });
    const app = await openApp(opened.backend);
    const { page } = app;
    try {
      await page.getByRole('button', { name: 'Leads' }).click();
      await page.getByRole('tab', { name: 'Deals to match' }).click();
      const pick = page.getByRole('combobox', { name: 'Lead for deal HS-7' });
      await expect
        .poll(() => pick.locator('option').allTextContents())
        .toEqual(['Match to a lead…', '★ #1 Jordi Puig · Delta S.L.', '★ #2 Jordi Puig · Delta S.L.']);
      await screenshotsAtSizes(page, 'deals-to-match-en');
      await pick.selectOption('2');
      await expect.poll(() => page.getByRole('status').first().textContent()).toBe('Deal HS-7 matched to lead 2');
      expect(await client.call('leads.deals', {})).toMatchObject([{ dealId: 'HS-7', lead: 2, matchMethod: 'manual' }]);
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('says how to make the first lead, and keeps the ROI and the deals to match within reach', async () => {
    const opened = testBackend();
    await opened.client.call('settings.update', { language: 'en' });
    const app = await openApp(opened.backend);
    const { page } = app;
    try {
      await page.getByRole('button', { name: 'Leads' }).click();
      await expect.poll(() => page.getByText(/No leads yet: select a message in the grid and press L/).count()).toBe(1);
      await page.getByRole('tab', { name: 'Deals to match' }).click();
      await expect.poll(() => page.getByText('Every deal from the CRM is matched to a lead.').count()).toBe(1);
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it("marks a message's author as a contact from the side panel, and merges and splits contacts on the Contacts tab", async () => {
    const opened = testBackend();
    await opened.client.call('settings.update', { language: 'en' });
    const file = writeEncoded(
      join(tempFolder(), 'social.csv'),
      'id,fecha,usuario,red,texto\nm1,2026-01-10,marta.ruiz,linkedin,¿Fibra para 40 puestos?\nm2,2026-01-11,@marta_r,twitter,Sigo esperando\n',
      'utf8',
    );
    expect((await opened.client.runJob('import.start', { path: file })).state).toBe('finished');
    const app = await openApp(opened.backend);
    const { page } = app;
    try {
      const grid = page.getByRole('grid', { name: 'Messages' });
      await grid.focus();
      await page.keyboard.press('Enter');
      const card = page.getByRole('complementary', { name: 'Message' }).getByRole('region', { name: 'Contact' });
      await card.getByRole('textbox', { name: 'Name' }).fill('Marta Ruiz');
      await card.getByRole('textbox', { name: 'Company' }).fill('Acme S.L.');
      await card.getByRole('button', { name: 'Mark as contact' }).click();
      await expect.poll(() => card.getByTestId('contact-name').textContent()).toBe('Marta Ruiz');
      await card.getByRole('combobox', { name: 'Role' }).selectOption('purchasing');
      await expect.poll(async () => (await opened.client.call('contacts.list', {}))[0]?.role).toBe('purchasing');
      await screenshotsAtSizes(page, 'contact-panel-en');
      await page.keyboard.press('Escape');
      // The other account, identified as someone else at first, then merged into Marta.
      const marked = (await opened.client.call('contacts.list', {}))[0]?.accounts[0]?.handle;
      const other = (await opened.client.call('messages.page', { offset: 0, limit: 2 })).rows.find(
        (row) => row.authorHandle.replace(/^@/, '') !== marked?.replace(/^@/, ''),
      );
      const { author } = await opened.client.call('contacts.ofMessage', { message: other?.id as number });
      await opened.client.call('contacts.identify', { author: author.authorId, name: 'M. R.' });
      await page.getByRole('button', { name: 'Leads' }).click();
      await page.getByRole('tab', { name: 'Contacts' }).click();
      const table = page.getByRole('table', { name: 'Contacts' });
      await expect.poll(() => table.locator('tbody tr').count()).toBe(2);
      await page.getByRole('checkbox', { name: 'Choose Marta Ruiz' }).check();
      await page.getByRole('checkbox', { name: 'Choose M. R.' }).check();
      // The first checked is the one kept.
      await page.getByRole('button', { name: 'Merge 2 into Marta Ruiz' }).click();
      await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
      expect((await opened.client.call('contacts.list', {}))[0]).toMatchObject({
        name: 'Marta Ruiz',
        company: 'Acme S.L.',
        role: 'purchasing',
        accounts: [expect.anything(), expect.anything()],
      });
      await screenshotsAtSizes(page, 'contacts-en');
      await page
        .getByRole('button', { name: /^Split .* out to a contact of its own$/ })
        .first()
        .click();
      await expect.poll(() => table.locator('tbody tr').count()).toBe(2);
      await page.getByRole('navigation').getByRole('combobox', { name: 'Language' }).selectOption('es');
      await expect.poll(() => page.getByRole('tab', { name: 'Contactos' }).count()).toBe(1);
      await screenshotsAtSizes(page, 'contacts-es');
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('lists the leads with counts per stage and filters, and sets a lead’s owner, value, product and campaign', async () => {
    const { backend, client } = await demoBackend(600);
    await client.call('settings.update', { language: 'en' });
    const leads = await client.call('leads.list', {});
    const won = leads.filter((lead) => lead.stage === 'won');
    const app = await openApp(backend);
    const { page } = app;
    try {
      await page.getByRole('button', { name: 'Leads' }).click();
      await page.getByRole('tab', { name: 'List' }).click();
      const table = page.getByRole('table', { name: 'Leads' });
      await expect.poll(() => table.locator('tbody tr').count()).toBe(leads.length);
      const stages = page.getByRole('group', { name: 'Stage' });
      await expect.poll(() => stages.getByRole('button', { name: /^Won/ }).textContent()).toBe(`Won ${won.length}`);
      await stages.getByRole('button', { name: /^Won/ }).click();
      await expect.poll(() => table.locator('tbody tr').count()).toBe(won.length);
      await page.getByRole('searchbox', { name: 'Search contact, company, product' }).fill(won[0]?.company ?? '');
      await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
      await table.locator('tbody tr').first().click();
      const panel = page.getByRole('complementary', { name: 'Lead' });
      await panel.getByRole('textbox', { name: 'Owner' }).fill('jordi');
      await panel.getByRole('textbox', { name: 'Campaign' }).fill('Fibra empresas');
      await panel.getByRole('textbox', { name: 'Campaign' }).blur();
      await expect
        .poll(async () => (await client.call('leads.get', { lead: won[0]?.id as number })).campaign)
        .toBe('Fibra empresas');
      expect((await client.call('leads.get', { lead: won[0]?.id as number })).owner).toBe('jordi');
      // The new owner is one to filter by.
      await page.getByRole('searchbox', { name: 'Search contact, company, product' }).fill('');
      await stages.getByRole('button', { name: /^All/ }).click();
      await page.getByRole('combobox', { name: 'Owner' }).selectOption('jordi');
      await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
      await screenshotsAtSizes(page, 'lead-list-en');
      await page.getByRole('navigation').getByRole('combobox', { name: 'Language' }).selectOption('es');
      await expect.poll(() => page.getByRole('tab', { name: 'Lista' }).count()).toBe(1);
      await screenshotsAtSizes(page, 'lead-list-es');
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('moves a lead to another stage by dragging its card there', async () => {
    const { backend, client } = await demoBackend(600);
    await client.call('settings.update', { language: 'en', annotator: 'ana' });
    const lead = (await client.call('leads.list', { stage: 'new' }))[0];
    expect(lead).toBeDefined();
    const app = await openApp(backend);
    const { page } = app;
    try {
      await page.getByRole('button', { name: 'Leads' }).click();
      const card = page
        .getByRole('listitem', { name: 'New' })
        .getByRole('button', { name: new RegExp(`^${lead?.contact},`) });
      await card.dragTo(page.getByRole('listitem', { name: 'Opportunity' }));
      await expect
        .poll(async () => (await client.call('leads.get', { lead: lead?.id as number })).stage)
        .toBe('opportunity');
      const history = (await client.call('leads.get', { lead: lead?.id as number })).history;
      expect(history.at(-1)).toMatchObject({ stage: 'opportunity', by: 'ana' });
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
