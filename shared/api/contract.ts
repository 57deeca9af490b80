import { z } from 'zod';
import { ENTITY_ROLES, KINDS, LANGUAGES, LEAD_STAGES, type EntityRole } from '../domain/vocabulary';
import { mappingSchema } from '../domain/import/mapping-schema';
import { DEAL_FIELDS, type DealField } from '../domain/import/deal-fields';
import type { PeriodCosts, RoiReport } from '../domain/roi';
import { daySchema } from './day';
import { LABELS_AT_ONCE, SUGGESTIONS_AT_ONCE } from './limits';
import { messageFilterSchema, messageSortSchema } from './messages';
import { GRID_COLUMNS, gridPrefsSchema, type GridPrefs } from './grid';
import { kpiRequestSchema, type KpiReport } from './kpis';
import { reportRequestSchema, type ReportResult, type ReportRun } from './reports';
import {
  addCaseMessagesSchema,
  cannedCode,
  cannedSchema,
  caseListSchema,
  exportCasesSchema,
  noteSchema,
  openCaseSchema,
  queueFilterSchema,
  respondSchema,
  routingRuleSchema,
  slaPolicySchema,
  teamSchema,
  updateCaseSchema,
  type CannedReply,
  type CaseDetail,
  type CaseSummary,
  type QueuePage,
  type RespondResult,
  type RoutingRule,
  type SlaPolicy,
} from './cases';
import {
  exportPersonSchema,
  ideaFromSchema,
  ideaLinkSchema,
  ideaMergeSchema,
  ideaStatusSchema,
  personSchema,
  type CustomerStory,
  type ErasureResult,
  type IdeaStatus,
  type IdeaSummary,
  type StoryMessage,
} from './customers';
import {
  identifySchema,
  mergeSchema,
  splitSchema,
  updateContactSchema,
  type AuthorContact,
  type Contact,
} from './contacts';
import { snapshotListSchema, snapshotSchema, type Snapshot } from './community';
import {
  type AdSpendSummary,
  costEntrySchema,
  currencySchema,
  linkSchema,
  updateLeadSchema,
  newLeadSchema,
  stageSchema,
  type CostEntry,
  type DealSummary,
  type DealsImportSummary,
  type LeadDetail,
  type LeadSummary,
} from './leads';
import {
  importFileSchema,
  importRequestSchema,
  inspectSchema,
  type Batch,
  type BatchUndoPreview,
  type ImportInspection,
  type ImportSummary,
  type Preset,
} from './import';
import type { Temperature } from '../domain/temperature';
import type { Suggested } from '../domain/label-model';
import type { Kind, Source } from '../domain/vocabulary';
import type { PendingWrite } from './envelope';

/**
 * The API contract: every action of the app is one call here, with a zod schema for its
 * input and a type for its output. The Electron IPC binding, the CLI, the test bridge and
 * the renderer's client all go through this table; the back end validates every input
 * against it before a handler runs.
 */
function call<I extends z.ZodType>(input: I) {
  return { returns: <O>() => ({ input, output: undefined as unknown as O }) };
}

/** A call that writes: while a job holds the store's write lock it answers PendingWrite (applied later, in order). */
function write<I extends z.ZodType>(input: I) {
  return { returns: <O>() => ({ input, output: undefined as unknown as O | PendingWrite }) };
}

const none = z.object({}).strict();
/** The header of each deal field, by field: a mapping file's or a deals preset's. */
const dealColumnsSchema = z.partialRecord(
  z.enum(Object.keys(DEAL_FIELDS) as [DealField, ...DealField[]]),
  z.string().min(1).max(200),
);
const trackedId = z.object({ id: z.number().int().min(1) }).strict();
const trackedRename = z.object({ id: z.number().int().min(1), name: z.string().trim().min(1).max(120) }).strict();
const timeZone = z.string().min(1).refine(isTimeZone, { message: 'Unknown IANA time zone' });

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export const settingsSchema = z.object({
  timeZone,
  annotator: z.string().trim().min(1).max(100),
  language: z.enum(LANGUAGES).nullable(),
  theme: z.enum(THEMES),
});
/** `annotatorChosen`: the annotator was given by the user (until then the app asks, the OS user's name shown). */
export type Settings = z.infer<typeof settingsSchema> & { annotatorChosen: boolean };

