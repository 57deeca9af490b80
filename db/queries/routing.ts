import type Database from 'better-sqlite3';
import type { CannedReply, RoutingRule } from '../../shared/api/cases';
import {
  leastLoadedPick,
  parseRoutingCondition,
  roundRobinPick,
  routingMatches,
  type RoutedMessage,
} from '../../shared/domain/routing';
import type { CaseFields } from './cases';

const RULES = `SELECT id, name, condition AS "when", department, case_type AS type, priority, assignee, assign
  FROM routing_rules ORDER BY position, id`;

export function listRoutingRules(sqlite: Database.Database): RoutingRule[] {
  return sqlite.prepare(RULES).all() as RoutingRule[];
}

export function addRoutingRule(sqlite: Database.Database, rule: Omit<RoutingRule, 'id'>): number {
  return Number(
    sqlite
      .prepare(
        `INSERT INTO routing_rules (name, position, condition, department, case_type, priority, assignee, assign)
         VALUES (@name, (SELECT coalesce(max(position), 0) + 1 FROM routing_rules), @when, @department, @type,
           @priority, @assignee, @assign)`,
      )
      .run(rule).lastInsertRowid,
  );
}

/** Whether there was such a rule to remove. */
export function removeRoutingRule(sqlite: Database.Database, id: number): boolean {
  return sqlite.prepare('DELETE FROM routing_rules WHERE id = ?').run(id).changes > 0;
}

export function setTeam(sqlite: Database.Database, department: string, members: readonly string[]): void {
  sqlite.prepare('DELETE FROM team_members WHERE department = ?').run(department);
  const add = sqlite.prepare('INSERT OR IGNORE INTO team_members (department, agent) VALUES (?, ?)');
  for (const member of members) add.run(department, member);
}

export function listTeams(sqlite: Database.Database): { department: string; members: string[] }[] {
  const teams = new Map<string, string[]>();
  for (const { department, agent } of sqlite
    .prepare('SELECT department, agent FROM team_members ORDER BY department, agent')
    .all() as { department: string; agent: string }[])
    teams.set(department, [...(teams.get(department) ?? []), agent]);
  return [...teams].map(([department, members]) => ({ department, members }));
}

