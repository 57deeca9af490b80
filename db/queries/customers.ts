import type Database from 'better-sqlite3';
import type { CustomerStory, ErasureResult, StoryMessage } from '../../shared/api/customers';
import { influenceParts } from '../../shared/domain/kpis';

const ERASED = '(erased)';

/** The person an account belongs to: all their contact's accounts, or the account alone. */
export function personAuthors(
  sqlite: Database.Database,
  author: number,
): { authors: number[]; contact: number | null } {
  const contact = sqlite.prepare('SELECT contact_id FROM contact_accounts WHERE author_id = ?').pluck().get(author) as
    number | undefined;
  if (contact === undefined) return { authors: [author], contact: null };
  const authors = sqlite
    .prepare('SELECT author_id FROM contact_accounts WHERE contact_id = ? ORDER BY author_id')
    .pluck()
    .all(contact) as number[];
  return { authors, contact };
}

const IN_AUTHORS = 'm.author_id IN (SELECT value FROM json_each(@authors))';

/** A person's whole story: accounts, messages and mood over time, cases, leads, topics, likes and influence. */
export function customerStory(sqlite: Database.Database, author: number): CustomerStory | null {
  if (sqlite.prepare('SELECT 1 FROM authors WHERE id = ?').get(author) === undefined) return null;
  const { authors, contact } = personAuthors(sqlite, author);
  const p = { authors: JSON.stringify(authors) };
  const accounts = sqlite
    .prepare(
      `SELECT a.id AS authorId, s.code AS source, a.handle, a.name, a.followers FROM authors a
       JOIN sources s ON s.id = a.source_id WHERE a.id IN (SELECT value FROM json_each(@authors)) ORDER BY s.code, a.handle`,
    )
    .all(p) as CustomerStory['accounts'];
  const person = contact === null ? null : (sqlite.prepare('SELECT id, name, company, email FROM contacts WHERE id = ?').get(contact) as CustomerStory['contact']); // prettier-ignore
  const totals = sqlite
    .prepare(`SELECT count(*) AS total, count(m.temperature) AS labeled FROM messages m WHERE ${IN_AUTHORS}`)
    .get(p) as { total: number; labeled: number };
  const latest = sqlite
    .prepare(
      `SELECT m.id, m.posted_at AS postedAt, s.code AS source, m.text, m.temperature, m.kind FROM messages m
       JOIN sources s ON s.id = m.source_id WHERE ${IN_AUTHORS} ORDER BY m.posted_at DESC, m.id DESC LIMIT 200`,
    )
    .all(p) as StoryMessage[];
  const temperatures = sqlite
    .prepare(
      `SELECT posted_at AS at, temperature FROM messages m WHERE ${IN_AUTHORS} AND m.temperature IS NOT NULL
       ORDER BY m.posted_at, m.id`,
    )
    .all(p) as CustomerStory['temperatures'];
  const recent = temperatures.slice(-5);
  const byMatch = (table: 'entities' | 'topics', link: 'message_entities' | 'message_topics', key: string) =>
    sqlite
      .prepare(
        `SELECT x.name, count(*) AS messages, avg(m.temperature) AS meanTemperature FROM messages m
         JOIN ${link} l ON l.message_id = m.id JOIN ${table} x ON x.id = l.${key}
         WHERE ${IN_AUTHORS} GROUP BY x.id ORDER BY messages DESC, x.name`,
      )
      .all(p) as CustomerStory['topics'];
  const engagement = sqlite
    .prepare('SELECT coalesce(sum(engagement), 0) FROM authors WHERE id IN (SELECT value FROM json_each(@authors))')
    .pluck()
    .get(p) as number;
  const repliesReceived = sqlite
    .prepare(
      `SELECT count(*) FROM messages r WHERE r.reply_to_external_id IN (
         SELECT m.external_id FROM messages m WHERE ${IN_AUTHORS} AND m.external_id IS NOT NULL)`,
    )
    .pluck()
    .get(p) as number;
  const followers = accounts.reduce<number | null>(
    (most, a) => (a.followers === null ? most : Math.max(most ?? 0, a.followers)),
    null,
  );
  return {
    name: person?.name ?? accounts[0]?.name ?? accounts[0]?.handle ?? '',
    contact: person,
    accounts,
    messages: { ...totals, latest },
    temperatures,
    mood: recent.length === 0 ? null : recent.reduce((sum, t) => sum + t.temperature, 0) / recent.length,
    cases: sqlite
      .prepare(
        `SELECT DISTINCT c.id, c.type, c.status, c.opened_at AS openedAt, c.sla_state AS slaState FROM cases c
         JOIN case_messages cm ON cm.case_id = c.id JOIN messages m ON m.id = cm.message_id WHERE ${IN_AUTHORS}
         ORDER BY c.opened_at DESC`,
      )
      .all(p) as CustomerStory['cases'],
    leads: sqlite
      .prepare(
        `SELECT id, name, stage FROM leads WHERE author_id IN (SELECT value FROM json_each(@authors))
           OR contact_id = @contact ORDER BY id`,
      )
      .all({ ...p, contact }) as CustomerStory['leads'],
    topics: byMatch('topics', 'message_topics', 'topic_id'),
    entities: byMatch('entities', 'message_entities', 'entity_id'),
    influence: { ...influenceParts(followers, engagement, repliesReceived), followers, engagement, repliesReceived },
  };
}

