import { addBusinessMinutes, type BusinessCalendar } from './business-time';

export const SLA_TARGETS = ['first_response', 'next_response', 'resolution'] as const;
export type SlaTarget = (typeof SLA_TARGETS)[number];
export const SLA_STATES = ['active', 'active_with_misses', 'hit', 'missed'] as const;
export type SlaState = (typeof SLA_STATES)[number];

/** The targets a case is held to; the calendar makes them business time. */
export interface SlaTargets {
  firstResponseMinutes: number;
  /** After each customer message that comes once the case has had its first response. */
  nextResponseMinutes: number | null;
  resolutionMinutes: number;
  calendar: BusinessCalendar | null;
}

/** What happened on a case, as instants (each list in time order). */
export interface CaseTimeline {
  openedAt: number;
  /** When each of the customer's messages in the case was posted. */
  customerMessages: readonly number[];
  /** When each of the brand's replies was given (an imported first response counts as one). */
  responses: readonly number[];
  /** When the case was last resolved; null while it is open. */
  resolvedAt: number | null;
}

export interface SlaMiss {
  target: SlaTarget;
  /** The due time that passed: when the miss happened. */
  at: number;
}

export interface SlaEvaluation {
  state: SlaState;
  firstResponseDue: number;
  /** The due time of the oldest customer message still unanswered after the first response; null when none. */
  nextResponseDue: number | null;
  resolutionDue: number;
  /** The earliest due time still running (what the queue counts down to); null once resolved. */
  nextDue: number | null;
  misses: SlaMiss[];
}

/**
 * A case's SLA at `now`: each target's due time from the policy (in business time when it has a calendar), and a miss
 * for each target whose due time passed before it was met — once per target, and once per customer message for the
 * next response. A target still running at `now` is not a miss yet.
 */
export function evaluateSla(timeline: CaseTimeline, targets: SlaTargets, now: number): SlaEvaluation {
  const { openedAt, customerMessages, responses, resolvedAt } = timeline;
  const due = (from: number, minutes: number): number => addBusinessMinutes(from, minutes, targets.calendar);
  const misses: SlaMiss[] = [];
  const closedBy = resolvedAt ?? Infinity;
  const until = (met: number | undefined): number => Math.min(met ?? Infinity, closedBy, now);
  const open = resolvedAt === null;

  const firstResponseDue = due(openedAt, targets.firstResponseMinutes);
  const firstResponse = responses[0];
  if (until(firstResponse) > firstResponseDue) misses.push({ target: 'first_response', at: firstResponseDue });

  let nextResponseDue: number | null = null;
  if (targets.nextResponseMinutes !== null && firstResponse !== undefined) {
    for (const said of customerMessages) {
      if (said <= firstResponse || said > Math.min(closedBy, now)) continue;
      const answered = responses.find((at) => at >= said);
      const dueAt = due(said, targets.nextResponseMinutes);
      if (until(answered) > dueAt) misses.push({ target: 'next_response', at: dueAt });
      if (answered === undefined && open && nextResponseDue === null) nextResponseDue = dueAt;
    }
  }

  const resolutionDue = due(openedAt, targets.resolutionMinutes);
  if (until(undefined) > resolutionDue) misses.push({ target: 'resolution', at: resolutionDue });

  const running = open
    ? [firstResponse === undefined ? firstResponseDue : null, nextResponseDue, resolutionDue].filter(
        (at): at is number => at !== null,
      )
    : [];
  misses.sort((a, b) => a.at - b.at);
  return {
    state: open ? (misses.length > 0 ? 'active_with_misses' : 'active') : misses.length > 0 ? 'missed' : 'hit',
    firstResponseDue,
    nextResponseDue,
    resolutionDue,
    nextDue: running.length > 0 ? Math.min(...running) : null,
    misses,
  };
}

/**
 * `90m`, `1h`, `1h30m`, `2d` (days of 24 hours, or of business time when the policy has a calendar), or plain minutes.
 */
export function parseDuration(text: string): number | null {
  const trimmed = text.trim().toLowerCase();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) || null;
  const match = /^(?:(\d+)d)?\s*(?:(\d+)h)?\s*(?:(\d+)m(?:in)?)?$/.exec(trimmed);
  if (!match || trimmed === '') return null;
  const [days = 0, hours = 0, minutes = 0] = match.slice(1).map((part) => Number(part ?? 0));
  const total = days * 1440 + hours * 60 + minutes;
  return total > 0 ? total : null;
}
