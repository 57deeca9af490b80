import { z } from 'zod';
import { parseBusinessHours } from '../domain/business-time';
import { SLA_STATES, type SlaState, type SlaTarget } from '../domain/sla';
import { CASE_STATUSES, SOURCES, type CaseStatus } from '../domain/vocabulary';
import { isCalendarDay, parseInstant } from '../domain/time';
import { LINKED_AT_ONCE } from './limits';

export const CASE_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type CasePriority = (typeof CASE_PRIORITIES)[number];
export const ASSIGN_MODES = ['fixed', 'round_robin', 'least_loaded'] as const;
export type AssignMode = (typeof ASSIGN_MODES)[number];

const id = z.number().int().min(1);
const name = z.string().trim().min(1).max(100);
/** An instant as ISO 8601 (with an offset, or read in the workspace's zone), or a day; absent: the time of the call. */
const at = z
  .string()
  .trim()
  // The zone only moves the instant; what parses in one parses in all.
  .refine((text) => parseInstant(text, 'UTC') !== null, {
    message: 'write a date as 2026-07-03 or a time as 2026-07-03T16:30 (optionally with its offset, +02:00)',
  })
  .optional();
const minutes = z
  .number()
  .int()
  .min(1)
  .max(365 * 24 * 60);

const messages = {
  /** Messages by their id in the store (the grid, the queue)… */
  messageIds: z.array(id).max(LINKED_AT_ONCE).optional(),
  /** …or by their id in their file, as scripts know them. */
  externalIds: z.array(z.string().min(1).max(200)).max(LINKED_AT_ONCE).optional(),
};

export const openCaseSchema = z
  .object({
    ...messages,
    type: name.optional(),
    department: name.optional(),
    assignee: name.optional(),
    priority: z.enum(CASE_PRIORITIES).optional(),
    at,
  })
  .strict();
export const addCaseMessagesSchema = z.object({ case: id, ...messages, at }).strict();
export const updateCaseSchema = z
  .object({
    case: id,
    status: z.enum(CASE_STATUSES).optional(),
    type: name.optional(),
    department: name.nullable().optional(),
    assignee: name.nullable().optional(),
    priority: z.enum(CASE_PRIORITIES).optional(),
    at,
  })
  .strict();
export const noteSchema = z.object({ case: id, text: z.string().trim().min(1).max(5_000), at }).strict();
export const respondSchema = z
  .object({
    case: id,
    text: z.string().trim().min(1).max(5_000).optional(),
    /** A canned reply's code: its text, with the variables filled in, is the answer (or comes before `text`). */
    canned: z.string().trim().min(1).max(40).optional(),
    at,
  })
  .strict()
  .refine((input) => input.text !== undefined || input.canned !== undefined, {
    message: 'write the answer (text) or name a canned reply',
    path: ['text'],
  });

export const queueFilterSchema = z
  .object({
    department: z.string().max(100).optional(),
    assignee: z.string().max(100).optional(),
    type: z.string().max(100).optional(),
    slaState: z.enum([...SLA_STATES, 'none']).optional(),
    source: z.enum(SOURCES).optional(),
    temperature: z.number().int().min(-2).max(2).optional(),
    /** Only what waits for an answer (the customer spoke last). */
    waiting: z.boolean().optional(),
    limit: z.number().int().min(1).max(1_000).default(200),
  })
  .strict();
export type QueueFilter = z.input<typeof queueFilterSchema>;

export const caseListSchema = z
  .object({
    status: z.enum(CASE_STATUSES).optional(),
    from: z.string().refine(isCalendarDay, 'a day, YYYY-MM-DD').optional(),
    to: z.string().refine(isCalendarDay, 'a day, YYYY-MM-DD').optional(),
    limit: z.number().int().min(1).max(1_000_000).default(10_000),
    /** The SLA as it stood at this time (default: now). */
    at,
  })
  .strict();

export const exportCasesSchema = z
  .object({
    from: z.string().refine(isCalendarDay, 'a day, YYYY-MM-DD'),
    to: z.string().refine(isCalendarDay, 'a day, YYYY-MM-DD'),
    /** The file to write (a token from the file dialog when the app asks). */
    path: z.string().min(1).max(4_000),
  })
  .strict();