export interface WorkspaceInfo {
  path: string;
  schemaVersion: number;
  counts: Record<string, number>;
}

export interface MessageRow {
  id: number;
  postedAt: number;
  source: Source;
  authorHandle: string;
  authorName: string | null;
  followers: number | null;
  text: string;
  temperature: Temperature | null;
  kind: Kind | null;
  annotator: string | null;
  labeledAt: number | null;
  entities: string[];
  topics: string[];
  /** The case this message belongs to, if any. */
  caseId: number | null;
  /** The SLA due time still running on that case (null: none, or met). */
  caseDue: number | null;
  /** Its label was changed while a job held the store: kept, and applied when the job ends. */
  pending?: boolean;
}

export interface MessageDetail {
  message: MessageRow & {
    url: string | null;
    language: string | null;
    likes: number | null;
    shares: number | null;
    replies: number | null;
    /** The text as its file wrote it, where the import decoded it (HTML entities, `<br />`); else null. */
    textAsWritten: string | null;
  };
  /** The message it replies to, when that is in the workspace. */
  parent: MessageRow | null;
  replies: MessageRow[];
  /** The author's other messages, newest first (at most 50). */
  byAuthor: MessageRow[];
  history: LabelHistoryRow[];
}

export interface MessagePage {
  offset: number;
  rows: MessageRow[];
}

export interface MessageCounts {
  /** Messages that pass the filter … */
  total: number;
  /** … of which unlabeled (no temperature and no kind) … */
  unlabeled: number;
  /** … out of all messages in the workspace. */
  all: number;
}

/** A job's id, at once; `R` is the result its finished event carries (runJob gives it that type). */
export interface JobStarted<R = unknown> {
  jobId: string;
  /** Never set: the result's type, for the client. */
  readonly resultType?: R;
}

export interface DemoResult {
  messages: number;
  entities: number;
  topics: number;
}
export interface RematchResult {
  messages: number;
  /** The entity or topic saved (a new one's id is known here first) or deleted. */
  id: number;
}

/** The result of the job a call starts. */
export type JobResultOf<K extends CallName> = CallOutput<K> extends JobStarted<infer R> ? R : never;

export interface BackupResult {
  path: string;
  name: string;
  bytes: number;
}

export { LABELS_AT_ONCE, LINKED_AT_ONCE, SUGGESTIONS_AT_ONCE } from './limits';

/** Backups the workspace's backups folder keeps: the latest (a workspace of years is hundreds of MB). */
export const BACKUPS_KEPT = 10;

/** A backup in the workspace's backups folder. */
export interface BackupEntry extends BackupResult {
  /** When it was written (ms since 1970). */
  at: number;
}

export interface TrackedEntity {
  id: number;
  name: string;
  role: EntityRole;
  aliases: string[];
  mentions: number | null;
}
export interface Topic {
  id: number;
  name: string;
  keywords: string[];
  mentions: number | null;
}

export interface RulePreview {
  /** Messages any of the rules matches … */
  matches: number;
  /** … and each rule on its own. */
  byRule: { rule: string; matches: number }[];
  /** The newest matched messages (at most 10). */
  sample: { id: number; postedAt: number; text: string }[];
}

const listSchema = z.object({ mentions: z.boolean().optional() }).strict();

const ruleList = z.array(z.string().trim().min(1).max(200)).max(500);

export interface LabelResult {
  /** The action, for undo; null when nothing changed. */
  action: number | null;
  /** The messages whose current label changed. */
  changed: number[];
}

/** A message's suggested labels, each with the model's probability; null where none is suggested. */
export interface LabelSuggestionRow {
  id: number;
  temperature: Suggested<Temperature> | null;
  kind: Suggested<Kind> | null;
}