/** Everything stored about a person, table by table, for the copy data-protection law entitles them to. */
export function personData(sqlite: Database.Database, author: number): Record<string, unknown[]> {
  const { authors, contact } = personAuthors(sqlite, author);
  const p = { authors: JSON.stringify(authors), contact };
  const all = (sql: string): unknown[] => sqlite.prepare(sql).all(p);
  const messages = `SELECT id FROM messages m WHERE ${IN_AUTHORS}`;
  const cases = `SELECT case_id FROM case_messages WHERE message_id IN (${messages})`;
  const leads = `SELECT id FROM leads WHERE author_id IN (SELECT value FROM json_each(@authors)) OR contact_id = @contact`;
  return {
    authors: all(`SELECT a.*, s.code AS source FROM authors a JOIN sources s ON s.id = a.source_id
      WHERE a.id IN (SELECT value FROM json_each(@authors))`),
    contacts: all('SELECT * FROM contacts WHERE id = @contact'),
    messages: all(`SELECT m.* FROM messages m WHERE ${IN_AUTHORS} ORDER BY m.posted_at`),
    messageOriginals: all(`SELECT * FROM message_originals WHERE message_id IN (${messages})`),
    labels: all(`SELECT * FROM labels WHERE message_id IN (${messages}) ORDER BY labeled_at`),
    cases: all(`SELECT * FROM cases WHERE id IN (${cases})`),
    caseReplies: all(`SELECT * FROM case_replies WHERE case_id IN (${cases}) ORDER BY at`),
    caseEvents: all(`SELECT * FROM case_events WHERE case_id IN (${cases}) ORDER BY at`),
    leads: all(`SELECT * FROM leads WHERE id IN (${leads})`),
    leadStages: all(`SELECT * FROM lead_stages WHERE lead_id IN (${leads})`),
    deals: all(`SELECT * FROM deals WHERE lead_id IN (${leads})`),
    ideas: all(
      `SELECT i.* FROM ideas i WHERE i.id IN (SELECT idea_id FROM idea_messages WHERE message_id IN (${messages}))`,
    ),
  };
}

/**
 * Erases a person: their accounts and contact go; their messages stay only as anonymous counts (date, network,
 * temperature, kind and matches, under a placeholder author with no name, followers or handle of theirs, so past
 * reports keep their figures) with text, ids and links gone; their label history, original texts, case notes and
 * answers' texts, and their leads' and deals' names and contact details are wiped. Logged in `erasures`.
 */
