/** Closed vocabularies of DESIGN.md, shared by the store, the contract and the UI. */
export const KINDS = ['case', 'complaint', 'suggestion', 'opinion', 'chat', 'spam', 'irrelevant'] as const;
export type Kind = (typeof KINDS)[number];

export const SOURCES = [
  'twitter',
  'facebook',
  'instagram',
  'linkedin',
  'youtube',
  'tiktok',
  'blog',
  'forum',
  'news',
  'review',
  'email',
  'phone',
  'other',
] as const;
export type Source = (typeof SOURCES)[number];

export const ENTITY_ROLES = ['own', 'person', 'competitor'] as const;
export type EntityRole = (typeof ENTITY_ROLES)[number];

export const CASE_STATUSES = ['new', 'attended', 'waiting', 'resolved', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const LEAD_STAGES = ['new', 'qualified', 'opportunity', 'proposal', 'won', 'lost'] as const;
export type LeadStage = (typeof LEAD_STAGES)[number];

export const LANGUAGES = ['es', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * The author of a message whose file names none. Not a person: the KPIs do not count it as a user, a happy or
 * unhappy customer, an advocate or an influencer, and the UI shows it in the user's language.
 */
export const UNKNOWN_AUTHOR = '(unknown)';
/**
 * Who labeled what came labeled in an imported file (the batch is on the label): not the person who ran the import.
 * Shown in words of the UI's language.
 */
export const IMPORTED_ANNOTATOR = '(imported)';
