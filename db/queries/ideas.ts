import type Database from 'better-sqlite3';
import type { IdeaStatus, IdeaSummary, StoryMessage } from '../../shared/api/customers';

const IDEAS = `SELECT i.id, i.title, i.status, i.created_at AS createdAt,
    (SELECT count(DISTINCT m.author_id) FROM idea_messages im JOIN messages m ON m.id = im.message_id
      WHERE im.idea_id = i.id) AS votes,
    (SELECT count(*) FROM idea_messages im WHERE im.idea_id = i.id) AS messages,
    (SELECT avg(m.temperature) FROM idea_messages im JOIN messages m ON m.id = im.message_id
      WHERE im.idea_id = i.id) AS meanTemperature
  FROM ideas i`;

/** The ideas board: most asked first, each with the customers to tell when it ships. */
export function listIdeas(sqlite: Database.Database): IdeaSummary[] {
  const ideas = sqlite.prepare(`${IDEAS} ORDER BY votes DESC, i.id`).all() as Omit<IdeaSummary, 'customers'>[];
  const customers = sqlite.prepare(
    `SELECT DISTINCT a.id AS authorId, s.code AS source, a.handle FROM idea_messages im
     JOIN messages m ON m.id = im.message_id JOIN authors a ON a.id = m.author_id JOIN sources s ON s.id = a.source_id
     WHERE im.idea_id = ? ORDER BY s.code, a.handle`,
  );
  return ideas.map((idea) => ({ ...idea, customers: customers.all(idea.id) as IdeaSummary['customers'] }));
}

export function ideaExists(sqlite: Database.Database, id: number): boolean {
  return sqlite.prepare('SELECT 1 FROM ideas WHERE id = ?').get(id) !== undefined;
}

export function createIdea(sqlite: Database.Database, title: string, messages: readonly number[], at: number): number {
  const id = Number(
    sqlite.prepare('INSERT INTO ideas (title, created_at, updated_at) VALUES (?, ?, ?)').run(title, at, at)
      .lastInsertRowid,
  );
  linkIdeaMessages(sqlite, id, messages);
  return id;
}

export function linkIdeaMessages(sqlite: Database.Database, idea: number, messages: readonly number[]): number {
  const link = sqlite.prepare('INSERT OR IGNORE INTO idea_messages (idea_id, message_id) VALUES (?, ?)');
  return messages.reduce((added, message) => added + link.run(idea, message).changes, 0);
}

/** Duplicates as one idea: their messages (and so their customers' votes) move to `into`; the others go. */
export function mergeIdeas(sqlite: Database.Database, into: number, from: readonly number[], at: number): void {
  const others = JSON.stringify(from.filter((id) => id !== into));
  sqlite
    .prepare(
      `INSERT OR IGNORE INTO idea_messages (idea_id, message_id)
       SELECT ?, message_id FROM idea_messages WHERE idea_id IN (SELECT value FROM json_each(?))`,
    )
    .run(into, others);
  sqlite.prepare('DELETE FROM ideas WHERE id IN (SELECT value FROM json_each(?))').run(others);
  sqlite.prepare('UPDATE ideas SET updated_at = ? WHERE id = ?').run(at, into);
}

export function setIdeaStatus(sqlite: Database.Database, idea: number, status: IdeaStatus, at: number): void {
  sqlite.prepare('UPDATE ideas SET status = ?, updated_at = ? WHERE id = ?').run(status, at, idea);
}

/** Suggestions no idea holds yet, newest first, and how many there are. */
export function ungroupedSuggestions(
  sqlite: Database.Database,
  limit: number,
): { total: number; messages: StoryMessage[] } {
  const where = `m.kind = 'suggestion' AND NOT EXISTS (SELECT 1 FROM idea_messages im WHERE im.message_id = m.id)`;
  return {
    total: sqlite.prepare(`SELECT count(*) FROM messages m WHERE ${where}`).pluck().get() as number,
    messages: sqlite
      .prepare(
        `SELECT m.id, m.posted_at AS postedAt, s.code AS source, m.text, m.temperature, m.kind FROM messages m
         JOIN sources s ON s.id = m.source_id WHERE ${where} ORDER BY m.posted_at DESC LIMIT ?`,
      )
      .all(limit) as StoryMessage[],
  };
}
