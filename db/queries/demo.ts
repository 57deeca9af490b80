import type Database from 'better-sqlite3';

/** Seed rows the demo adds beside its messages: community snapshots, leads and their won deals. */
export function createDemoWriter(sqlite: Database.Database) {
  const ensureSource = sqlite.prepare('INSERT OR IGNORE INTO sources (code, name) VALUES (?, ?)');
  const insertSnapshot = sqlite.prepare(
    `INSERT OR REPLACE INTO community_snapshots (source_id, channel, date, followers, members, active_members)
     VALUES ((SELECT id FROM sources WHERE code = ?), ?, ?, ?, ?, ?)`,
  );
  const insertContact = sqlite.prepare('INSERT INTO contacts (name, company) VALUES (?, ?)');
  const insertAccount = sqlite.prepare(
    'INSERT OR IGNORE INTO contact_accounts (author_id, contact_id) SELECT author_id, ? FROM messages WHERE id = ?',
  );
  const insertLead = sqlite.prepare(
    `INSERT INTO leads (name, company, contact_kind, author_id, stage, contact_id, created_at, expected_value)
     SELECT ?, ?, 'company', author_id, ?, ?, ?, ? FROM messages WHERE id = ?`,
  );
  const insertStage = sqlite.prepare("INSERT INTO lead_stages (lead_id, stage, at, by) VALUES (?, ?, ?, 'demo')");
  const linkMessage = sqlite.prepare(
    "INSERT INTO lead_messages (lead_id, message_id, linked_by) VALUES (?, ?, 'demo')",
  );
  const insertSale = sqlite.prepare(
    `INSERT INTO deals (external_id, status, stage, closed_at, amount, currency, lead_id, match_state, match_method,
       company, contact)
     SELECT ?, 'won', 'Closed Won', ?, ?, ?, l.id, 'matched', 'deal-id', l.company, l.name FROM leads l WHERE l.id = ?`,
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
    /** A lead from messages (the first its contact's), through its stages as dated, its last being where it stands. */
    addLead(
      messageIds: readonly number[],
      name: string,
      company: string,
      stages: readonly { stage: string; at: number }[],
      value: number | null,
    ): number {
      const first = messageIds[0] as number;
      const contact = Number(insertContact.run(name, company).lastInsertRowid);
      insertAccount.run(contact, first);
      const current = stages[stages.length - 1] as { stage: string; at: number };
      const lead = Number(
        insertLead.run(name, company, current.stage, contact, stages[0]?.at ?? current.at, value, first)
          .lastInsertRowid,
      );
      for (const step of stages) insertStage.run(lead, step.stage, step.at);
      for (const message of messageIds) linkMessage.run(lead, message);
      return lead;
    },
    addSale(leadId: number, externalId: string, amount: number, wonAt: number): void {
      insertSale.run(externalId, wonAt, amount, 'EUR', leadId);
    },
  };
}
