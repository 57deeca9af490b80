import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../helpers/cli';
import { fingerprint, tempFolder, writeEncoded } from '../../../helpers/files';
import { tempWorkspacePath } from '../../../helpers/workspace';

const pulso = runCli;

const CONVERSATIONS = [
  'id,fecha,usuario,texto',
  'm1,2026-01-10 10:00,@marta,¿Tenéis fibra para oficinas?',
  'm2,2026-01-11 10:00,@luis,Queremos precio para 40 puestos',
  'm3,2026-01-12 10:00,@jordi,Pedimos propuesta para las sedes',
  'm4,2026-01-13 10:00,@jordi2,Otra sede pide lo mismo',
  'm5,2026-01-14 10:00,@otro,Cerramos el pedido por teléfono',
].join('\n');

/** Four leads: one with an email, one by name at a company with accents and a legal form, two Jordi Puig at Delta. */
async function workspaceWithLeads(): Promise<string> {
  const workspace = tempWorkspacePath();
  const file = writeEncoded(join(tempFolder(), 'social.csv'), CONVERSATIONS, 'utf8');
  expect((await pulso('import', file, '--workspace', workspace)).code).toBe(0);
  const add = (message: string, ...more: string[]) =>
    pulso('leads', 'add', '--workspace', workspace, '--messages', message, ...more);
  expect((await add('m1', '--contact', 'Marta Ruiz', '--email', 'marta@acme.es', '--company', 'Acme S.L.')).code).toBe(
    0,
  );
  expect((await add('m2', '--contact', 'Luis Gómez', '--company', 'Construcciones Álvarez, S.A.U.')).code).toBe(0);
  expect((await add('m3', '--contact', 'Jordi Puig', '--company', 'Delta SL')).code).toBe(0);
  expect((await add('m4', '--contact', 'Jordi Puig', '--company', 'Delta, S.L.')).code).toBe(0);
  // A lead the analyst gave its CRM deal id: matched on it first, whatever the names say.
  expect((await add('m5', '--contact', 'Otro Nombre', '--company', 'Otra', '--deal', 'HS-5')).code).toBe(0);
  return workspace;
}

/** A HubSpot-style export: Record ID, Deal Name, Deal Stage, Close Date, Amount, company, contact, email. */
const hubspot = (amount: string) =>
  [
    'Record ID,Deal Name,Deal Stage,Close Date,Amount,Associated Company,Associated Contact,Email',
    `HS-1,Fibra oficinas,Closed Won,2026-03-10,"${amount}",ACME,Marta R.,MARTA@acme.es`,
    'HS-2,Sedes,closedwon,2026-03-12,9500,Construcciones Alvarez SAU,luis gomez,',
    'HS-3,Delta,Closed Won,2026-03-15,4000,Delta S.L.,Jordi Puig,',
    'HS-4,Otra,Closed Lost,2026-03-20,1000,Nadie SL,Laura Vidal,',
    'HS-5,Por id,Closed Won,2026-03-21,2000,Empresa X,Alguien,',
  ].join('\n');

