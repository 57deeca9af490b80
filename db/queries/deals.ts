import type Database from 'better-sqlite3';
import type { DealRow } from '../../shared/domain/import/deal-fields';
import { createDealMatcher, type DealMatch, type LeadToMatch } from '../../shared/domain/deals';
import type { DealSummary, DealsImportSummary } from '../../shared/api/leads';

/** The leads deals are matched against: each with its contact's email, name and company. */
function leadsToMatch(sqlite: Database.Database): LeadToMatch[] {
  return sqlite
    .prepare(
      `SELECT l.id, l.deal_id AS dealId, c.email, coalesce(c.name, l.name) AS contact, coalesce(c.company, l.company) AS company
       FROM leads l LEFT JOIN contacts c ON c.id = l.contact_id`,
    )
    .all() as LeadToMatch[];
}

const TRACKED = ['stage', 'amount', 'closedAt', 'currency'] as const;

/**
 * Stores a CRM export's deals in the caller's transaction: a deal new to the workspace is inserted and matched; one
 * already there keeps its lead (a match made, by hand or not, stands) and gets what changed, each change in its
 * history. Returns the counts of the summary.
 */
export function storeDeals(
  sqlite: Database.Database,
  batch: number,
  rows: readonly DealRow[],
  at: number,
): Omit<DealsImportSummary, 'batch' | 'file' | 'currencyAssumed'> {
  const match = createDealMatcher(leadsToMatch(sqlite));
  const existing = sqlite.prepare(
    'SELECT id, stage, amount, closed_at AS closedAt, currency, lead_id AS leadId FROM deals WHERE external_id = ?',
  );
  const insert = sqlite.prepare(
    `INSERT INTO deals (external_id, name, stage, status, closed_at, company, contact, email, amount, currency, product,
       lead_id, match_state, match_method, candidates, batch_id, updated_at)
     VALUES (@dealId, @name, @stage, @status, @closedAt, @company, @contact, @email, @amount, @currency, @product,
       @lead, @state, @method, @candidates, @batch, @at)`,
  );
  const update = sqlite.prepare(
    `UPDATE deals SET name = @name, stage = @stage, status = @status, closed_at = @closedAt, company = @company,
       contact = @contact, email = @email, amount = @amount, currency = @currency, product = @product, updated_at = @at
     WHERE id = @id`,
  );
  const history = sqlite.prepare(
    'INSERT INTO deal_history (deal_id, batch_id, at, field, before, after) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const counts = { new: 0, updated: 0, unchanged: 0, matched: 0, unmatched: 0, ambiguous: 0 };
  for (const deal of rows) {
    const stored = existing.get(deal.dealId) as
      ({ id: number; leadId: number | null } & Record<(typeof TRACKED)[number], unknown>) | undefined;
    if (stored) {
      const changed = TRACKED.filter((field) => stored[field] !== deal[field]);
      if (changed.length === 0) counts.unchanged++;
      else {
        update.run({ ...deal, id: stored.id, at });
        for (const field of changed)
          history.run(stored.id, batch, at, field, String(stored[field] ?? ''), String(deal[field] ?? ''));
        counts.updated++;
      }
      continue;
    }
    const found: DealMatch = match(deal);
    insert.run({
      ...deal,
      lead: found.state === 'matched' ? found.lead : null,
      state: found.state,
      method: found.state === 'unmatched' ? null : found.method,
      candidates: found.state === 'ambiguous' ? JSON.stringify(found.leads) : null,
      batch,
      at,
    });
    counts.new++;
    counts[found.state]++;
  }
  return counts;
}

export function listDeals(sqlite: Database.Database, state?: DealSummary['matchState']): DealSummary[] {
  return (
    sqlite
      .prepare(
        `SELECT id, external_id AS dealId, name, stage, status, closed_at AS closedAt, company, contact, email, amount,
           currency, product, lead_id AS lead, match_state AS matchState, match_method AS matchMethod, candidates
         FROM deals ${state ? 'WHERE match_state = ?' : ''} ORDER BY closed_at DESC, id DESC`,
      )
      .all(...(state ? [state] : [])) as (Omit<DealSummary, 'candidates'> & { candidates: string | null })[]
  ).map((deal) => ({ ...deal, candidates: deal.candidates ? (JSON.parse(deal.candidates) as number[]) : [] }));
}

/** The user's match of a deal to a lead, recorded as made by hand; false when there is no such deal. */
export function matchDeal(sqlite: Database.Database, deal: number, lead: number): boolean {
  return (
    sqlite
      .prepare(
        "UPDATE deals SET lead_id = ?, match_state = 'matched', match_method = 'manual', candidates = NULL WHERE id = ?",
      )
      .run(lead, deal).changes > 0
  );
}

/** A deals preset's columns (the header of each deal field), or null when there is none by that name. */
export function dealPreset(sqlite: Database.Database, name: string): Record<string, string> | null {
  const row = sqlite.prepare('SELECT columns FROM deal_presets WHERE name = ?').get(name) as
    { columns: string } | undefined;
  return row ? (JSON.parse(row.columns) as Record<string, string>) : null;
}

export function dealPresetNames(sqlite: Database.Database): string[] {
  return sqlite.prepare('SELECT name FROM deal_presets ORDER BY name').pluck().all() as string[];
}

/** Saves (or replaces) a deals preset. */
export function saveDealPreset(sqlite: Database.Database, name: string, columns: Record<string, string>): void {
  sqlite
    .prepare(
      `INSERT INTO deal_presets (name, columns, created_at) VALUES (?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET columns = excluded.columns`,
    )
    .run(name, JSON.stringify(columns), Date.now());
}
