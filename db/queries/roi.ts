import type Database from 'better-sqlite3';
import type { LeadPath, PeriodCosts, RoiReport, WonDeal } from '../../shared/domain/roi';
import type { Range } from './kpis';
import type { CostEntry as StoredCostEntry } from '../../shared/api/leads';

const DAY = 86_400_000;
const dayOf = (text: string): number => Date.parse(`${text}T00:00:00Z`);

/**
 * The costs of a period of days (inclusive, YYYY-MM-DD): each cost row's amounts times the share of its days that
 * fall in the period. Null when no row does.
 */
export function periodCosts(sqlite: Database.Database, from: string, to: string): PeriodCosts | null {
  const rows = sqlite
    .prepare(
      `SELECT "from", "to", cm_hours AS cmHours, cm_rate AS cmRate, agency_fee AS agencyFee, agency_share AS agencyShare,
         tools, ads, currency FROM costs WHERE "from" <= ? AND "to" >= ?`,
    )
    .all(to, from) as StoredCostEntry[];
  if (rows.length === 0) return null;
  const total: PeriodCosts = { currency: rows[0]?.currency ?? 'EUR', communityManager: 0, agency: 0, tools: 0, ads: 0 };
  for (const row of rows) {
    const days = (dayOf(row.to) - dayOf(row.from)) / DAY + 1;
    const shared = (Math.min(dayOf(row.to), dayOf(to)) - Math.max(dayOf(row.from), dayOf(from))) / DAY + 1;
    const part = Math.max(0, shared) / days;
    total.communityManager += part * (row.cmHours * row.cmRate + row.agencyFee * (1 - row.agencyShare));
    total.agency += part * row.agencyFee * row.agencyShare;
    total.tools += part * row.tools;
    total.ads += part * row.ads;
  }
  return total;
}