describe('pulso sales', () => {
  it('imports a CRM export, matching by email and by name and company, listing the ambiguous and unmatched', async () => {
    const workspace = await workspaceWithLeads();
    const folder = tempFolder();
    const first = writeEncoded(join(folder, 'deals.csv'), hubspot('18.000,50'), 'utf8');
    expect(JSON.parse((await pulso('sales', 'import', first, '--workspace', workspace, '--json')).out)).toEqual({
      batch: 2,
      new: 5,
      updated: 0,
      matched: 3,
      unmatched: 1,
      ambiguous: 1,
      currencyAssumed: 'EUR',
    });
    const deals = JSON.parse((await pulso('sales', '--workspace', workspace, '--json')).out) as {
      id: number;
      dealId: string;
      lead: number | null;
      matchState: string;
      matchMethod: string | null;
      amount: number;
      candidates: number[];
    }[];
    const byId = Object.fromEntries(deals.map((deal) => [deal.dealId, deal]));
    expect(byId['HS-1']).toMatchObject({ lead: 1, matchMethod: 'email', amount: 18000.5 });
    expect(byId['HS-2']).toMatchObject({ lead: 2, matchMethod: 'name-company' });
    expect(byId['HS-3']).toMatchObject({ lead: null, matchState: 'ambiguous', candidates: [3, 4] });
    expect(byId['HS-4']).toMatchObject({ lead: null, matchState: 'unmatched' });
    expect(byId['HS-5']).toMatchObject({ lead: 5, matchMethod: 'deal-id' });

    // The user resolves the ambiguous one; a re-import with a changed amount updates it, keeps the match, adds nothing.
    expect((await pulso('sales', 'match', String(byId['HS-3']?.id), '4', '--workspace', workspace)).code).toBe(0);
    const again = writeEncoded(join(folder, 'deals-2.csv'), hubspot('19.500'), 'utf8');
    expect(JSON.parse((await pulso('sales', 'import', again, '--workspace', workspace, '--json')).out)).toMatchObject({
      new: 0,
      updated: 1,
    });
    const db = new Database(workspace, { readonly: true });
    try {
      expect(db.prepare("SELECT lead_id, match_method FROM deals WHERE external_id = 'HS-3'").get()).toEqual({
        lead_id: 4,
        match_method: 'manual',
      });
      expect(db.prepare('SELECT field, before, after FROM deal_history').all()).toEqual([
        { field: 'amount', before: '18000.5', after: '19500' },
      ]);
    } finally {
      db.close();
    }
    expect(JSON.parse((await pulso('leads', '--workspace', workspace, '--json')).out)[0]).toMatchObject({
      deal: 'HS-1',
    });

    // Undoing the re-import puts the changed amount back; undoing the first import takes its deals away.
    const preview = await pulso('undo-import', '3', '--workspace', workspace, '--json');
    expect(JSON.parse(preview.out)).toMatchObject({ batch: 3, deals: 0, dealsChanged: 1 });
    expect((await pulso('undo-import', '3', '--yes', '--workspace', workspace)).out).toBe(
      'batch 3 undone: 0 messages removed, 1 deals put back as they were\n',
    );
    const amount = () => {
      const check = new Database(workspace, { readonly: true });
      try {
        return [
          check.prepare("SELECT amount FROM deals WHERE external_id = 'HS-1'").pluck().get(),
          check.prepare('SELECT count(*) FROM deal_history').pluck().get(),
          check.prepare('SELECT count(*) FROM deals').pluck().get(),
        ];
      } finally {
        check.close();
      }
    };
    expect(amount()).toEqual([18000.5, 0, 5]);
    expect((await pulso('undo-import', '2', '--yes', '--workspace', workspace)).out).toBe(
      'batch 2 undone: 0 messages removed, 5 CRM deals\n',
    );
    expect(amount()).toEqual([undefined, 0, 0]);

    // A file naming no currency, told one: its amounts are in it, and the summary says so.
    expect((await pulso('sales', 'import', first, '--currency', 'usd', '--workspace', workspace)).out).toMatch(
      /5 new .*; amounts naming no currency taken as USD\n$/,
    );
  });

  it("reads HubSpot's associated contact as it writes it, the name with the email in brackets, and matches on both", async () => {
    const workspace = await workspaceWithLeads();
    // HubSpot's deals export with its associations: no email column, the contact "Name (email)", several joined by ;.
    const file = writeEncoded(
      join(tempFolder(), 'hubspot-crm-exports-all-deals.csv'),
      [
        '"Record ID","Deal Name","Deal Stage","Close Date","Deal owner","Amount","Associated Company","Associated Contact"',
        '"9812001","Fibra oficinas","Closed won","2026-03-10 10:00","Rosa Gil","18000","ACME","Marta R. (MARTA@acme.es)"',
        '"9812002","Sedes","Contract sent","","Rosa Gil","9500","Construcciones Alvarez SAU","Luis Gómez (luis@alvarez.es);Ana Paz (ana@alvarez.es)"',
      ].join('\r\n'),
      'utf8',
    );
    expect(JSON.parse((await pulso('sales', 'import', file, '--workspace', workspace, '--json')).out)).toMatchObject({
      new: 2,
      matched: 2,
      unmatched: 0,
    });
    const deals = JSON.parse((await pulso('sales', '--workspace', workspace, '--json')).out) as Record<
      string,
      unknown
    >[];
    expect(
      deals.map(({ dealId, contact, email, lead, matchMethod, status }) => ({
        dealId,
        contact,
        email,
        lead,
        matchMethod,
        status,
      })),
    ).toEqual([
      { dealId: '9812001', contact: 'Marta R.', email: 'marta@acme.es', lead: 1, matchMethod: 'email', status: 'won' },
      {
        dealId: '9812002',
        contact: 'Luis Gómez',
        email: 'luis@alvarez.es',
        lead: 2,
        matchMethod: 'name-company',
        status: 'open',
      },
    ]);
  });

  it("reads Pipedrive's export: its prefixed headers, and won or lost from its status where the stage is the pipeline's", async () => {
    const workspace = await workspaceWithLeads();
    const header = [
      'Deal - ID',
      'Deal - Title',
      'Deal - Organization',
      'Deal - Contact person',
      'Deal - Value',
      'Deal - Currency',
      'Deal - Pipeline',
      'Deal - Stage',
      'Deal - Status',
      'Deal - Owner',
      'Deal - Deal created',
      'Deal - Won time',
      'Deal - Lost time',
      'Deal - Lost reason',
    ];
    const file = writeEncoded(
      join(tempFolder(), 'deals-export.csv'),
      [
        header.join(','),
        '101,Fibra oficinas,Acme S.L.,Marta Ruiz,18000,EUR,Ventas,Negotiations Started,Won,Rosa,2026-01-15 09:00:00,2026-03-10 12:30:00,,',
        '102,Sedes,"Construcciones Álvarez, S.A.U.",Luis Gómez,9500,EUR,Ventas,Proposal Made,Lost,Rosa,2026-01-16 09:00:00,,2026-03-12 10:00:00,Precio',
        '103,Delta,Delta SL,Laura Vidal,4000,USD,Ventas,Qualified,Open,Pablo,2026-02-01 09:00:00,,,',
      ].join('\n'),
      'utf8',
    );
    expect(JSON.parse((await pulso('sales', 'import', file, '--workspace', workspace, '--json')).out)).toMatchObject({
      new: 3,
      matched: 2,
      unmatched: 1,
    });
    const deals = JSON.parse((await pulso('sales', '--workspace', workspace, '--json')).out) as Record<
      string,
      unknown
    >[];
    deals.sort((a, b) => String(a.dealId).localeCompare(String(b.dealId)));
    expect(
      deals.map(({ dealId, name, status, closedAt, amount, currency, lead }) => ({
        dealId,
        name,
        status,
        closedAt,
        amount,
        currency,
        lead,
      })),
    ).toEqual([
      {
        dealId: '101',
        name: 'Fibra oficinas',
        status: 'won',
        closedAt: Date.parse('2026-03-10T12:30:00Z'),
        amount: 18000,
        currency: 'EUR',
        lead: 1,
      },
      { dealId: '102', name: 'Sedes', status: 'lost', closedAt: null, amount: 9500, currency: 'EUR', lead: 2 },
      { dealId: '103', name: 'Delta', status: 'open', closedAt: null, amount: 4000, currency: 'USD', lead: null },
    ]);
  });

  it('reads a Salesforce-style XLSX in Spanish, and refuses a file with a bad row leaving the store as it was', async () => {
    const workspace = await workspaceWithLeads();
    const folder = tempFolder();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Oportunidades');
    sheet.addRow([
      'ID de oportunidad',
      'Nombre de la oportunidad',
      'Etapa',
      'Fecha de cierre',
      'Importe',
      'Moneda',
      'Nombre de la cuenta',
      'Correo electrónico',
    ]);
    sheet.addRow([
      '006A',
      'Fibra',
      'Cerrada ganada',
      new Date(Date.UTC(2026, 2, 10)),
      12000,
      'eur',
      'Acme',
      'marta@acme.es',
    ]);
    const xlsx = join(folder, 'oportunidades.xlsx');
    await workbook.xlsx.writeFile(xlsx);
    expect(JSON.parse((await pulso('sales', 'import', xlsx, '--workspace', workspace, '--json')).out)).toMatchObject({
      new: 1,
      matched: 1,
    });
    const before = fingerprint(workspace);
    const bad = writeEncoded(
      join(folder, 'bad.csv'),
      'Record ID,Deal Stage,Amount\nHS-9,Closed Won,1000\nHS-10,Closed Won,n/a\n',
      'utf8',
    );
    expect(await pulso('sales', 'import', bad, '--workspace', workspace)).toMatchObject({
      code: 1,
      err: expect.stringMatching(/bad\.csv, row 3, column "Amount": cannot read amount "n\/a"; nothing imported/),
    });
    expect(fingerprint(workspace)).toBe(before);
  });

  it('takes the columns its headers do not say from a mapping file, and names a header the file lacks', async () => {
    const workspace = await workspaceWithLeads();
    const folder = tempFolder();
    const file = writeEncoded(
      join(folder, 'oportunidades.csv'),
      'Opp #;Fase;Valor total;Email\nOP-1;Closed Won;12.000;marta@acme.es\n',
      'utf8',
    );
    const refused = await pulso('sales', 'import', file, '--workspace', workspace);
    expect([refused.code, refused.err]).toEqual([
      1,
      expect.stringContaining("cannot find a column for the deal's dealId, amount among"),
    ]);
    expect(refused.err).toContain('name its columns in a mapping file (--mapping)');
    const mapping = join(folder, 'deals.json');
    writeFileSync(mapping, JSON.stringify({ columns: { dealId: 'opp #', stage: 'Fase', amount: 'Valor total' } }));
    const imported = await pulso(
      'sales',
      'import',
      file,
      '--mapping',
      mapping,
      '--save-preset',
      'Salesforce ES',
      '--workspace',
      workspace,
      '--json',
    );
    expect(JSON.parse(imported.out)).toMatchObject({ new: 1, matched: 1 });
    // The next export goes in by the preset's name; an unknown one is named with those saved.
    const next = writeEncoded(
      join(folder, 'oportunidades-2.csv'),
      'Opp #;Fase;Valor total\nOP-2;Closed Lost;500\n',
      'utf8',
    );
    const byPreset = await pulso(
      'sales',
      'import',
      next,
      '--preset',
      'Salesforce ES',
      '--workspace',
      workspace,
      '--json',
    );
    expect(JSON.parse(byPreset.out)).toMatchObject({ new: 1 });
    expect((await pulso('sales', 'import', next, '--preset', 'HubSpot', '--workspace', workspace)).err).toContain(
      'No deals preset "HubSpot"; the saved ones are Salesforce ES',
    );
    writeFileSync(mapping, JSON.stringify({ columns: { dealId: 'Opportunity' } }));
    const wrong = await pulso('sales', 'import', file, '--mapping', mapping, '--workspace', workspace);
    expect(wrong.err).toContain(
      'no column "Opportunity" for the deal\'s dealId; its columns are "Opp #", "Fase", "Valor total", "Email"',
    );
  });
});