export const slaPolicySchema = z
  .object({
    name,
    type: name.optional(),
    priority: z.enum(CASE_PRIORITIES).optional(),
    department: name.optional(),
    firstResponseMinutes: minutes,
    nextResponseMinutes: minutes.optional(),
    resolutionMinutes: minutes,
    businessHours: z
      .string()
      .trim()
      .max(500)
      .superRefine((text, context) => {
        try {
          parseBusinessHours(text);
        } catch (error) {
          context.addIssue({ code: 'custom', message: (error as Error).message });
        }
      })
      .optional(),
    holidays: z.array(z.string().refine(isCalendarDay, 'a day, YYYY-MM-DD')).max(400).default([]),
  })
  .strict();

/** What an agent types after "/" to use a canned reply. */
export const cannedCode = z
  .string()
  .trim()
  .regex(/^[\p{L}\p{N}_-]{1,40}$/u, { message: 'a short code of letters, digits, - and _ (e.g. gracias)' });

export const cannedSchema = z
  .object({
    code: cannedCode,
    text: z.string().trim().min(1).max(5_000),
    language: z.enum(['es', 'en']),
    department: name.optional(),
  })
  .strict();

export const routingRuleSchema = z
  .object({
    name,
    when: z.string().trim().min(1).max(1_000),
    department: name.optional(),
    type: name.optional(),
    priority: z.enum(CASE_PRIORITIES).optional(),
    assignee: name.optional(),
    assign: z.enum(ASSIGN_MODES).default('fixed'),
  })
  .strict();

export const teamSchema = z.object({ department: name, members: z.array(name).max(200) }).strict();

export interface CaseSla {
  policy: string;
  state: SlaState;
  firstResponseDue: string;
  nextResponseDue: string | null;
  resolutionDue: string;
  misses: { target: SlaTarget; at: string }[];
}

/** A row of the queue: an open case, or a case/complaint message nobody has opened a case for yet. */
export interface QueueItem {
  case: number | null;
  message: number;
  text: string;
  source: string;
  author: string;
  authorId: number;
  temperature: number | null;
  kind: string | null;
  type: string | null;
  department: string | null;
  assignee: string | null;
  priority: CasePriority | null;
  status: CaseStatus | null;
  openedAt: number | null;
  /** Since when the customer waits (they spoke last); null when answered. */
  waitingSince: number | null;
  slaState: SlaState | null;
  slaDue: number | null;
}

export interface QueuePage {
  items: QueueItem[];
  counts: { total: number; cases: number; messages: number; waiting: number; overdue: number };
  /** The values the filters offer. */
  options: { departments: string[]; assignees: string[]; types: string[] };
}

export type ThreadEntry =
  | { kind: 'message'; at: number; message: number; text: string; author: string; temperature: number | null }
  | { kind: 'reply'; at: number; reply: number; text: string; agent: string; canned: string | null };

export interface CaseEvent {
  at: number;
  actor: string;
  action: string;
  value: string | null;
  previous: string | null;
}

export interface CaseSummary {
  id: number;
  type: string;
  department: string | null;
  assignee: string | null;
  priority: CasePriority;
  status: CaseStatus;
  openedAt: string;
  firstResponseAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  messages: number;
  replies: number;
  sla: CaseSla | null;
}

export interface CaseDetail extends Omit<CaseSummary, 'openedAt' | 'firstResponseAt' | 'resolvedAt' | 'closedAt'> {
  openedAt: number;
  firstResponseAt: number | null;
  resolvedAt: number | null;
  waitingSince: number | null;
  customer: { authorId: number; source: string; handle: string; name: string | null; contact: string | null };
  thread: ThreadEntry[];
  history: CaseEvent[];
}

export interface RespondResult {
  case: number;
  reply: number;
  text: string;
  /** Canned replies used sparingly: the same one to the same customer before, or an agent's share over the limit. */
  warnings: { code: 'canned-repeat' | 'canned-share'; message: string }[];
}

export interface SlaPolicy {
  id: number;
  name: string;
  type: string | null;
  priority: CasePriority | null;
  department: string | null;
  firstResponseMinutes: number;
  nextResponseMinutes: number | null;
  resolutionMinutes: number;
  businessHours: string | null;
  holidays: string[];
}

export interface CannedReply {
  id: number;
  code: string;
  language: string;
  department: string | null;
  text: string;
  uses: number;
}

export interface RoutingRule {
  id: number;
  name: string;
  when: string;
  department: string | null;
  type: string | null;
  priority: CasePriority | null;
  assignee: string | null;
  assign: AssignMode;
}
