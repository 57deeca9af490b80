// Writes resources/demo/crm-deals.csv: the CRM export that goes with the demo workspace (the app's first start, 3,000
// messages, seed 2026), as HubSpot writes deals: its won deals as the demo holds them, two deals still open for leads
// in proposal, and one for a company no lead names (left to match by hand). Run it when the demo's generator changes:
// `npx tsx scripts/demo-crm-export.ts`; a test checks the file still fits the demo.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createBackend } from '../electron/backend/backend';
import { DEFAULT_DEMO_MESSAGES } from '../electron/backend/demo/handlers';
import { createClient } from '../shared/api/client';

const folder = mkdtempSync(join(tmpdir(), 'pulso-crm-'));
try {
  const path = join(folder, 'demo.pulso');
  const backend = createBackend(path);
  const demo = await createClient(backend).runJob('demo.create', { messages: DEFAULT_DEMO_MESSAGES });
  if (demo.state !== 'finished') throw new Error(demo.message);
  await backend.close();
  const db = new Database(path, { readonly: true });
  const won = db
    .prepare(
      `SELECT d.external_id AS id, d.closed_at AS closedAt, d.amount, d.company, d.contact FROM deals d
       WHERE d.status = 'won' ORDER BY d.external_id`,
    )
    .all() as { id: string; closedAt: number; amount: number; company: string; contact: string }[];
  const proposals = db
    .prepare(
      `SELECT l.name AS contact, l.company, l.expected_value AS amount FROM leads l WHERE l.stage = 'proposal'
       ORDER BY l.id LIMIT 2`,
    )
    .all() as { contact: string; company: string; amount: number }[];
  db.close();
  // The instant as the demo holds it (ISO, as CRMs' APIs export it): the import finds these deals unchanged.
  const day = (at: number): string => new Date(at).toISOString();
  const quote = (text: string): string => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const rows = [
    ['Record ID', 'Deal Name', 'Deal Stage', 'Close Date', 'Amount', 'Currency', 'Company Name', 'Contact Name'],
    ...won.map((d) => [
      d.id,
      `Fibra ${d.company}`,
      'Closed Won',
      day(d.closedAt),
      d.amount.toFixed(2),
      'EUR',
      d.company,
      d.contact,
    ]),
    ...proposals.map((d, i) => [
      `CRM-${2000 + i}`,
      `Fibra ${d.company}`,
      'Contract Sent',
      '2026-10-30',
      (d.amount ?? 0).toFixed(2),
      'EUR',
      d.company,
      d.contact,
    ]),
    [
      'CRM-3000',
      'Centralita Talleres Pardo',
      'Closed Won',
      '2026-09-18',
      '4800.00',
      'EUR',
      'Talleres Pardo S.L.',
      'Inés Pardo',
    ],
  ];
  writeFileSync(
    join(import.meta.dirname, '../resources/demo/crm-deals.csv'),
    `${rows.map((row) => row.map((cell) => quote(String(cell))).join(',')).join('\r\n')}\r\n`,
  );
} finally {
  rmSync(folder, { recursive: true, force: true });
}