describe('pulso costs', () => {
  it("sets a period's cost model and reads it back: the entry, and the cost of any period it covers", async () => {
    const workspace = tempWorkspacePath();
    const q3 = ['--from', '2026-07-01', '--to', '2026-09-30', '--workspace', workspace];
    const set = await pulso('costs', 'set', ...q3, '--cm-hours', '120', '--cm-rate', '35', '--ads', '3000', '--json');
    expect(JSON.parse(set.out)).toEqual({ currency: 'EUR', communityManager: 4200, agency: 0, tools: 0, ads: 3000 });
    expect(JSON.parse((await pulso('costs', 'get', ...q3, '--json')).out)).toMatchObject({
      costs: { communityManager: 4200, ads: 3000 },
      entry: { from: '2026-07-01', to: '2026-09-30', cmHours: 120, cmRate: 35, agencyShare: 1, ads: 3000 },
    });
    // July alone: its share of the quarter's days (31 of 92), and no entry of its own.
    const july = await pulso('costs', 'get', '--from', '2026-07-01', '--to', '2026-07-31', '--workspace', workspace);
    expect(july.out).toBe(
      '2026-07-01 … 2026-07-31: currency EUR, communityManager 1415.22, agency 0.00, tools 0.00, ads 1010.87\n',
    );
    const report = resolve('../shared/datasets/social-exports/facebook_ads_manager.csv');
    expect((await pulso('costs', 'import-ads', report, '--workspace', workspace)).out).toMatch(
      /^facebook_ads_manager\.csv: 4\d{3}\.\d{2} USD of ads from 2017-04-19 to 2017-07-19 \(535 rows\)\n$/,
    );
    expect(await pulso('costs', 'set', ...q3, '--ads', 'mucho')).toMatchObject({
      code: 1,
      err: expect.stringContaining('--ads must be a number, not "mucho"'),
    });
  });
});