export function erasePerson(sqlite: Database.Database, author: number, at: number, by: string): ErasureResult {
  return sqlite.transaction(() => {
    const { authors, contact } = personAuthors(sqlite, author);
    const log = Number(
      sqlite
        .prepare('INSERT INTO erasures (at, by, authors, messages, cases, leads) VALUES (?, ?, 0, 0, 0, 0)')
        .run(at, by).lastInsertRowid,
    );
    const p = { authors: JSON.stringify(authors), contact, log, erased: ERASED };
    const messageIds = sqlite.prepare(`SELECT id FROM messages m WHERE ${IN_AUTHORS}`).pluck().all(p) as number[];
    const ids = { ...p, messages: JSON.stringify(messageIds) };
    const inMessages = 'SELECT value FROM json_each(@messages)';
    const caseIds = sqlite
      .prepare(`SELECT DISTINCT case_id FROM case_messages WHERE message_id IN (${inMessages})`)
      .pluck()
      .all(ids) as number[];
    const leadIds = sqlite
      .prepare(
        'SELECT id FROM leads WHERE author_id IN (SELECT value FROM json_each(@authors)) OR contact_id = @contact',
      )
      .pluck()
      .all(ids) as number[];
    const contactRow = contact === null ? undefined : (sqlite.prepare('SELECT name, email FROM contacts WHERE id = ?').get(contact) as { name: string; email: string | null }); // prettier-ignore

    // One placeholder author per account, with its coarse demographics only: counts of users and demographics hold.
    const placeholder = sqlite.prepare(
      `INSERT INTO authors (source_id, handle, age_band, sex, region)
       SELECT source_id, '(erased ' || @log || '.' || id || ')', age_band, sex, region FROM authors WHERE id = @id`,
    );
    for (const authorId of authors) {
      const stand = Number(placeholder.run({ log, id: authorId }).lastInsertRowid);
      sqlite
        .prepare(
          `UPDATE messages SET author_id = @stand, text = @erased, url = NULL, external_id = NULL,
             reply_to_external_id = NULL, language = NULL, content_hash = 'erased:' || id WHERE author_id = @id`,
        )
        .run({ stand, id: authorId, erased: ERASED });
      sqlite.prepare('UPDATE leads SET author_id = @stand WHERE author_id = @id').run({ stand, id: authorId });
    }
    sqlite.prepare(`DELETE FROM labels WHERE message_id IN (${inMessages})`).run(ids);
    sqlite.prepare('DELETE FROM label_actions WHERE NOT EXISTS (SELECT 1 FROM labels l WHERE l.action_id = label_actions.id)').run(); // prettier-ignore
    sqlite.prepare(`UPDATE messages SET annotator = NULL WHERE id IN (${inMessages})`).run(ids);
    sqlite.prepare(`DELETE FROM message_originals WHERE message_id IN (${inMessages})`).run(ids);
    const inCases = 'SELECT value FROM json_each(@cases)';
    const c = { ...ids, cases: JSON.stringify(caseIds) };
    sqlite.prepare(`UPDATE case_replies SET text = @erased WHERE case_id IN (${inCases})`).run(c);
    sqlite.prepare(`UPDATE case_events SET value = @erased WHERE action = 'note' AND case_id IN (${inCases})`).run(c);
    const l = {
      ...ids,
      leads: JSON.stringify(leadIds),
      name: contactRow?.name ?? null,
      email: contactRow?.email ?? null,
    };
    sqlite
      .prepare(
        `UPDATE leads SET name = @erased, company = NULL, contact_id = NULL
         WHERE id IN (SELECT value FROM json_each(@leads))`,
      )
      .run(l);
    sqlite
      .prepare(
        `UPDATE deals SET name = NULL, contact = NULL, email = NULL
         WHERE lead_id IN (SELECT value FROM json_each(@leads)) OR contact = @name OR email = @email`,
      )
      .run(l);
    if (contact !== null) sqlite.prepare('DELETE FROM contacts WHERE id = ?').run(contact);
    sqlite.prepare('DELETE FROM authors WHERE id IN (SELECT value FROM json_each(@authors))').run(ids);
    sqlite
      .prepare('UPDATE erasures SET authors = ?, messages = ?, cases = ?, leads = ? WHERE id = ?')
      .run(authors.length, messageIds.length, caseIds.length, leadIds.length, log);
    return {
      authors: authors.length,
      messages: messageIds.length,
      cases: caseIds.length,
      leads: leadIds.length,
      contact: contact !== null,
    };
  })();
}