export interface LabelHistoryRow {
  id: number;
  annotator: string;
  temperature: number | null;
  kind: string | null;
  previousTemperature: number | null;
  previousKind: string | null;
  labeledAt: number;
  undone: boolean;
}

export const contract = {
  'workspace.info': call(none).returns<WorkspaceInfo>(),
  /**
   * Copies the workspace as it is now into `path` (a .pulso file), else into its backups folder (a folder beside it),
   * as a job: a cancel or a failure leaves no copy and whatever was at `path` as it was.
   */
  'workspace.backup': call(z.object({ path: z.string().min(1).optional() }).strict()).returns<
    JobStarted<BackupResult>
  >(),
  /** The backups in the workspace's backups folder, newest first. */
  'workspace.backups': call(none).returns<BackupEntry[]>(),
  'settings.get': call(none).returns<Settings>(),
  'settings.update': write(settingsSchema.partial().strict()).returns<Settings>(),
  'messages.page': call(
    z
      .object({
        offset: z.number().int().min(0),
        limit: z.number().int().min(1).max(1000),
        filter: messageFilterSchema.optional(),
        sort: messageSortSchema.optional(),
      })
      .strict(),
  ).returns<MessagePage>(),
  /** The ids of a filter's messages in the grid's order, from `offset`: a selection wider than the pages read. */
  'messages.ids': call(
    z
      .object({
        offset: z.number().int().min(0),
        limit: z.number().int().min(1).max(LABELS_AT_ONCE),
        filter: messageFilterSchema.optional(),
        sort: messageSortSchema.optional(),
      })
      .strict(),
  ).returns<number[]>(),
  /** The grid's counts for a filter; counted off the main thread, so rows come first. */
  'messages.count': call(z.object({ filter: messageFilterSchema.optional() }).strict()).returns<MessageCounts>(),
  /** The messages a filter selects, in the grid's order and columns, to .xlsx or .csv (for Excel): a job. */
  'messages.export': call(
    z
      .object({
        path: z.string().min(1).max(4_000),
        filter: messageFilterSchema.optional(),
        sort: messageSortSchema.optional(),
        columns: z.array(z.enum(GRID_COLUMNS)).min(1).max(GRID_COLUMNS.length),
      })
      .strict(),
  ).returns<JobStarted<{ rows: number; path: string }>>(),
  'messages.detail': call(z.object({ id: z.number().int().min(1) }).strict()).returns<MessageDetail>(),
  'demo.create': call(
    z
      .object({
        messages: z.number().int().min(1).max(5_000_000).optional(),
        seed: z.number().int().optional(),
      })
      .strict(),
  ).returns<JobStarted<DemoResult>>(),
  'import.inspect': call(inspectSchema).returns<ImportInspection>(),
  'import.start': call(importRequestSchema).returns<JobStarted<ImportSummary>>(),
  'import.batches': call(none).returns<Batch[]>(),
  /** What undoing a batch would take (messages, labels made since, cases) and keep, to ask before. */
  'import.undoPreview': call(z.object({ batch: z.number().int().min(1) }).strict()).returns<BatchUndoPreview>(),
  'import.undo': write(z.object({ batch: z.number().int().min(1) }).strict()).returns<BatchUndoPreview>(),
  /** Deals from a CRM export, matched to leads; a deal imported before is updated, its changes kept in its history. */
  /** A CRM export's deals; `columns` names the header of any field the headers do not say (a mapping file's). */
  'import.deals': write(
    importFileSchema
      .extend({
        columns: dealColumnsSchema.optional(),
        /** A saved deals preset's columns (those given in `columns` win). */
        preset: z.string().trim().min(1).max(80).optional(),
        /** Of amounts whose rows name none (by default the cost model's currency, else the deals' before, else EUR). */
        currency: currencySchema.optional(),
      })
      .strict(),
  ).returns<DealsImportSummary>(),
  /**
   * An ads report's spend (Facebook Ads Manager's export, and alike) as the ads of the cost entry for the days it
   * covers, that entry's other figures kept; `currency` where the report's header names none.
   */
  'import.adSpend': write(
    importFileSchema
      .extend({
        currency: currencySchema.optional(),
        /** How slashed days read (04/05/2026) where the report's own days do not tell. */
        dateOrder: z.enum(['dmy', 'mdy']).optional(),
      })
      .strict(),
  ).returns<AdSpendSummary>(),
  /** Saves the columns of a CRM's deals export under a name, for the next imports (`--preset`). */
  'deals.savePreset': write(
    z.object({ name: z.string().trim().min(1).max(80), columns: dealColumnsSchema }).strict(),
  ).returns<{ name: string }>(),
  'presets.list': call(none).returns<Preset[]>(),
  'presets.save': write(
    z.object({ name: z.string().trim().min(1).max(80), mapping: mappingSchema }).strict(),
  ).returns<Preset>(),
  /**
   * The OS file dialog, from the shell; null when the user cancels. A page gets a token as the path (the IPC binding
   * gives one, and takes only tokens in `path` and `rejectsPath`): pages never name files.
   */
  'files.choose': call(
    z
      .object({
        purpose: z.enum([
          'import',
          'rejects',
          'reportXlsx',
          'reportPptx',
          'logo',
          'casesExport',
          'personJson',
          'gridExport',
          'backup',
        ]),
        suggestedName: z.string().optional(),
      })
      .strict(),
  ).returns<{ path: string | null; name: string | null }>(),
  /** Labels messages as one undoable action; a field left out keeps its value, null clears it. */
  'labels.set': write(
    z
      .object({
        ids: z.array(z.number().int().min(1)).min(1).max(LABELS_AT_ONCE),
        temperature: z.number().int().min(-2).max(2).nullable().optional(),
        kind: z.enum(KINDS).nullable().optional(),
      })
      .strict()
      .refine((input) => input.temperature !== undefined || input.kind !== undefined, {
        message: 'give a temperature or a kind (null clears)',
      }),
  ).returns<LabelResult>(),
  /** Undo and redo the current annotator's own label actions; they survive restarts. */
  'labels.undo': write(none).returns<LabelResult>(),
  'labels.redo': write(none).returns<LabelResult>(),
  'labels.history': call(z.object({ messageId: z.number().int().min(1) }).strict()).returns<LabelHistoryRow[]>(),
  /** The labels the workspace's model suggests for messages, in what they lack (shown in the grid's empty cells). */
  'labels.suggestions': call(
    z.object({ ids: z.array(z.number().int().min(1)).min(1).max(SUGGESTIONS_AT_ONCE) }).strict(),
  ).returns<LabelSuggestionRow[]>(),
  /** Labels messages as suggested, in what they lack, as one undoable action. */
  'labels.acceptSuggestions': write(
    z.object({ ids: z.array(z.number().int().min(1)).min(1).max(LABELS_AT_ONCE) }).strict(),
  ).returns<LabelResult>(),
  /** Every KPI of DESIGN.md for a period, with the period before and the same period a year earlier. */
  'kpis.get': call(kpiRequestSchema).returns<KpiReport>(),
  /**
   * The ROI leg of a period: its won deals attributed to their social touches by each model, the cost and each
   * model's ROI; null with no leads, deals or costs.
   */
  'kpis.roi': call(
    z
      .object({
        from: daySchema,
        to: daySchema,
        /** How long before its close a message still counts as a deal's touch (180 days by default). */
        windowDays: z.number().int().min(1).max(3650).optional(),
        /** The time-decay model's half-life in days (7 by default). */
        halfLifeDays: z.number().min(0.5).max(365).optional(),
      })
      .strict()
      .refine((period) => period.from <= period.to, { message: 'from must not be after to', path: ['to'] }),
  ).returns<RoiReport | null>(),
  /** Tracked entities; `mentions: false` skips counting them (the grid's filter lists need only names). */
  'entities.list': call(listSchema).returns<TrackedEntity[]>(),
  /** Creates or replaces an entity's rules, then rematches the workspace as a job. */
  'entities.save': call(
    z.object({ name: z.string().trim().min(1).max(120), role: z.enum(ENTITY_ROLES), aliases: ruleList }).strict(),
  ).returns<JobStarted<RematchResult>>(),
  /** What rules (aliases or keywords) would match in the workspace now, before saving them. */
  'rules.preview': call(z.object({ rules: ruleList.min(1).max(100) }).strict()).returns<RulePreview>(),
  'topics.list': call(listSchema).returns<Topic[]>(),
  'topics.save': call(z.object({ name: z.string().trim().min(1).max(120), keywords: ruleList }).strict()).returns<
    JobStarted<RematchResult>
  >(),
  /** Another name for an entity or topic; its rules and matches stay. */
  'entities.rename': write(trackedRename).returns<{ id: number; name: string }>(),
  'topics.rename': write(trackedRename).returns<{ id: number; name: string }>(),
  /** Deletes an entity or topic with its rules and matches (the messages stay), as a job; `messages`: matches gone. */
  'entities.delete': call(trackedId).returns<JobStarted<RematchResult>>(),
  'topics.delete': call(trackedId).returns<JobStarted<RematchResult>>(),
  /** The grid's layout, keys and saved views, kept in the workspace. */
  'grid.prefs.get': call(none).returns<GridPrefs>(),
  'grid.prefs.save': write(gridPrefsSchema.partial().strict()).returns<GridPrefs>(),
  /** Everyone who has labeled in this workspace, for the annotator filter. */
  'labels.annotators': call(none).returns<string[]>(),
  /** The first and last day with messages, in the workspace's time zone (null when empty). */
  'messages.span': call(none).returns<{ from: string | null; to: string | null }>(),
  /** Saves a chart the renderer drew: asks where (the OS dialog), then writes it. */
  'charts.save': call(
    z
      .object({
        format: z.enum(['png', 'svg']),
        name: z
          .string()
          .trim()
          .min(1)
          .max(120)
          .regex(/^[^/\\:*?"<>|]+$/, 'a file name without a folder'),
        /** PNG: a data URL (base64); SVG: the document's text. */
        data: z.string().min(1).max(30_000_000),
      })
      .strict()
      .refine(
        (c) =>
          c.format === 'png'
            ? c.data.startsWith('data:image/png;base64,')
            : /^\s*(<\?xml[^>]*>\s*)?<svg[\s>]/.test(c.data),
        { message: 'data does not match the format', path: ['data'] },
      ),
  ).returns<{ path: string | null; bytes: number }>(),
  'jobs.cancel': call(z.object({ jobId: z.string().min(1) }).strict()).returns<{ cancelled: boolean }>(),
  /** B2B leads: each with its contact, stage and linked messages (its social touches). */
  'leads.list': call(z.object({ stage: z.enum(LEAD_STAGES).optional() }).strict()).returns<LeadSummary[]>(),
  'leads.get': call(z.object({ lead: z.number().int().min(1) }).strict()).returns<LeadDetail>(),
  /** A lead from one or more messages (the grid's selection, or ids from a file); its contact found or made. */
  'leads.create': write(newLeadSchema).returns<{ lead: number }>(),
  'leads.link': write(linkSchema).returns<{ lead: number; linked: number }>(),
  /** A lead's owner, expected value and currency, product and source campaign. */
  'leads.update': write(updateLeadSchema).returns<{ lead: number }>(),
  /** Moves a lead to a stage, dated (today unless given) and attributed to the annotator. */
  'leads.stage': write(stageSchema).returns<{ lead: number; changed: boolean }>(),
  /** The cost model of a period (the ROI's cost): set replaces what was entered for exactly those days. */
  'costs.set': write(costEntrySchema).returns<PeriodCosts | null>(),
  'costs.get': call(z.object({ from: daySchema, to: daySchema }).strict()).returns<PeriodCosts | null>(),
  /** The community snapshots recorded between two days (either open), by network, channel and date. */
  'community.list': call(snapshotListSchema).returns<Snapshot[]>(),
  /** Records a channel's followers, members or active members on a date (those given replace that day's). */
  'community.record': write(snapshotSchema).returns<Snapshot>(),
  'community.remove': write(z.object({ id: z.number().int().min(1) }).strict()).returns<{ id: number }>(),
  /** The entry made for exactly these days (what `costs.set` replaces), to edit it; null if none was. */
  'costs.entry': call(z.object({ from: daySchema, to: daySchema }).strict()).returns<CostEntry | null>(),
  /** The CRM's deals, or those of one match state (the unmatched and ambiguous, for the user to resolve). */
  'leads.deals': call(z.object({ state: z.enum(['matched', 'ambiguous', 'unmatched']).optional() }).strict()).returns<
    DealSummary[]
  >(),
  /** The user's match of a deal to a lead. */
  'leads.matchDeal': write(
    z.object({ deal: z.number().int().min(1), lead: z.number().int().min(1) }).strict(),
  ).returns<{ deal: number; lead: number }>(),
  /** Identified people and companies (B2B), with their accounts on each network and their leads. */
  'contacts.list': call(z.object({ search: z.string().trim().max(200).optional() }).strict()).returns<Contact[]>(),
  /** A message's author and the contact they belong to. */
  'contacts.ofMessage': call(z.object({ message: z.number().int().min(1) }).strict()).returns<AuthorContact>(),
  'contacts.update': write(updateContactSchema).returns<Contact>(),
  /** Marks an author as an identified person or company: their contact made, or updated. */
  'contacts.identify': write(identifySchema).returns<Contact>(),
  /** Several contacts as one (a person's LinkedIn, X and email accounts): accounts and leads move to `into`. */
  'contacts.merge': write(mergeSchema).returns<Contact>(),
  /** One account out of a contact, to a contact of its own. */
  'contacts.split': write(splitSchema).returns<{ contact: Contact; split: Contact }>(),
  /** The care queue: open cases and unhandled case/complaint messages, oldest waiting first, with counts. */
  'cases.queue': call(queueFilterSchema).returns<QueuePage>(),
  /** A case's page: its fields, SLA, customer, thread (their messages and our replies) and history. */
  'cases.get': call(z.object({ case: z.number().int().min(1) }).strict()).returns<CaseDetail>(),
  /** Cases (opened in a period, of a status), each with its times and SLA, times in ISO 8601 with offset. */
  'cases.list': call(caseListSchema).returns<CaseSummary[]>(),
  /** One row per case opened in the period with its times and SLA outcome, to .csv or .xlsx. */
  'cases.export': call(exportCasesSchema).returns<{ file: string; cases: number }>(),
  /** A case from messages; routing rules set what the call leaves out. */
  'cases.open': write(openCaseSchema).returns<{ case: number }>(),
  'cases.addMessages': write(addCaseMessagesSchema).returns<{ case: number; added: number }>(),
  /** Status, type, team, assignee, priority: each change dated and attributed in the case's history. */
  'cases.update': write(updateCaseSchema).returns<{ case: number; changed: number }>(),
  'cases.note': write(noteSchema).returns<{ case: number }>(),
  /**
   * The customer's message on its network, in the system's browser, to post the answer there: the address is the one
   * stored with the message (http or https), never one the page gives.
   */
  'cases.openOnNetwork': call(z.object({ case: z.number().int().min(1) }).strict()).returns<{
    url: string | null;
    opened: boolean;
  }>(),
  /** The brand's answer recorded on the case (posted by hand: Pulso stays offline); canned variables filled in. */
  'cases.respond': write(respondSchema).returns<RespondResult>(),
  'sla.list': call(none).returns<SlaPolicy[]>(),
  /** A policy; the open cases' SLA is recomputed with it. */
  'sla.add': write(slaPolicySchema).returns<{ policy: number; cases: number }>(),
  /**
   * A policy gone: the open cases it held are held to the next that fits them (their SLA recomputed, as every refresh
   * does); the misses of cases already resolved or closed stay.
   */
  'sla.remove': write(z.object({ policy: z.number().int().min(1) }).strict()).returns<{
    policy: number;
    cases: number;
  }>(),
  /** Every open case's SLA recomputed now: misses that came due are recorded. */
  'sla.refresh': write(none).returns<{ cases: number; misses: number }>(),
  'canned.list': call(none).returns<CannedReply[]>(),
  /** A canned reply by its short code (the same code again replaces it). */
  'canned.add': write(cannedSchema).returns<{ canned: number }>(),
  /** Off the list; the replies that used it keep its code in their history and in the agents' canned share. */
  'canned.remove': write(z.object({ code: cannedCode }).strict()).returns<{ code: string }>(),
  'routing.list': call(none).returns<RoutingRule[]>(),
  'routing.add': write(routingRuleSchema).returns<{ rule: number }>(),
  /** Cases it routed keep their team and assignee. */
  'routing.remove': write(z.object({ rule: z.number().int().min(1) }).strict()).returns<{ rule: number }>(),
  /** The open cases a condition would route now, before it is saved. */
  'routing.preview': call(
    z
      .object({ when: z.string().trim().min(1).max(1_000), limit: z.number().int().min(0).max(500).default(20) })
      .strict(),
  ).returns<{ open: number; matches: number; cases: number[] }>(),
  /** The rules applied to the open cases no team has yet. */
  'routing.apply': write(none).returns<{ cases: number; routed: number }>(),
  'teams.list': call(none).returns<{ department: string; members: string[] }[]>(),
  /** A team's community managers (round robin and least loaded choose among them). */
  'teams.set': write(teamSchema).returns<{ department: string; members: number }>(),
  /** A person's whole story from any of their accounts: accounts, mood over time, cases, leads, likes, influence. */
  'customers.story': call(personSchema).returns<CustomerStory>(),
  /** Everything stored about a person, to a .json file (the copy data-protection law entitles them to). */
  'customers.export': call(exportPersonSchema).returns<{ file: string; messages: number }>(),
  /** A person erased: their identity and texts gone, their messages kept only as anonymous counts; logged. */
  'customers.erase': write(personSchema).returns<ErasureResult>(),
  /** The ideas board (customers' suggestions grouped, most asked first) and the suggestions not grouped yet. */
  'ideas.list': call(none).returns<{ ideas: IdeaSummary[]; inbox: { total: number; messages: StoryMessage[] } }>(),
  'ideas.create': write(ideaFromSchema).returns<{ idea: number }>(),
  'ideas.link': write(ideaLinkSchema).returns<{ idea: number; added: number }>(),
  /** Duplicate ideas as one: their customers' votes add up in `into`. */
  'ideas.merge': write(ideaMergeSchema).returns<{ idea: number }>(),
  'ideas.status': write(ideaStatusSchema).returns<{ idea: number; status: IdeaStatus }>(),
  /** The quarterly deck (or any period's) as a workbook with native charts, or as slides: a job. */
  'reports.write': call(reportRequestSchema).returns<JobStarted<ReportResult>>(),
  /** The decks written from this workspace, latest first. */
  'reports.list': call(none).returns<ReportRun[]>(),
  /** The workspace's name and logo as the deck shows them (the name: the workspace file's, until one is set). */
  'reports.branding': call(none).returns<{ name: string; logo: string | null; named: boolean }>(),
  /** Sets the deck's name (empty: the file's again) and its logo (a PNG or JPEG file, at most 1 MB; null: none). */
  'reports.setBranding': write(
    z.object({ name: z.string().trim().max(80).optional(), path: z.string().min(1).nullable().optional() }).strict(),
  ).returns<{ name: string; logo: string | null; named: boolean }>(),
  /** Shows a written deck in the system's file manager (the app only). */
  'reports.reveal': call(z.object({ id: z.number().int().min(1) }).strict()).returns<{ shown: boolean }>(),
} as const;

export type Contract = typeof contract;
export type CallName = keyof Contract;
export type CallInput<K extends CallName> = z.input<Contract[K]['input']>;
export type ParsedInput<K extends CallName> = z.output<Contract[K]['input']>;
export type CallOutput<K extends CallName> = Contract[K]['output'];
