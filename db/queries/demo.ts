import type Database from 'better-sqlite3';

/** Seed rows the demo adds beside its messages: community snapshots, leads and sales. */
export function createDemoWriter(sqlite: Database.Database) {
  const ensureSource = sqlite.prepare('INSERT OR IGNORE INTO sources (code, name) VALUES (?, ?)');
  const insertSnapshot = sqlite.prepare(
    `INSERT OR REPLACE INTO community_snapshots (source_id, channel, date, followers, members, active_members)
     VALUES ((SELECT id FROM sources WHERE code = ?), ?, ?, ?, ?, ?)`,
  );
  const insertLead = sqlite.prepare(
    `INSERT INTO leads (name, company, contact_kind, author_id, stage)
     VALUES (?, ?, 'company', (SELECT author_id FROM messages WHERE id = ?), ?)`,
  );
  const insertSale = sqlite.prepare(
    'INSERT INTO sales (lead_id, external_id, amount, currency, won_at) VALUES (?, ?, ?, ?, ?)',
  );

  return {
    addSnapshot(
      source: string,
      channel: string,
      date: string,
      followers: number,
      members: number,
      activeMembers: number,
    ): void {
      ensureSource.run(source, source);
      insertSnapshot.run(source, channel, date, followers, members, activeMembers);
    },
    addLead(fromMessageId: number, name: string, company: string, stage: string): number {
      return Number(insertLead.run(name, company, fromMessageId, stage).lastInsertRowid);
    },
    addSale(leadId: number, externalId: string, amount: number, wonAt: number): void {
      insertSale.run(leadId, externalId, amount, 'EUR', wonAt);
    },
  };
}
