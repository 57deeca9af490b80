import type Database from 'better-sqlite3';
import { recordEvent, updateCase } from '../../../db/queries/cases';
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
  if (cases.length === 0) return;
  sqlite.transaction(() => {
    const unrouted = cases.flatMap(([id, message, department]): [number, number][] =>
      message !== null && department === null ? [[id, message]] : [],
    );
    routeCases(sqlite, unrouted, settings.annotator, now);
    if (sqlite.prepare('SELECT 1 FROM sla_policies LIMIT 1').get() !== undefined)
      refreshSla(
        sqlite,
        cases.map(([id]) => id),
        now,
        settings.timeZone,
      );
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
