import type Database from 'better-sqlite3';
import type { CaseSla, SlaPolicy } from '../../shared/api/cases';
import { formatBusinessHours, parseBusinessHours, type BusinessCalendar } from '../../shared/domain/business-time';
import { evaluateSla, type CaseTimeline, type SlaEvaluation, type SlaTargets } from '../../shared/domain/sla';

const POLICIES = `SELECT id, name, case_type AS type, priority, department, first_response_minutes AS firstResponseMinutes,
  next_response_minutes AS nextResponseMinutes, resolution_minutes AS resolutionMinutes, business_hours AS businessHours,
  holidays FROM sla_policies ORDER BY position, id`;

export function listSlaPolicies(sqlite: Database.Database): SlaPolicy[] {
  return (sqlite.prepare(POLICIES).all() as (Omit<SlaPolicy, 'holidays'> & { holidays: string })[]).map((row) => ({
    ...row,
    holidays: JSON.parse(row.holidays) as string[],
  }));
}

export function addSlaPolicy(sqlite: Database.Database, policy: Omit<SlaPolicy, 'id'>): number {
  return Number(
    sqlite
      .prepare(
        `INSERT INTO sla_policies (name, position, case_type, priority, department, first_response_minutes,
           next_response_minutes, resolution_minutes, business_hours, holidays)
         VALUES (@name, (SELECT coalesce(max(position), 0) + 1 FROM sla_policies), @type, @priority, @department,
           @firstResponseMinutes, @nextResponseMinutes, @resolutionMinutes, @businessHours, @holidays)`,
      )
      .run({
        ...policy,
        businessHours:
          policy.businessHours === null ? null : formatBusinessHours(parseBusinessHours(policy.businessHours)),
        holidays: JSON.stringify([...policy.holidays].sort()),
      }).lastInsertRowid,
  );
}

/** Whether there was such a policy; refreshSla then holds its open cases to the next that fits them. */
export function removeSlaPolicy(sqlite: Database.Database, id: number): boolean {
  return sqlite.prepare('DELETE FROM sla_policies WHERE id = ?').run(id).changes > 0;
}

interface CaseFacts {
  id: number;
  /** What is stored now: a refresh writes only the cases whose SLA or waiting changed. */
  stored: string;
  type: string;
  priority: string;
  department: string | null;
  status: string;
  openedAt: number;
  firstResponseAt: number | null;
  resolvedAt: number | null;
}

/** The policy a case is held to: the first (by position) whose type, priority and team all fit it. */
export function policyFor(policies: readonly SlaPolicy[], facts: Pick<CaseFacts, 'type' | 'priority' | 'department'>) {
  return (
    policies.find(
      (policy) =>
        (policy.type === null || policy.type === facts.type) &&
        (policy.priority === null || policy.priority === facts.priority) &&
        (policy.department === null || policy.department === facts.department),
    ) ?? null
  );
}

export function targetsOf(policy: SlaPolicy, timeZone: string): SlaTargets {
  const calendar: BusinessCalendar | null =
    policy.businessHours === null
      ? null
      : { week: parseBusinessHours(policy.businessHours), holidays: policy.holidays, timeZone };
  return {
    firstResponseMinutes: policy.firstResponseMinutes,
    nextResponseMinutes: policy.nextResponseMinutes,
    resolutionMinutes: policy.resolutionMinutes,
    calendar,
  };
}

const CASES = `SELECT id, type, priority, department, status, opened_at AS openedAt, first_response_at AS firstResponseAt,
  resolved_at AS resolvedAt, coalesce(sla_policy_id, '') || '|' || coalesce(sla_state, '') || '|' || coalesce(sla_due, '')
    || '|' || coalesce(waiting_since, '') || '|'
    || coalesce((SELECT group_concat(target || '@' || at) FROM sla_misses WHERE case_id = c.id), '') AS stored
  FROM cases`;

/** Each case's timeline, read in three queries whatever the number of cases. */
function timelines(
  sqlite: Database.Database,
  where: string,
  params: unknown[],
): Map<number, [CaseFacts, CaseTimeline]> {
  const result = new Map<number, [CaseFacts, CaseTimeline]>();
  for (const facts of sqlite.prepare(`${CASES} c ${where}`).all(...params) as CaseFacts[]) {
    const done = facts.status === 'resolved' || facts.status === 'closed';
    result.set(facts.id, [
      facts,
      {
        openedAt: facts.openedAt,
        customerMessages: [],
        responses: [],
        resolvedAt: done ? (facts.resolvedAt ?? facts.openedAt) : null,
      },
    ]);
  }
  const add = (rows: [number, number][], list: 'customerMessages' | 'responses'): void => {
    for (const [caseId, at] of rows) (result.get(caseId)?.[1][list] as number[] | undefined)?.push(at);
  };
  add(
    sqlite
      .prepare(
        `SELECT cm.case_id, m.posted_at FROM cases c JOIN case_messages cm ON cm.case_id = c.id
         JOIN messages m ON m.id = cm.message_id ${where} ORDER BY cm.case_id, m.posted_at`,
      )
      .raw()
      .all(...params) as [number, number][],
    'customerMessages',
  );
  add(
    sqlite
      .prepare(
        `SELECT r.case_id, r.at FROM cases c JOIN case_replies r ON r.case_id = c.id ${where} ORDER BY r.case_id, r.at`,
      )
      .raw()
      .all(...params) as [number, number][],
    'responses',
  );
  // A first response from a file (no reply of ours recorded for it) counts as the first reply.
  for (const [facts, timeline] of result.values()) {
    const responses = timeline.responses as number[];
    if (facts.firstResponseAt !== null && !(responses[0] !== undefined && responses[0] <= facts.firstResponseAt))
      responses.unshift(facts.firstResponseAt);
  }
  return result;
}