describe('pulso community', () => {
  it("records a channel's followers and members by date, lists them, and removes one", async () => {
    const workspace = tempWorkspacePath();
    const at = ['--source', 'linkedin', '--channel', 'Lumen Móvil', '--workspace', workspace];
    const first = await pulso('community', 'record', ...at, '--date', '2026-07-01', '--followers', '5000', '--json');
    expect(JSON.parse(first.out)).toMatchObject({ source: 'linkedin', followers: 5000, members: null });
    expect((await pulso('community', 'record', ...at, '--date', '2026-09-30', '--followers', '5600')).out).toBe(
      'linkedin Lumen Móvil on 2026-09-30: 5600 followers, — members, — active\n',
    );
    const listed = await pulso('community', '--from', '2026-09-01', '--workspace', workspace, '--json');
    expect(JSON.parse(listed.out)).toMatchObject([{ date: '2026-09-30', followers: 5600 }]);
    const kpis = await pulso('kpis', '--from', '2026-07-01', '--to', '2026-09-30', '--workspace', workspace, '--json');
    expect(JSON.parse(kpis.out).community).toMatchObject([{ followersStart: 5000, followersEnd: 5600 }]);
    const id = String(JSON.parse(first.out).id);
    expect((await pulso('community', 'remove', id, '--workspace', workspace)).code).toBe(0);
    expect(await pulso('community', 'record', ...at, '--date', '2026-07-01', '--source', 'myspace')).toMatchObject({
      code: 1,
      err: expect.stringContaining('--source is one of twitter, facebook'),
    });
  });
});