/** What the ROI leg reads for a period: its won deals with their touches, every lead's path, the deals' matches. */
export function roiAggregates(
  sqlite: Database.Database,
  range: Range,
): { deals: WonDeal[]; paths: LeadPath[]; dealStates: RoiReport['deals'] } {
  type Touch = WonDeal['touches'][number] & { message: number };
  const touches = new Map<number, Touch[]>();
  for (const row of sqlite
    .prepare(
      `SELECT lm.lead_id AS lead, m.id AS message, m.posted_at AS at, s.code AS source
       FROM lead_messages lm JOIN messages m ON m.id = lm.message_id JOIN sources s ON s.id = m.source_id
       ORDER BY m.posted_at, m.id`,
    )
    .all() as (Touch & { lead: number })[]) {
    const { lead, ...touch } = row;
    const list = touches.get(lead);
    if (list) list.push(touch);
    else touches.set(lead, [touch]);
  }
  const deals = (
    sqlite
      .prepare(
        `SELECT d.amount, d.currency, d.closed_at AS closedAt, d.lead_id AS lead, l.created_at AS leadCreatedAt,
           l.campaign,
           (SELECT min(s.at) FROM lead_stages s WHERE s.lead_id = l.id AND s.stage = 'opportunity') AS opportunityAt
         FROM deals d JOIN leads l ON l.id = d.lead_id
         WHERE d.status = 'won' AND d.closed_at >= ? AND d.closed_at < ?`,
      )
      .all(range.start, range.end) as (Omit<WonDeal, 'touches'> & { lead: number })[]
  ).map(({ lead, ...deal }) => ({ ...deal, touches: touches.get(lead) ?? [] }));
  // The entities each attributed touch names: read for the period's won deals only, not for every lead's touches.
  const attributed = deals.flatMap((deal) => deal.touches as Touch[]);
  const entities = new Map<number, string[]>();
  for (const { message, name } of sqlite
    .prepare(
      `SELECT me.message_id AS message, e.name FROM message_entities me JOIN entities e ON e.id = me.entity_id
       WHERE me.message_id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(attributed.map((touch) => touch.message))) as { message: number; name: string }[])
    entities.set(message, [...(entities.get(message) ?? []), name]);
  for (const touch of attributed) touch.entities = entities.get(touch.message) ?? [];
  const paths = (
    sqlite.prepare('SELECT id, stage FROM leads WHERE created_at < ?').all(range.end) as { id: number; stage: string }[]
  ).map((lead): LeadPath => ({
    sources: (touches.get(lead.id) ?? []).map((touch) => touch.source),
    outcome: lead.stage === 'won' ? 'won' : lead.stage === 'lost' ? 'lost' : 'open',
  }));
  const states = Object.fromEntries(
    sqlite
      .prepare('SELECT match_state, count(*) FROM deals WHERE closed_at >= ? AND closed_at < ? GROUP BY match_state')
      .raw()
      .all(range.start, range.end) as [string, number][],
  );
  return {
    deals,
    paths,
    dealStates: { matched: states.matched ?? 0, unmatched: states.unmatched ?? 0, ambiguous: states.ambiguous ?? 0 },
  };
}

export interface CostEntry {
  from: string;
  to: string;
  cmHours?: number | undefined;
  cmRate?: number | undefined;
  agencyFee?: number | undefined;
  agencyShare?: number | undefined;
  tools?: number | undefined;
  ads?: number | undefined;
  currency?: string | undefined;
}

/**
 * The currency the workspace's money is in, for amounts a file does not name one for (Salesforce's Data Loader extract,
 * an ads report): the cost model's latest (ROI compares revenue with it, and leaves out deals in another currency),
 * else the deals' stored last, else EUR.
 */
export function workspaceCurrency(sqlite: Database.Database): string {
  const row = sqlite
    .prepare(
      `SELECT currency FROM (SELECT currency, 0 AS rank, "to" AS at FROM costs
         UNION ALL SELECT currency, 1, updated_at FROM deals)
       ORDER BY rank, at DESC LIMIT 1`,
    )
    .get() as { currency: string } | undefined;
  return row?.currency ?? 'EUR';
}

/**
 * Sets the ads of the entry for exactly these days (an ads report's spend), keeping its other figures; false when that
 * entry is in another currency (the two are not added up).
 */
export function setAdSpend(
  sqlite: Database.Database,
  from: string,
  to: string,
  ads: number,
  currency: string,
): boolean {
  return sqlite.transaction(() => {
    const entry = costEntry(sqlite, from, to);
    if (entry && entry.currency !== currency && entry.cmHours * entry.cmRate + entry.agencyFee + entry.tools > 0)
      return false;
    setCosts(sqlite, { ...(entry ?? { from, to }), ads, currency });
    return true;
  })();
}

/** The entry made for exactly these days, if one was. */
export function costEntry(sqlite: Database.Database, from: string, to: string): StoredCostEntry | null {
  const row = sqlite
    .prepare(
      `SELECT "from", "to", cm_hours AS cmHours, cm_rate AS cmRate, agency_fee AS agencyFee, agency_share AS agencyShare,
         tools, ads, currency FROM costs WHERE "from" = ? AND "to" = ? ORDER BY id DESC LIMIT 1`,
    )
    .get(from, to) as StoredCostEntry | undefined;
  return row ?? null;
}

/** Sets the cost of a period, replacing one entered before for exactly those days. */
export function setCosts(sqlite: Database.Database, entry: CostEntry): void {
  sqlite.transaction(() => {
    sqlite.prepare('DELETE FROM costs WHERE "from" = ? AND "to" = ?').run(entry.from, entry.to);
    sqlite
      .prepare(
        `INSERT INTO costs ("from", "to", cm_hours, cm_rate, agency_fee, agency_share, tools, ads, currency)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        entry.from,
        entry.to,
        entry.cmHours ?? 0,
        entry.cmRate ?? 0,
        entry.agencyFee ?? 0,
        entry.agencyShare ?? 1,
        entry.tools ?? 0,
        entry.ads ?? 0,
        entry.currency ?? 'EUR',
      );
  })();
}
