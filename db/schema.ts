import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * The workspace store. Times are integer milliseconds since the epoch, UTC; the workspace's
 * time zone (settings) is applied only when reading dates in or showing them.
 */
const id = () => integer('id').primaryKey({ autoIncrement: true });
const createdAt = () =>
  integer('created_at')
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

export const sources = sqliteTable('sources', {
  id: id(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
});

export const importBatches = sqliteTable('import_batches', {
  id: id(),
  fileName: text('file_name').notNull(),
  fileSize: integer('file_size').notNull(),
  sha256: text('sha256').notNull(),
  preset: text('preset'),
  rowsNew: integer('rows_new').notNull().default(0),
  rowsDuplicate: integer('rows_duplicate').notNull().default(0),
  rowsRejected: integer('rows_rejected').notNull().default(0),
  importedBy: text('imported_by').notNull(),
  importedAt: createdAt(),
});

export const authors = sqliteTable(
  'authors',
  {
    id: id(),
    sourceId: integer('source_id')
      .notNull()
      .references(() => sources.id),
    handle: text('handle').notNull(),
    name: text('name'),
    followers: integer('followers'),
    personName: text('person_name'),
    companyName: text('company_name'),
    role: text('role'),
    ageBand: text('age_band'),
    sex: text('sex'),
    region: text('region'),
    /** Likes + shares + replies of all the author's messages, kept by triggers (db/queries/rollups.ts). */
    engagement: integer('engagement').notNull().default(0),
  },
  (t) => [
    // One index for both: a network's handle looked up, and the grid's sort by handle (then network).
    uniqueIndex('authors_handle_source').on(t.handle, t.sourceId),
    // The most an author's influence can be in any period: the top influencers are found from here down.
    // The influence bound is log10 of this product: ordered the same, and computed alike by any SQLite (log10 is not).
    index('authors_influence_product').on(sql`(1 + coalesce(${t.followers}, 0)) * (1 + ${t.engagement})`),
  ],
);

export const messages = sqliteTable(
  'messages',
  {
    id: id(),
    externalId: text('external_id'),
    sourceId: integer('source_id')
      .notNull()
      .references(() => sources.id),
    authorId: integer('author_id')
      .notNull()
      .references(() => authors.id),
    postedAt: integer('posted_at').notNull(),
    text: text('text').notNull(),
    url: text('url'),
    language: text('language'),
    likes: integer('likes'),
    shares: integer('shares'),
    replies: integer('replies'),
    replyToExternalId: text('reply_to_external_id'),
    /** sha-256 of source + author + time + text: dedupes rows that have no external id. */
    contentHash: text('content_hash').notNull(),
    batchId: integer('batch_id').references(() => importBatches.id, { onDelete: 'cascade' }),
    // The current label, kept beside the message so the grid filters and sorts by index;
    // `labels` holds the full history and is the truth.
    temperature: integer('temperature'),
    kind: text('kind'),
    annotator: text('annotator'),
    labeledAt: integer('labeled_at'),
    /**
     * The message's entities and topics as one id (match_sets), kept with its matches (db/queries/rollups.ts): a
     * narrowed period is a filter on the period's index, not a look-up per message.
     */
    matchSetId: integer('match_set_id').notNull().default(0),
  },
  (t) => [
    uniqueIndex('messages_source_external').on(t.sourceId, t.externalId),
    uniqueIndex('messages_content_hash').on(t.contentHash),
    // The grid's time order (posted_at, then id), and a period's scan for the KPIs covered: every
    // column they read, without touching the rows. One index for both, built once per large import.
    index('messages_period').on(
      t.postedAt,
      t.id,
      t.temperature,
      t.authorId,
      t.sourceId,
      t.likes,
      t.shares,
      t.replies,
      t.matchSetId,
    ),
    // The grid sorts by walking these indexes (column, then posted_at and id), never by sorting a million rows.
    index('messages_author').on(t.authorId, t.postedAt),
    index('messages_source').on(t.sourceId, t.postedAt),
    index('messages_kind').on(t.kind, t.postedAt),
    // The care queue's unhandled cases and complaints, oldest first, with what its filters read.
    index('messages_care')
      .on(t.kind, t.postedAt, t.sourceId, t.temperature)
      .where(sql`${t.kind} IN ('case', 'complaint')`),
    index('messages_annotator').on(t.annotator, t.postedAt),
    // Who labeled how much in a period (the KPIs' labeled-by), from the index alone.
    index('messages_labeled').on(t.labeledAt, t.annotator),
    // Influence counts the replies each author gets in a period: only replies are in this one.
    index('messages_replies')
      .on(t.postedAt)
      .where(sql`${t.replyToExternalId} IS NOT NULL`),
    index('messages_batch').on(t.batchId),
    index('messages_temperature').on(t.temperature, t.postedAt),
    check('messages_temperature_range', sql`${t.temperature} BETWEEN -2 AND 2`),
  ],
);

/** One labeling gesture (a key on one row, or on a selection): the unit of undo and redo. */
export const labelActions = sqliteTable(
  'label_actions',
  {
    id: id(),
    annotator: text('annotator').notNull(),
    /** done → undone (by undo) → done (by redo); undone ones become dropped when a new action comes. */
    state: text('state', { enum: ['done', 'undone', 'dropped'] })
      .notNull()
      .default('done'),
    createdAt: createdAt(),
  },
  (t) => [index('label_actions_annotator').on(t.annotator, t.state)],
);

export const labels = sqliteTable(
  'labels',
  {
    id: id(),
    messageId: integer('message_id')
      .notNull()
      .references(() => messages.id, { onDelete: 'cascade' }),
    annotator: text('annotator').notNull(),
    temperature: integer('temperature'),
    kind: text('kind'),
    previousTemperature: integer('previous_temperature'),
    previousKind: text('previous_kind'),
    labeledAt: integer('labeled_at').notNull(),
    /** Import batch that brought this label in, so undoing an import removes its labels. */
    batchId: integer('batch_id').references(() => importBatches.id, { onDelete: 'cascade' }),
    actionId: integer('action_id').references(() => labelActions.id),
  },
  (t) => [
    index('labels_message').on(t.messageId, t.labeledAt),
    // Only the grid's labels have an action (undo); an import's hundreds of thousands have none.
    index('labels_action')
      .on(t.actionId)
      .where(sql`${t.actionId} IS NOT NULL`),
    check('labels_temperature_range', sql`${t.temperature} BETWEEN -2 AND 2`),
  ],
);

export const entities = sqliteTable('entities', {
  id: id(),
  name: text('name').notNull().unique(),
  role: text('role', { enum: ['own', 'person', 'competitor'] }).notNull(),
  createdAt: createdAt(),
});

export const entityAliases = sqliteTable(
  'entity_aliases',
  {
    id: id(),
    entityId: integer('entity_id')
      .notNull()
      .references(() => entities.id, { onDelete: 'cascade' }),
    alias: text('alias').notNull(),
  },
  (t) => [uniqueIndex('entity_aliases_unique').on(t.entityId, t.alias)],
);

export const topics = sqliteTable('topics', {
  id: id(),
  name: text('name').notNull().unique(),
  createdAt: createdAt(),
});

export const topicKeywords = sqliteTable(
  'topic_keywords',
  {
    id: id(),
    topicId: integer('topic_id')
      .notNull()
      .references(() => topics.id, { onDelete: 'cascade' }),
    keyword: text('keyword').notNull(),
  },
  (t) => [uniqueIndex('topic_keywords_unique').on(t.topicId, t.keyword)],
);

export const messageEntities = sqliteTable(
  'message_entities',
  {
    messageId: integer('message_id')
      .notNull()
      .references(() => messages.id, { onDelete: 'cascade' }),
    entityId: integer('entity_id')
      .notNull()
      .references(() => entities.id, { onDelete: 'cascade' }),
    /** 'rule' rows are recomputed when rules change; 'import' rows came from a file's column and stay. */
    origin: text('origin', { enum: ['rule', 'import'] })
      .notNull()
      .default('rule'),
  },
  (t) => [primaryKey({ columns: [t.messageId, t.entityId] }), index('message_entities_entity').on(t.entityId)],
);

export const messageTopics = sqliteTable(
  'message_topics',
  {
    messageId: integer('message_id')
      .notNull()
      .references(() => messages.id, { onDelete: 'cascade' }),
    topicId: integer('topic_id')
      .notNull()
      .references(() => topics.id, { onDelete: 'cascade' }),
    origin: text('origin', { enum: ['rule', 'import'] })
      .notNull()
      .default('rule'),
  },
  (t) => [primaryKey({ columns: [t.messageId, t.topicId] }), index('message_topics_topic').on(t.topicId)],
);

export const cases = sqliteTable(
  'cases',
  {
    id: id(),
    type: text('type').notNull(),
    department: text('department'),
    assignee: text('assignee'),
    status: text('status', { enum: ['new', 'attended', 'waiting', 'resolved', 'closed'] })
      .notNull()
      .default('new'),
    openedAt: integer('opened_at').notNull(),
    firstResponseAt: integer('first_response_at'),
    resolvedAt: integer('resolved_at'),
    closedAt: integer('closed_at'),
    batchId: integer('batch_id').references(() => importBatches.id, { onDelete: 'cascade' }),
    priority: text('priority', { enum: ['low', 'normal', 'high', 'urgent'] })
      .notNull()
      .default('normal'),
    /** The message the case was opened from: the queue shows its author, text and temperature. */
    messageId: integer('message_id'),
    /** Since when the customer has waited for an answer (they spoke last); null once answered. */
    waitingSince: integer('waiting_since'),
    slaPolicyId: integer('sla_policy_id').references(() => slaPolicies.id, { onDelete: 'set null' }),
    /** Kept by every change to the case and by `sla.refresh`; null with no policy. */
    slaState: text('sla_state', { enum: ['active', 'active_with_misses', 'hit', 'missed'] }),
    /** The earliest SLA due time still running (first or next response, resolution). */
    slaDue: integer('sla_due'),
  },
  (t) => [
    index('cases_opened').on(t.openedAt),
    // The queue: open cases in its order (waiting first, oldest first, then by SLA due), with the columns its filters
    // and counts read, so a page and its counts come from this index alone.
    index('cases_queue')
      .on(
        sql`(${t.waitingSince} IS NULL)`,
        t.waitingSince,
        sql`(${t.slaDue} IS NULL)`,
        t.slaDue,
        t.department,
        t.assignee,
        t.type,
        t.slaState,
        t.messageId,
      )
      .where(sql`${t.status} IN ('new', 'attended', 'waiting')`),
    index('cases_message').on(t.messageId),
  ],
);

/** Every change to a case, dated and attributed; internal notes are events too (`action` 'note'). */
export const caseEvents = sqliteTable(
  'case_events',
  {
    id: id(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    at: integer('at').notNull(),
    actor: text('actor').notNull(),
    action: text('action', {
      enum: ['opened', 'status', 'assignee', 'department', 'type', 'priority', 'note', 'messages', 'routed'],
    }).notNull(),
    value: text('value'),
    previous: text('previous'),
  },
  (t) => [index('case_events_case').on(t.caseId, t.at)],
);

/** The brand's answers, written in Pulso (posted by hand on the network): each is a first or next response. */
export const caseReplies = sqliteTable(
  'case_replies',
  {
    id: id(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    at: integer('at').notNull(),
    agent: text('agent').notNull(),
    text: text('text').notNull(),
    cannedId: integer('canned_id').references(() => cannedReplies.id, { onDelete: 'set null' }),
  },
  (t) => [index('case_replies_case').on(t.caseId, t.at), index('case_replies_at').on(t.at)],
);

/** Targets for cases of a type, priority or team (the first matching policy by position applies). */
export const slaPolicies = sqliteTable('sla_policies', {
  id: id(),
  name: text('name').notNull().unique(),
  position: integer('position').notNull(),
  caseType: text('case_type'),
  priority: text('priority'),
  department: text('department'),
  firstResponseMinutes: integer('first_response_minutes').notNull(),
  nextResponseMinutes: integer('next_response_minutes'),
  resolutionMinutes: integer('resolution_minutes').notNull(),
  /** `mon-fri 09:00-18:00` as parseBusinessHours reads it; null: round the clock. */
  businessHours: text('business_hours'),
  /** JSON array of YYYY-MM-DD days off. */
  holidays: text('holidays').notNull().default('[]'),
});

/** Each SLA target a case missed, and when (its due time): the KPIs' breaches count these. */
export const slaMisses = sqliteTable(
  'sla_misses',
  {
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    target: text('target', { enum: ['first_response', 'next_response', 'resolution'] }).notNull(),
    at: integer('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.target, t.at] })],
);

/** A team's community managers: routing shares a team's cases among them. */
export const teamMembers = sqliteTable(
  'team_members',
  {
    department: text('department').notNull(),
    agent: text('agent').notNull(),
  },
  (t) => [primaryKey({ columns: [t.department, t.agent] })],
);

/** Answers kept for reuse, found by their short code; `{nombre}`, `{caso}`, `{agente}` are filled in. */
export const cannedReplies = sqliteTable('canned_replies', {
  id: id(),
  code: text('code').notNull().unique(),
  language: text('language').notNull(),
  department: text('department'),
  text: text('text').notNull(),
  /**
   * When it was removed from the list: kept, not deleted, so the replies that used it keep its code in their case's
   * history and in the agents' canned-reply share. Saving its code again brings it back.
   */
  retiredAt: integer('retired_at'),
});

/** Ordered conditions that set a new case's team, type, priority and assignee. */
export const routingRules = sqliteTable('routing_rules', {
  id: id(),
  name: text('name').notNull().unique(),
  position: integer('position').notNull(),
  /** The condition as written (`kind:complaint temp<=-1 "refund"`), read by parseRoutingCondition. */
  condition: text('condition').notNull(),
  department: text('department'),
  caseType: text('case_type'),
  priority: text('priority'),
  assignee: text('assignee'),
  assign: text('assign', { enum: ['fixed', 'round_robin', 'least_loaded'] })
    .notNull()
    .default('fixed'),
  /** Round robin: how many cases the rule has handed out (the next goes to member `turns % members`). */
  turns: integer('turns').notNull().default(0),
});

export const caseMessages = sqliteTable(
  'case_messages',
  {
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    messageId: integer('message_id')
      .notNull()
      .references(() => messages.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.messageId] }), index('case_messages_message').on(t.messageId)],
);

/**
 * The batches besides its first (messages.batch_id) that also brought a message: a later import that found it already
 * stored. Undoing a batch keeps a message another batch brought too.
 */
export const messageBatches = sqliteTable(
  'message_batches',
  {
    batchId: integer('batch_id')
      .notNull()
      .references(() => importBatches.id, { onDelete: 'cascade' }),
    messageId: integer('message_id')
      .notNull()
      .references(() => messages.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.batchId, t.messageId] }), index('message_batches_message').on(t.messageId)],
);

/** A person (or company) the analysts have identified, with the network accounts that are theirs. */
export const contacts = sqliteTable('contacts', {
  id: id(),
  name: text('name').notNull(),
  company: text('company'),
  email: text('email'),
  /** Who they are to the sale: user of the product, their manager, executive, finance/purchasing. */
  role: text('role'),
  accountType: text('account_type'),
  createdAt: createdAt(),
});

/** The accounts (authors) that are one contact's: merging accounts points several here, splitting removes one. */
export const contactAccounts = sqliteTable(
  'contact_accounts',
  {
    authorId: integer('author_id')
      .primaryKey()
      .references(() => authors.id, { onDelete: 'cascade' }),
    contactId: integer('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
  },
  (t) => [index('contact_accounts_contact').on(t.contactId)],
);

export const leads = sqliteTable('leads', {
  id: id(),
  name: text('name').notNull(),
  company: text('company'),
  contactKind: text('contact_kind', { enum: ['person', 'company'] }).notNull(),
  authorId: integer('author_id').references(() => authors.id),
  /** new → qualified → opportunity → proposal → won / lost; each change is in lead_stages. */
  stage: text('stage').notNull().default('new'),
  createdAt: createdAt(),
  contactId: integer('contact_id').references(() => contacts.id),
  owner: text('owner'),
  expectedValue: real('expected_value'),
  currency: text('currency').notNull().default('EUR'),
  product: text('product'),
  campaign: text('campaign'),
  /** The CRM's id of the deal this lead became, when the analyst knows it: deals match on it first. */
  dealId: text('deal_id'),
});

/** The messages a lead came from and was followed in: its social touches. */
export const leadMessages = sqliteTable(
  'lead_messages',
  {
    leadId: integer('lead_id')
      .notNull()
      .references(() => leads.id, { onDelete: 'cascade' }),
    messageId: integer('message_id')
      .notNull()
      .references(() => messages.id, { onDelete: 'cascade' }),
    linkedAt: integer('linked_at')
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
    linkedBy: text('linked_by'),
  },
  (t) => [primaryKey({ columns: [t.leadId, t.messageId] }), index('lead_messages_message').on(t.messageId)],
);

/** Each stage a lead reached, when and by whom. */
export const leadStages = sqliteTable(
  'lead_stages',
  {
    id: id(),
    leadId: integer('lead_id')
      .notNull()
      .references(() => leads.id, { onDelete: 'cascade' }),
    stage: text('stage').notNull(),
    at: integer('at').notNull(),
    by: text('by'),
  },
  (t) => [index('lead_stages_lead').on(t.leadId, t.at)],
);

/** Sales recorded before deals came from the CRM: migration 0016 copied them into deals, which is written instead. */
export const sales = sqliteTable('sales', {
  id: id(),
  leadId: integer('lead_id')
    .notNull()
    .references(() => leads.id, { onDelete: 'cascade' }),
  externalId: text('external_id'),
  amount: real('amount').notNull(),
  currency: text('currency').notNull().default('EUR'),
  wonAt: integer('won_at').notNull(),
});

/**
 * Deals as a CRM export has them, each matched to a lead (or listed for the user to match): the sales the ROI counts
 * are the won ones. A re-import updates a deal by its id and records what changed in deal_history.
 */
export const deals = sqliteTable(
  'deals',
  {
    id: id(),
    externalId: text('external_id').notNull(),
    name: text('name'),
    /** The stage as the CRM wrote it, and what it means: won, lost or still open. */
    stage: text('stage'),
    status: text('status', { enum: ['won', 'lost', 'open'] }).notNull(),
    closedAt: integer('closed_at'),
    company: text('company'),
    contact: text('contact'),
    email: text('email'),
    amount: real('amount').notNull(),
    currency: text('currency').notNull(),
    product: text('product'),
    leadId: integer('lead_id').references(() => leads.id, { onDelete: 'set null' }),
    matchState: text('match_state', { enum: ['matched', 'ambiguous', 'unmatched'] }).notNull(),
    matchMethod: text('match_method'),
    /** The leads an ambiguous deal could be, as JSON. */
    candidates: text('candidates'),
    batchId: integer('batch_id').references(() => importBatches.id, { onDelete: 'cascade' }),
    updatedAt: integer('updated_at'),
  },
  (t) => [uniqueIndex('deals_external').on(t.externalId), index('deals_lead').on(t.leadId)],
);

/** What a re-import changed in a deal: its stage, amount or close, when and from what. */
export const dealHistory = sqliteTable(
  'deal_history',
  {
    id: id(),
    dealId: integer('deal_id')
      .notNull()
      .references(() => deals.id, { onDelete: 'cascade' }),
    batchId: integer('batch_id'),
    at: integer('at').notNull(),
    field: text('field').notNull(),
    before: text('before'),
    after: text('after'),
  },
  (t) => [index('deal_history_deal').on(t.dealId)],
);

/**
 * What the social channel cost over a period (the ROI's denominator): community-manager hours at a rate, the
 * agency's fee, tools and ads. A period's cost takes each row's share of the days they have in common.
 */
export const costs = sqliteTable('costs', {
  id: id(),
  from: text('from').notNull(),
  to: text('to').notNull(),
  cmHours: real('cm_hours').notNull().default(0),
  cmRate: real('cm_rate').notNull().default(0),
  agencyFee: real('agency_fee').notNull().default(0),
  /** The agency's part of the fee (the rest pays the community manager it provides), e.g. 0.4. */
  agencyShare: real('agency_share').notNull().default(1),
  tools: real('tools').notNull().default(0),
  ads: real('ads').notNull().default(0),
  currency: text('currency').notNull().default('EUR'),
});

export const communitySnapshots = sqliteTable(
  'community_snapshots',
  {
    id: id(),
    sourceId: integer('source_id')
      .notNull()
      .references(() => sources.id),
    channel: text('channel').notNull(),
    date: text('date').notNull(),
    followers: integer('followers'),
    members: integer('members'),
    activeMembers: integer('active_members'),
  },
  (t) => [uniqueIndex('community_snapshots_unique').on(t.sourceId, t.channel, t.date)],
);

export const importPresets = sqliteTable('import_presets', {
  id: id(),
  name: text('name').notNull().unique(),
  /** A Mapping (shared/domain/import/mapping.ts) as JSON. */
  mapping: text('mapping').notNull(),
  createdAt: createdAt(),
});

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/**
 * KPI roll-ups, kept exact by triggers (db/queries/rollups.ts): counts per local day of the
 * workspace's zone. `temperature` 9 stands for unlabeled, since a key column cannot be NULL.
 */
const rollupCount = () => integer('messages').notNull();
const rollupKey = () => ({
  day: integer('day').notNull(),
  sourceId: integer('source_id').notNull(),
  temperature: integer('temperature').notNull(),
});

export const kpiDays = sqliteTable(
  'kpi_days',
  { ...rollupKey(), messages: rollupCount(), interactions: integer('interactions').notNull() },
  (t) => [uniqueIndex('kpi_days_key').on(t.day, t.sourceId, t.temperature)],
);

export const kpiEntityDays = sqliteTable(
  'kpi_entity_days',
  { ...rollupKey(), entityId: integer('entity_id').notNull(), messages: rollupCount() },
  (t) => [uniqueIndex('kpi_entity_days_key').on(t.day, t.entityId, t.sourceId, t.temperature)],
);

export const kpiTopicDays = sqliteTable(
  'kpi_topic_days',
  { ...rollupKey(), topicId: integer('topic_id').notNull(), messages: rollupCount() },
  (t) => [uniqueIndex('kpi_topic_days_key').on(t.day, t.topicId, t.sourceId, t.temperature)],
);

export const kpiPairDays = sqliteTable(
  'kpi_pair_days',
  {
    ...rollupKey(),
    topicId: integer('topic_id').notNull(),
    entityId: integer('entity_id').notNull(),
    messages: rollupCount(),
  },
  (t) => [uniqueIndex('kpi_pair_days_key').on(t.day, t.topicId, t.entityId, t.sourceId, t.temperature)],
);

/**
 * Each distinct combination of entities and topics some message has, as JSON arrays of ids in order ('[]' for none;
 * set 0 is no match at all).
 */
export const matchSets = sqliteTable(
  'match_sets',
  { id: id(), entities: text('entities').notNull(), topics: text('topics').notNull() },
  (t) => [uniqueIndex('match_sets_key').on(t.entities, t.topics)],
);

/** Messages by match set: a period narrowed to any entities, topics and sources. */
export const kpiMatchDays = sqliteTable(
  'kpi_match_days',
  {
    ...rollupKey(),
    matchSetId: integer('match_set_id').notNull(),
    messages: rollupCount(),
    interactions: integer('interactions').notNull(),
  },
  (t) => [uniqueIndex('kpi_match_days_key').on(t.day, t.matchSetId, t.sourceId, t.temperature)],
);

/** Messages by match set and their authors' known demographics. */
export const kpiMatchDemographicDays = sqliteTable(
  'kpi_match_demographic_days',
  {
    ...rollupKey(),
    matchSetId: integer('match_set_id').notNull(),
    dimension: text('dimension', { enum: ['ageBand', 'sex', 'region'] }).notNull(),
    value: text('value').notNull(),
    messages: rollupCount(),
  },
  (t) => [
    uniqueIndex('kpi_match_demographic_days_key').on(
      t.day,
      t.matchSetId,
      t.sourceId,
      t.dimension,
      t.value,
      t.temperature,
    ),
  ],
);

/** Messages by their authors' known age band, sex and region, each dimension apart. */
export const kpiDemographicDays = sqliteTable(
  'kpi_demographic_days',
  {
    ...rollupKey(),
    dimension: text('dimension', { enum: ['ageBand', 'sex', 'region'] }).notNull(),
    value: text('value').notNull(),
    messages: rollupCount(),
  },
  (t) => [uniqueIndex('kpi_demographic_days_key').on(t.day, t.sourceId, t.dimension, t.value, t.temperature)],
);

/** A message's text as its file wrote it, where the import decoded it (HTML entities, `<br />`): for the record. */
export const messageOriginals = sqliteTable('message_originals', {
  messageId: integer('message_id')
    .primaryKey()
    .references(() => messages.id, { onDelete: 'cascade' }),
  text: text('text').notNull(),
});

/** Decks written from this workspace, for the Reports screen's list of recent ones. */
export const reportRuns = sqliteTable('report_runs', {
  id: id(),
  periodFrom: text('period_from').notNull(),
  periodTo: text('period_to').notNull(),
  format: text('format', { enum: ['xlsx', 'pptx'] }).notNull(),
  language: text('language').notNull(),
  /** The sections after the cover, comma-separated. */
  sections: text('sections').notNull(),
  path: text('path').notNull(),
  createdAt: integer('created_at').notNull(),
  createdBy: text('created_by').notNull(),
});

/** Saved column choices for CRM deals exports (pulso sales import --preset), apart from the messages' presets. */
export const dealPresets = sqliteTable('deal_presets', {
  name: text('name').primaryKey(),
  /** JSON: the header of each deal field, by field. */
  columns: text('columns').notNull(),
  createdAt: integer('created_at').notNull(),
});

/** The workspace zone's UTC offset from each instant on, for the roll-ups' local days. */
export const zoneOffsets = sqliteTable('zone_offsets', {
  startsAt: integer('starts_at').primaryKey(),
  offsetMs: integer('offset_ms').notNull(),
});

/** Tables whose row counts `pulso info` reports, by their public names. */
export const COUNTED_TABLES = {
  sources,
  authors,
  messages,
  labels,
  entities,
  topics,
  messageEntities,
  messageTopics,
  cases,
  leads,
  sales,
  communitySnapshots,
  importBatches,
  importPresets,
} as const;

/** A person erased at their request (data-protection law): when, by whom and how much; nothing that names them. */
export const erasures = sqliteTable('erasures', {
  id: id(),
  at: integer('at').notNull(),
  by: text('by').notNull(),
  authors: integer('authors').notNull(),
  messages: integer('messages').notNull(),
  cases: integer('cases').notNull(),
  leads: integer('leads').notNull(),
});

/** An idea customers gave (co-creation): suggestions grouped, with its status until it ships or is declined. */
export const ideas = sqliteTable('ideas', {
  id: id(),
  title: text('title').notNull(),
  status: text('status', { enum: ['new', 'under_review', 'planned', 'done', 'declined'] })
    .notNull()
    .default('new'),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

export const ideaMessages = sqliteTable(
  'idea_messages',
  {
    ideaId: integer('idea_id')
      .notNull()
      .references(() => ideas.id, { onDelete: 'cascade' }),
    messageId: integer('message_id')
      .notNull()
      .references(() => messages.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.ideaId, t.messageId] }), index('idea_messages_message').on(t.messageId)],
);
