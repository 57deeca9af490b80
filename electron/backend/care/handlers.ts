import type Database from 'better-sqlite3';
import {
  addCaseMessages,
  addReply,
  caseDetail,
  caseExists,
  openCase,
  recordEvent,
  updateCase,
} from '../../../db/queries/cases';
import { careQueue } from '../../../db/queries/queue';
import {
  addCanned,
  addRoutingRule,
  cannedByCode,
  cannedSentBefore,
  cannedShare,
  listCanned,
  listRoutingRules,
  listTeams,
  matchingRule,
  removeRoutingRule,
  retireCanned,
  routeBy,
  routedMessages,
  setTeam,
} from '../../../db/queries/routing';
import { addSlaPolicy, caseSlas, listSlaPolicies, refreshSla, removeSlaPolicy } from '../../../db/queries/sla';
import type { RespondResult } from '../../../shared/api/cases';
import { parseRoutingCondition, routingMatches, RoutingConditionError } from '../../../shared/domain/routing';
import { isoInZone, parseInstant } from '../../../shared/domain/time';
import { notFound, NotFound, Refused, type HandlerContext } from '../runtime/context';
import { workspaceSettings } from '../runtime/defaults';
import { namedMessages } from '../runtime/named-messages';
import { defineHandlers } from '../runtime/define-handlers';
import { caseList, exportCases } from './export';
import { routeCases } from './settle';

/** An agent whose canned replies pass this share of their answers in the last 30 days is warned. */
export const CANNED_SHARE_LIMIT = 0.5;
const CANNED_WINDOW_MS = 30 * 86_400_000;

function messagesOf(
  sqlite: Database.Database,
  input: { messageIds?: number[] | undefined; externalIds?: string[] | undefined },
): number[] {
  const found = namedMessages(sqlite, input);
  if (found.length === 0) throw new Refused({ refusal: 'case-no-message' });
  return found;
}

/** The time a write names (in the workspace's zone unless it gives an offset), or when it was asked. */
function when(context: HandlerContext, at: string | undefined, now: number): number {
  if (at === undefined) return now;
  const instant = parseInstant(at, workspaceSettings(context.store).timeZone);
  if (instant === null) throw new Refused({ refusal: 'not-a-time', value: at });
  return instant;
}

function mustExist(sqlite: Database.Database, id: number): void {
  if (!caseExists(sqlite, id)) throw notFound('case', id);
}

/** Every write to a case ends here: its SLA and waiting state recomputed with the change. */
function settle(context: HandlerContext, ids: readonly number[]): void {
  refreshSla(context.store.sqlite, ids, Date.now(), workspaceSettings(context.store).timeZone);
}

function routingCondition(when: string) {
  try {
    return parseRoutingCondition(when);
  } catch (error) {
    if (error instanceof RoutingConditionError) throw new Refused(error.message);
    throw error;
  }
}

/** `{nombre}`, `{caso}`, `{agente}` (or {name}, {case}, {agent}) filled in for this case. */
function fillVariables(text: string, values: { name: string; case: number; agent: string }): string {
  const table: Record<string, string> = {
    nombre: values.name,
    name: values.name,
    caso: String(values.case),
    case: String(values.case),
    agente: values.agent,
    agent: values.agent,
  };
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => table[key.toLowerCase()] ?? whole);
}