/** Since when the customer has waited: their oldest message after the brand's last reply, while the case is open. */
function waitingSince(timeline: CaseTimeline): number | null {
  if (timeline.resolvedAt !== null) return null;
  const lastReply = timeline.responses[timeline.responses.length - 1] ?? -Infinity;
  const unanswered = timeline.customerMessages.find((at) => at > lastReply);
  if (unanswered !== undefined) return unanswered;
  return timeline.responses.length === 0 ? timeline.openedAt : null;
}

/** Whether a case's stored SLA, waiting time and misses are already these (then nothing is written). */
function sameAsStored(
  stored: string,
  row: readonly (number | string | null)[],
  misses: readonly { target: string; at: number }[],
): boolean {
  const [policy, state, due, waiting, recorded = ''] = stored.split('|');
  const fields = [policy, state, due, waiting].map((value) => (value === '' || value === undefined ? null : value));
  if (fields.some((value, i) => value !== (row[i] === null ? null : String(row[i])))) return false;
  const before = recorded.split(',').filter(Boolean).sort().join(',');
  return (
    before ===
    misses
      .map(({ target, at }) => `${target}@${at}`)
      .sort()
      .join(',')
  );
}

/**
 * Each case's SLA (and whether the customer waits) recomputed at `now` and stored: `cases.sla_*`, `waiting_since`
 * and the misses, replaced whole, so a miss is recorded once however often this runs. `which`: case ids, or every
 * open case.
 */
export function refreshSla(
  sqlite: Database.Database,
  which: readonly number[] | 'open',
  now: number,
  timeZone: string,
): { cases: number; misses: number } {
  const policies = listSlaPolicies(sqlite);
  const targets = new Map(policies.map((policy) => [policy.id, targetsOf(policy, timeZone)]));
  const [where, params] =
    which === 'open'
      ? ["WHERE c.status IN ('new', 'attended', 'waiting')", []]
      : [`WHERE c.id IN (SELECT value FROM json_each(?))`, [JSON.stringify(which)]];
  const update = sqlite.prepare(
    'UPDATE cases SET sla_policy_id = ?, sla_state = ?, sla_due = ?, waiting_since = ? WHERE id = ?',
  );
  const clear = sqlite.prepare('DELETE FROM sla_misses WHERE case_id = ?');
  const miss = sqlite.prepare('INSERT INTO sla_misses (case_id, target, at) VALUES (?, ?, ?)');
  let misses = 0;
  const all = timelines(sqlite, where, params);
  for (const [id, [facts, timeline]] of all) {
    const policy = policyFor(policies, facts);
    const evaluation = policy ? evaluateSla(timeline, targets.get(policy.id) as SlaTargets, now) : null;
    const waiting = waitingSince(timeline);
    const found = evaluation?.misses ?? [];
    misses += found.length;
    const row = [policy?.id ?? null, evaluation?.state ?? null, evaluation?.nextDue ?? null, waiting] as const;
    if (sameAsStored(facts.stored, row, found)) continue;
    update.run(...row, id);
    clear.run(id);
    for (const { target, at } of found) miss.run(id, target, at);
  }
  return { cases: all.size, misses };
}

/** Cases' SLA as the CLI and the export give it: due times in ISO 8601 with the zone's offset. */
export function caseSlas(
  sqlite: Database.Database,
  ids: readonly number[],
  now: number,
  timeZone: string,
  iso: (instant: number) => string,
): Map<number, CaseSla | null> {
  const policies = listSlaPolicies(sqlite);
  const result = new Map<number, CaseSla | null>();
  for (const [id, [facts, timeline]] of timelines(sqlite, 'WHERE c.id IN (SELECT value FROM json_each(?))', [
    JSON.stringify(ids),
  ])) {
    const policy = policyFor(policies, facts);
    if (!policy) {
      result.set(id, null);
      continue;
    }
    const e: SlaEvaluation = evaluateSla(timeline, targetsOf(policy, timeZone), now);
    result.set(id, {
      policy: policy.name,
      state: e.state,
      firstResponseDue: iso(e.firstResponseDue),
      nextResponseDue: e.nextResponseDue === null ? null : iso(e.nextResponseDue),
      resolutionDue: iso(e.resolutionDue),
      misses: e.misses.map((m) => ({ target: m.target, at: iso(m.at) })),
    });
  }
  return result;
}
