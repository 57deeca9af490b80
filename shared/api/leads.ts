import { z } from 'zod';
import { LEAD_STAGES, type LeadStage } from '../domain/vocabulary';
import { daySchema } from './day';
import { LINKED_AT_ONCE } from './limits';
import type { DealRow } from '../domain/import/deal-fields';

/** An ISO 4217 code, as CRMs write them. */
export const currencySchema = z.string().regex(/^[A-Z]{3}$/, 'a currency code such as EUR');

/** Messages by their own ids (the grid) or by the ids their files gave them (scripts). */
const messagesSchema = {
  messageIds: z.array(z.number().int().min(1)).max(LINKED_AT_ONCE).optional(),
  externalIds: z.array(z.string().min(1).max(200)).max(LINKED_AT_ONCE).optional(),
};

export const newLeadSchema = z
  .object({
    ...messagesSchema,
    /** The contact's name, and their company and email. */
    name: z.string().trim().min(1).max(200),
    company: z.string().trim().min(1).max(200).optional(),
    email: z.string().trim().email().max(200).optional(),
    stage: z.enum(LEAD_STAGES).default('new'),
    /** The day the lead was created (its first stage), YYYY-MM-DD; today when not given. */
    at: daySchema.optional(),
    value: z.number().min(0).max(1e12).optional(),
    currency: currencySchema.default('EUR'),
    owner: z.string().trim().min(1).max(100).optional(),
    product: z.string().trim().min(1).max(200).optional(),
    campaign: z.string().trim().min(1).max(200).optional(),
    /** The CRM's id of the deal it became, when known: the CRM's deals are matched on it first. */
    dealId: z.string().trim().min(1).max(100).optional(),
  })
  .strict();

/** A lead's own figures, set later (null clears one): owner, expected value and currency, product, campaign. */
export const updateLeadSchema = z
  .object({
    lead: z.number().int().min(1),
    owner: z.string().trim().min(1).max(100).nullable().optional(),
    value: z.number().min(0).max(1e12).nullable().optional(),
    currency: currencySchema.optional(),
    product: z.string().trim().min(1).max(200).nullable().optional(),
    campaign: z.string().trim().min(1).max(200).nullable().optional(),
  })
  .strict();

export const linkSchema = z.object({ lead: z.number().int().min(1), ...messagesSchema }).strict();

export const stageSchema = z
  .object({ lead: z.number().int().min(1), stage: z.enum(LEAD_STAGES), at: daySchema.optional() })
  .strict();

/** A lead as the handlers store it: its day resolved to an instant. */
export type NewLead = Omit<z.output<typeof newLeadSchema>, 'at' | 'messageIds' | 'externalIds'> & { at: number };

export interface LeadSummary {
  id: number;
  name: string;
  company: string | null;
  stage: LeadStage;
  /** When it reached its stage. */
  stageAt: number | null;
  owner: string | null;
  expectedValue: number | null;
  currency: string;
  product: string | null;
  campaign: string | null;
  createdAt: number;
  contactId: number | null;
  contact: string | null;
  email: string | null;
  /** Linked messages: its social touches. */
  messages: number;
  /** The CRM deal it was matched to, when there is one, and when it was won (the end of its trace). */
  deal: string | null;
  wonAt: number | null;
}

export interface LeadDetail extends LeadSummary {
  history: { stage: LeadStage; at: number; by: string | null }[];
  /** Its messages, oldest first. */
  messageIds: number[];
}

/** A deal as stored: as its CRM export had it, and its match. */
export interface DealSummary extends DealRow {
  id: number;
  lead: number | null;
  matchState: 'matched' | 'ambiguous' | 'unmatched';
  /** How the match was made: by deal id, email, name and company, or by hand. */
  matchMethod: string | null;
  /** The leads an ambiguous deal could be. */
  candidates: number[];
}

export interface DealsImportSummary {
  batch: number;
  file: string;
  new: number;
  updated: number;
  unchanged: number;
  matched: number;
  unmatched: number;
  ambiguous: number;
  /** The currency given to the amounts of rows that named none (a file without a currency column); null if all did. */
  currencyAssumed: string | null;
}

/** A period's cost entry as stored: what was entered for exactly those days, every amount given. */
export interface CostEntry {
  from: string;
  to: string;
  cmHours: number;
  cmRate: number;
  agencyFee: number;
  agencyShare: number;
  tools: number;
  ads: number;
  currency: string;
}

/** An ads report's spend, taken as the ads of the cost entry for the days it covers. */
export interface AdSpendSummary {
  file: string;
  from: string;
  to: string;
  ads: number;
  currency: string;
  rows: number;
}

const money = z.number().min(0).max(1e12).optional();

/** A period's cost model, as the user enters it (the app and `pulso costs set`). */
export const costEntrySchema = z
  .object({
    from: daySchema,
    to: daySchema,
    cmHours: money,
    cmRate: money,
    agencyFee: money,
    /** The agency's part of its fee; the rest pays the community manager it provides (0.4 for a 40/60 split). */
    agencyShare: z.number().min(0).max(1).optional(),
    tools: money,
    ads: money,
    currency: currencySchema.optional(),
  })
  .strict()
  .refine((entry) => entry.from <= entry.to, { message: 'from must not be after to', path: ['to'] });
