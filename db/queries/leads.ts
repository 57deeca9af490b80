import type Database from 'better-sqlite3';
import type { LeadDetail, LeadSummary, NewLead } from '../../shared/api/leads';
import type { LeadStage } from '../../shared/domain/vocabulary';

const SUMMARY = `SELECT l.id, l.name, l.company, l.stage, l.owner, l.expected_value AS expectedValue, l.currency,
    l.product, l.campaign, l.created_at AS createdAt, c.id AS contactId, c.name AS contact, c.email,
    (SELECT max(s.at) FROM lead_stages s WHERE s.lead_id = l.id) AS stageAt,
    (SELECT count(*) FROM lead_messages lm WHERE lm.lead_id = l.id) AS messages,
    (SELECT d.external_id FROM deals d WHERE d.lead_id = l.id ORDER BY d.closed_at DESC LIMIT 1) AS deal,
    (SELECT d.closed_at FROM deals d WHERE d.lead_id = l.id AND d.status = 'won' ORDER BY d.closed_at DESC LIMIT 1)
      AS wonAt
  FROM leads l LEFT JOIN contacts c ON c.id = l.contact_id`;

export function listLeads(sqlite: Database.Database, stage?: LeadStage): LeadSummary[] {
  return sqlite
    .prepare(`${SUMMARY} ${stage ? 'WHERE l.stage = ?' : ''} ORDER BY l.id`)
    .all(...(stage ? [stage] : [])) as LeadSummary[];
}

export function leadDetail(sqlite: Database.Database, id: number): LeadDetail | null {
  const lead = sqlite.prepare(`${SUMMARY} WHERE l.id = ?`).get(id) as LeadSummary | undefined;
  if (!lead) return null;
  return {
    ...lead,
    history: sqlite
      .prepare('SELECT stage, at, by FROM lead_stages WHERE lead_id = ? ORDER BY at, id')
      .all(id) as LeadDetail['history'],
    messageIds: sqlite
      .prepare(
        `SELECT m.id FROM lead_messages lm JOIN messages m ON m.id = lm.message_id
         WHERE lm.lead_id = ? ORDER BY m.posted_at, m.id`,
      )
      .pluck()
      .all(id) as number[],
  };
}

/** Messages by their own ids or by the ids their files gave them; a missing one is named. */
export function resolveMessages(
  sqlite: Database.Database,
  ids: readonly number[],
  externalIds: readonly string[],
): { found: number[]; missing: string[] } {
  const byId = sqlite.prepare('SELECT id FROM messages WHERE id = ?').pluck();
  const byExternal = sqlite.prepare('SELECT id FROM messages WHERE external_id = ? ORDER BY id LIMIT 1').pluck();
  const found: number[] = [];
  const missing: string[] = [];
  for (const id of ids) {
    const row = byId.get(id) as number | undefined;
    if (row === undefined) missing.push(`#${id}`);
    else found.push(row);
  }
  for (const external of externalIds) {
    const row = byExternal.get(external) as number | undefined;
    if (row === undefined) missing.push(external);
    else found.push(row);
  }
  return { found: [...new Set(found)], missing };
}

/**
 * A lead from messages, with its contact: the contact the first message's author is an account of, else one made for
 * that author with the name and company given. Its first stage is dated `at`.
 */
export function createLead(
  sqlite: Database.Database,
  lead: NewLead,
  messageIds: readonly number[],
  by: string,
): number {
  const first = messageIds[0] as number;
  const author = sqlite.prepare('SELECT author_id FROM messages WHERE id = ?').pluck().get(first) as number;
  let contact = sqlite.prepare('SELECT contact_id FROM contact_accounts WHERE author_id = ?').pluck().get(author) as
    number | undefined;
  if (contact === undefined) {
    contact = Number(
      sqlite
        .prepare('INSERT INTO contacts (name, company, email) VALUES (?, ?, ?)')
        .run(lead.name, lead.company ?? null, lead.email ?? null).lastInsertRowid,
    );
    sqlite.prepare('INSERT INTO contact_accounts (author_id, contact_id) VALUES (?, ?)').run(author, contact);
  }
  const id = Number(
    sqlite
      .prepare(
        `INSERT INTO leads (name, company, contact_kind, author_id, stage, contact_id, owner, expected_value, currency,
           product, campaign, created_at, deal_id)
         VALUES (?, ?, 'person', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        lead.name,
        lead.company ?? null,
        author,
        lead.stage,
        contact,
        lead.owner ?? null,
        lead.value ?? null,
        lead.currency,
        lead.product ?? null,
        lead.campaign ?? null,
        lead.at,
        lead.dealId ?? null,
      ).lastInsertRowid,
  );
  sqlite
    .prepare('INSERT INTO lead_stages (lead_id, stage, at, by) VALUES (?, ?, ?, ?)')
    .run(id, lead.stage, lead.at, by);
  linkMessages(sqlite, id, messageIds, by);
  return id;
}

export function linkMessages(
  sqlite: Database.Database,
  lead: number,
  messageIds: readonly number[],
  by: string,
): number {
  const link = sqlite.prepare('INSERT OR IGNORE INTO lead_messages (lead_id, message_id, linked_by) VALUES (?, ?, ?)');
  return messageIds.reduce((linked, message) => linked + link.run(lead, message, by).changes, 0);
}

/** Moves a lead to a stage, recorded with when and by whom; false when it is there already. */
export function setLeadStage(
  sqlite: Database.Database,
  lead: number,
  stage: LeadStage,
  at: number,
  by: string,
): boolean {
  if (sqlite.prepare('UPDATE leads SET stage = ? WHERE id = ? AND stage != ?').run(stage, lead, stage).changes === 0)
    return false;
  sqlite.prepare('INSERT INTO lead_stages (lead_id, stage, at, by) VALUES (?, ?, ?, ?)').run(lead, stage, at, by);
  return true;
}

export const leadExists = (sqlite: Database.Database, id: number): boolean =>
  sqlite.prepare('SELECT 1 FROM leads WHERE id = ?').get(id) !== undefined;

const LEAD_COLUMNS = {
  owner: 'owner',
  value: 'expected_value',
  currency: 'currency',
  product: 'product',
  campaign: 'campaign',
};

/** Sets a lead's own figures (those given; null clears one). */
export function updateLead(
  sqlite: Database.Database,
  id: number,
  fields: Partial<Record<keyof typeof LEAD_COLUMNS, string | number | null>>,
): void {
  const set = (Object.keys(LEAD_COLUMNS) as (keyof typeof LEAD_COLUMNS)[]).filter((key) => fields[key] !== undefined);
  if (set.length === 0) return;
  sqlite
    .prepare(`UPDATE leads SET ${set.map((key) => `${LEAD_COLUMNS[key]} = @${key}`).join(', ')} WHERE id = @id`)
    .run({ ...Object.fromEntries(set.map((key) => [key, fields[key] ?? null])), id });
}