export const careHandlers = defineHandlers({
  'cases.queue': (filter, { store }) => careQueue(store.sqlite, filter, Date.now()),
  'cases.get': ({ case: id }, { store }) => {
    const detail = caseDetail(store.sqlite, id);
    if (!detail) throw notFound('case', id);
    const { timeZone } = workspaceSettings(store);
    const sla = caseSlas(store.sqlite, [id], Date.now(), timeZone, (at) => isoInZone(at, timeZone)).get(id) ?? null;
    return { ...detail, sla };
  },
  'cases.list': (input, { store }) => caseList(store, input),
  'cases.export': (input, context) => exportCases(context, input),
  'cases.open': ({ messageIds, externalIds, at, ...given }, context) =>
    context.writes.write((now) => {
      const sqlite = context.store.sqlite;
      const messages = messagesOf(sqlite, { messageIds, externalIds });
      const actor = workspaceSettings(context.store).annotator;
      const openedAt = when(context, at, now);
      return sqlite.transaction(() => {
        const rule = matchingRule(listRoutingRules(sqlite), [...routedMessages(sqlite, messages).values()]);
        // What the person chose wins over what a rule would set.
        const routed = rule ? routeBy(sqlite, rule) : {};
        const id = openCase(
          sqlite,
          {
            type: given.type ?? routed.type ?? 'general',
            department: given.department ?? routed.department ?? null,
            assignee: given.assignee ?? routed.assignee ?? null,
            priority: given.priority ?? routed.priority ?? 'normal',
          },
          messages,
          openedAt,
          actor,
        );
        if (rule) recordEvent(sqlite, id, { at: openedAt, actor, action: 'routed', value: rule.name });
        settle(context, [id]);
        return { case: id };
      })();
    }),
  'cases.addMessages': ({ case: id, messageIds, externalIds, at }, context) =>
    context.writes.write((now) => {
      const sqlite = context.store.sqlite;
      mustExist(sqlite, id);
      const messages = messagesOf(sqlite, { messageIds, externalIds });
      const actor = workspaceSettings(context.store).annotator;
      return sqlite.transaction(() => {
        const added = addCaseMessages(sqlite, id, messages, when(context, at, now), actor);
        settle(context, [id]);
        return { case: id, added };
      })();
    }),
  'cases.update': ({ case: id, at, ...changes }, context) =>
    context.writes.write((now) => {
      const sqlite = context.store.sqlite;
      mustExist(sqlite, id);
      const actor = workspaceSettings(context.store).annotator;
      return sqlite.transaction(() => {
        const changed = updateCase(sqlite, id, changes, when(context, at, now), actor);
        settle(context, [id]);
        return { case: id, changed };
      })();
    }),
  'cases.openOnNetwork': ({ case: id }, { store, options }) => {
    mustExist(store.sqlite, id);
    const url = store.sqlite
      .prepare(
        `SELECT m.url FROM case_messages cm JOIN messages m ON m.id = cm.message_id
         WHERE cm.case_id = ? AND m.url IS NOT NULL ORDER BY m.posted_at DESC LIMIT 1`,
      )
      .pluck()
      .get(id) as string | undefined;
    const safe = url !== undefined && /^https?:\/\//i.test(url) ? url : null;
    if (safe === null || !options.openExternal) return { url: safe, opened: false };
    options.openExternal(safe);
    return { url: safe, opened: true };
  },
  'cases.note': ({ case: id, text, at }, context) =>
    context.writes.write((now) => {
      mustExist(context.store.sqlite, id);
      const actor = workspaceSettings(context.store).annotator;
      recordEvent(context.store.sqlite, id, { at: when(context, at, now), actor, action: 'note', value: text });
      return { case: id };
    }),
  'cases.respond': ({ case: id, text, canned: code, at }, context) =>
    context.writes.write((now): RespondResult => {
      const sqlite = context.store.sqlite;
      const detail = caseDetail(sqlite, id);
      if (!detail) throw notFound('case', id);
      const agent = workspaceSettings(context.store).annotator;
      const canned = code === undefined ? undefined : cannedByCode(sqlite, code);
      if (code !== undefined && !canned) throw new NotFound({ refusal: 'canned-not-found', code });
      const name = detail.customer.contact ?? detail.customer.name ?? detail.customer.handle;
      const answer = [canned ? fillVariables(canned.text, { name, case: id, agent }) : null, text ?? null]
        .filter((part): part is string => part !== null)
        .join('\n\n');
      const warnings: RespondResult['warnings'] = [];
      if (canned && cannedSentBefore(sqlite, canned.id, detail.customer.authorId))
        warnings.push({
          code: 'canned-repeat',
          message: `${detail.customer.handle} already had the canned reply "${canned.code}": write them something of your own`,
        });
      const repliedAt = when(context, at, now);
      return sqlite.transaction(() => {
        const reply = addReply(sqlite, id, { text: answer, cannedId: canned?.id ?? null, at: repliedAt, agent });
        settle(context, [id]);
        const share = cannedShare(sqlite, agent, repliedAt - CANNED_WINDOW_MS);
        if (canned && share.replies >= 5 && share.canned / share.replies > CANNED_SHARE_LIMIT)
          warnings.push({
            code: 'canned-share',
            message: `${Math.round((100 * share.canned) / share.replies)} % of ${agent}'s answers in the last 30 days were canned (limit ${CANNED_SHARE_LIMIT * 100} %)`,
          });
        return { case: id, reply, text: answer, warnings };
      })();
    }),
  'sla.list': (_input, { store }) => listSlaPolicies(store.sqlite),
  'sla.add': ({ type, priority, department, nextResponseMinutes, businessHours, ...policy }, context) =>
    context.writes.write(() => {
      const sqlite = context.store.sqlite;
      if (listSlaPolicies(sqlite).some((existing) => existing.name === policy.name))
        throw new Refused({ refusal: 'sla-name-taken', name: policy.name });
      return sqlite.transaction(() => {
        const id = addSlaPolicy(sqlite, {
          ...policy,
          type: type ?? null,
          priority: priority ?? null,
          department: department ?? null,
          nextResponseMinutes: nextResponseMinutes ?? null,
          businessHours: businessHours ?? null,
        });
        const { cases } = refreshSla(sqlite, 'open', Date.now(), workspaceSettings(context.store).timeZone);
        return { policy: id, cases };
      })();
    }),
  'sla.remove': ({ policy }, context) =>
    context.writes.write((now) => {
      const sqlite = context.store.sqlite;
      return sqlite.transaction(() => {
        if (!removeSlaPolicy(sqlite, policy)) throw notFound('sla', policy);
        const { cases } = refreshSla(sqlite, 'open', now, workspaceSettings(context.store).timeZone);
        return { policy, cases };
      })();
    }),
  'sla.refresh': (_input, context) =>
    context.writes.write(() =>
      context.store.sqlite.transaction(() =>
        refreshSla(context.store.sqlite, 'open', Date.now(), workspaceSettings(context.store).timeZone),
      )(),
    ),
  'canned.list': (_input, { store }) => listCanned(store.sqlite),
  'canned.add': ({ department, ...canned }, context) =>
    context.writes.write(() => ({
      canned: addCanned(context.store.sqlite, { ...canned, department: department ?? null }),
    })),
  'canned.remove': ({ code }, context) =>
    context.writes.write((now) => {
      if (!retireCanned(context.store.sqlite, code, now)) throw new NotFound({ refusal: 'canned-not-found', code });
      return { code };
    }),
  'routing.list': (_input, { store }) => listRoutingRules(store.sqlite),
  'routing.remove': ({ rule }, context) =>
    context.writes.write(() => {
      if (!removeRoutingRule(context.store.sqlite, rule)) throw notFound('routing', rule);
      return { rule };
    }),
  'routing.add': ({ type, department, priority, assignee, ...rule }, context) =>
    context.writes.write(() => {
      routingCondition(rule.when);
      if (rule.assign !== 'fixed' && department === undefined) throw new Refused({ refusal: 'routing-needs-team' });
      const sqlite = context.store.sqlite;
      if (listRoutingRules(sqlite).some((existing) => existing.name === rule.name))
        throw new Refused({ refusal: 'routing-name-taken', name: rule.name });
      return {
        rule: addRoutingRule(sqlite, {
          ...rule,
          type: type ?? null,
          department: department ?? null,
          priority: priority ?? null,
          assignee: assignee ?? null,
        }),
      };
    }),
  'routing.preview': ({ when: text, limit }, { store }) => {
    const condition = routingCondition(text);
    const open = store.sqlite
      .prepare(
        "SELECT id, message_id FROM cases WHERE status IN ('new', 'attended', 'waiting') AND message_id IS NOT NULL",
      )
      .raw()
      .all() as [number, number][];
    const facts = routedMessages(
      store.sqlite,
      open.map(([, message]) => message),
    );
    const matched = open.filter(([, message]) => {
      const found = facts.get(message);
      return found !== undefined && routingMatches(condition, found);
    });
    return { open: open.length, matches: matched.length, cases: matched.slice(0, limit).map(([id]) => id) };
  },
  'routing.apply': (_input, context) =>
    context.writes.write((now) => {
      const sqlite = context.store.sqlite;
      const actor = workspaceSettings(context.store).annotator;
      const unrouted = sqlite
        .prepare(
          `SELECT id, message_id FROM cases WHERE status IN ('new', 'attended', 'waiting') AND department IS NULL
             AND message_id IS NOT NULL ORDER BY opened_at, id`,
        )
        .raw()
        .all() as [number, number][];
      return sqlite.transaction(() => {
        const routed = routeCases(sqlite, unrouted, actor, now);
        settle(
          context,
          unrouted.map(([id]) => id),
        );
        return { cases: unrouted.length, routed };
      })();
    }),
  'teams.list': (_input, { store }) => listTeams(store.sqlite),
  'teams.set': ({ department, members }, context) =>
    context.writes.write(() => {
      setTeam(context.store.sqlite, department, members);
      return { department, members: members.length };
    }),
});
