import type Database from 'better-sqlite3';
import { addCaseMessages, recordEvent, updateCase } from '../../../db/queries/cases';
import { listRoutingRules, matchingRule, routeBy, routedMessages } from '../../../db/queries/routing';
import { refreshSla } from '../../../db/queries/sla';

/**
 * The cases an import brought, routed (those its file gave no team) and held to their SLA: what a case opened by hand
 * gets when it is opened. Runs in the import's write lock, after its rows are in.
 */
export function settleImportedCases(
  sqlite: Database.Database,
  batch: number,
  settings: { timeZone: string; annotator: string },
  now: number,
): void {
  const cases = sqlite.prepare('SELECT id, message_id, department FROM cases WHERE batch_id = ?').raw().all(batch) as [
    number,
    number | null,
    string | null,
  ][];
  // A customer's answer (by reply) to a message of one of their cases joins that case, and reopens it if resolved.
  const followUps = sqlite
    .prepare(
      `SELECT cm.case_id, m.id FROM messages m
       JOIN messages p ON p.source_id = m.source_id AND p.external_id = m.reply_to_external_id
       JOIN case_messages cm ON cm.message_id = p.id
       WHERE m.batch_id = ? AND m.reply_to_external_id IS NOT NULL AND m.author_id = p.author_id
         AND NOT EXISTS (SELECT 1 FROM case_messages x WHERE x.message_id = m.id)`,
    )
    .raw()
    .all(batch) as [number, number][];
  if (cases.length === 0 && followUps.length === 0) return;
  sqlite.transaction(() => {
    const byCase = new Map<number, number[]>();
    for (const [caseId, message] of followUps) byCase.set(caseId, [...(byCase.get(caseId) ?? []), message]);
    for (const [caseId, messages] of byCase) addCaseMessages(sqlite, caseId, messages, now, settings.annotator);
    const unrouted = cases.flatMap(([id, message, department]): [number, number][] =>
      message !== null && department === null ? [[id, message]] : [],
    );
    routeCases(sqlite, unrouted, settings.annotator, now);
    // The file's cases come with their wait; their SLA needs computing only when a policy holds them.
    const policies = sqlite.prepare('SELECT 1 FROM sla_policies LIMIT 1').get() !== undefined;
    refreshSla(sqlite, [...(policies ? cases.map(([id]) => id) : []), ...byCase.keys()], now, settings.timeZone);
  })();
}

/** The routing rules applied to cases (by their first message), in order; returns how many a rule routed. */
export function routeCases(
  sqlite: Database.Database,
  cases: readonly (readonly [id: number, message: number])[],
  actor: string,
  now: number,
): number {
  const rules = listRoutingRules(sqlite);
  if (rules.length === 0 || cases.length === 0) return 0;
  const facts = routedMessages(
    sqlite,
    cases.map(([, message]) => message),
  );
  let routed = 0;
  for (const [id, message] of cases) {
    const found = facts.get(message);
    const rule = found ? matchingRule(rules, [found]) : undefined;
    if (!rule) continue;
    updateCase(sqlite, id, routeBy(sqlite, rule), now, actor);
    recordEvent(sqlite, id, { at: now, actor, action: 'routed', value: rule.name });
    routed++;
  }
  return routed;
}