/** What routing reads of messages: their text, kind, network, temperature, entities, topics and author. */
export function routedMessages(sqlite: Database.Database, ids: readonly number[]): Map<number, RoutedMessage> {
  const rows = sqlite
    .prepare(
      `SELECT m.id, m.text, m.kind, s.code AS source, m.temperature, a.followers,
         EXISTS (SELECT 1 FROM contact_accounts ca WHERE ca.author_id = m.author_id) AS isContact,
         (SELECT json_group_array(e.name) FROM message_entities me JOIN entities e ON e.id = me.entity_id
           WHERE me.message_id = m.id) AS entities,
         (SELECT json_group_array(t.name) FROM message_topics mt JOIN topics t ON t.id = mt.topic_id
           WHERE mt.message_id = m.id) AS topics
       FROM messages m JOIN sources s ON s.id = m.source_id JOIN authors a ON a.id = m.author_id
       WHERE m.id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(ids)) as (Omit<RoutedMessage, 'entities' | 'topics' | 'isContact'> & {
    id: number;
    isContact: number;
    entities: string;
    topics: string;
  })[];
  return new Map(
    rows.map(({ id, entities, topics, isContact, ...row }) => [
      id,
      { ...row, isContact: isContact === 1, entities: JSON.parse(entities), topics: JSON.parse(topics) },
    ]),
  );
}

/** The first rule (by position) that matches any of the messages. */
export function matchingRule(
  rules: readonly RoutingRule[],
  messages: readonly RoutedMessage[],
): RoutingRule | undefined {
  return rules.find((rule) => {
    const condition = parseRoutingCondition(rule.when);
    return messages.some((message) => routingMatches(condition, message));
  });
}

/**
 * What a rule sets on a case, the assignee chosen by its mode among its team's members: round robin takes the next
 * member's turn (the rule counts its turns), least loaded the member with fewest open cases.
 */
export function routeBy(sqlite: Database.Database, rule: RoutingRule): Partial<CaseFields> {
  const fields: Partial<CaseFields> = {
    ...(rule.department !== null ? { department: rule.department } : {}),
    ...(rule.type !== null ? { type: rule.type } : {}),
    ...(rule.priority !== null ? { priority: rule.priority } : {}),
  };
  if (rule.assign === 'fixed') return rule.assignee !== null ? { ...fields, assignee: rule.assignee } : fields;
  const members = sqlite
    .prepare('SELECT agent FROM team_members WHERE department = ?')
    .pluck()
    .all(rule.department ?? '') as string[];
  if (rule.assign === 'round_robin') {
    const turns = sqlite.prepare('SELECT turns FROM routing_rules WHERE id = ?').pluck().get(rule.id) as number;
    sqlite.prepare('UPDATE routing_rules SET turns = turns + 1 WHERE id = ?').run(rule.id);
    const pick = roundRobinPick(members, turns);
    return pick === null ? fields : { ...fields, assignee: pick };
  }
  const load = new Map(
    sqlite
      .prepare(
        `SELECT assignee, count(*) FROM cases WHERE status IN ('new', 'attended', 'waiting') AND assignee IS NOT NULL
         GROUP BY assignee`,
      )
      .raw()
      .all() as [string, number][],
  );
  const pick = leastLoadedPick(members, load);
  return pick === null ? fields : { ...fields, assignee: pick };
}

const CANNED = `SELECT c.id, c.code, c.language, c.department, c.text,
  (SELECT count(*) FROM case_replies r WHERE r.canned_id = c.id) AS uses FROM canned_replies c
  WHERE c.retired_at IS NULL`;

export function listCanned(sqlite: Database.Database): CannedReply[] {
  return sqlite.prepare(`${CANNED} ORDER BY c.code`).all() as CannedReply[];
}

/** A canned reply in use (not removed) by its code. */
export function cannedByCode(sqlite: Database.Database, code: string): CannedReply | undefined {
  return sqlite.prepare(`${CANNED} AND c.code = ?`).get(code) as CannedReply | undefined;
}

/** Its id; the same code again replaces the text (and brings back one that was removed). */
export function addCanned(sqlite: Database.Database, canned: Omit<CannedReply, 'id' | 'uses'>): number {
  return sqlite
    .prepare(
      // RETURNING: on a replace, last_insert_rowid() is whatever the connection inserted last, not this row.
      `INSERT INTO canned_replies (code, language, department, text) VALUES (@code, @language, @department, @text)
       ON CONFLICT (code) DO UPDATE SET language = excluded.language, department = excluded.department,
         text = excluded.text, retired_at = NULL
       RETURNING id`,
    )
    .pluck()
    .get(canned) as number;
}

/** Takes a canned reply off the list (canned_replies.retired_at); whether one in use had that code. */
export function retireCanned(sqlite: Database.Database, code: string, now: number): boolean {
  return (
    sqlite.prepare('UPDATE canned_replies SET retired_at = ? WHERE code = ? AND retired_at IS NULL').run(now, code)
      .changes > 0
  );
}

/** Whether this canned reply already went to this customer (any of their cases). */
export function cannedSentBefore(sqlite: Database.Database, cannedId: number, authorId: number): boolean {
  return (
    sqlite
      .prepare(
        `SELECT 1 FROM case_replies r JOIN cases c ON c.id = r.case_id JOIN messages m ON m.id = c.message_id
         WHERE r.canned_id = ? AND m.author_id = ? LIMIT 1`,
      )
      .get(cannedId, authorId) !== undefined
  );
}

/** An agent's replies since an instant, and how many were canned. */
export function cannedShare(
  sqlite: Database.Database,
  agent: string,
  since: number,
): { replies: number; canned: number } {
  return sqlite
    .prepare(`SELECT count(*) AS replies, count(canned_id) AS canned FROM case_replies WHERE agent = ? AND at >= ?`)
    .get(agent, since) as { replies: number; canned: number };
}
