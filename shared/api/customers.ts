import { z } from 'zod';
import type { InfluenceParts } from '../domain/kpis';
import type { CaseStatus, LeadStage } from '../domain/vocabulary';

export const IDEA_STATUSES = ['new', 'under_review', 'planned', 'done', 'declined'] as const;
export type IdeaStatus = (typeof IDEA_STATUSES)[number];

const id = z.number().int().min(1);

/** A person by one of their accounts: by its id, or by network and handle as scripts know them. */
export const personSchema = z
  .object({
    author: id.optional(),
    account: z
      .object({ source: z.string().min(1).max(40), handle: z.string().min(1).max(200) })
      .strict()
      .optional(),
  })
  .strict()
  .refine((input) => (input.author === undefined) !== (input.account === undefined), {
    message: 'name the author or the account (network and handle), one of them',
    path: ['author'],
  });
/** The file is a token from the file dialog when the app asks (the IPC binding resolves `path`). */
export const exportPersonSchema = personSchema.and(z.object({ path: z.string().min(1).max(4_000) }).strict());

export const ideaFromSchema = z
  .object({ title: z.string().trim().min(1).max(200), messageIds: z.array(id).min(1).max(1_000) })
  .strict();
export const ideaMergeSchema = z.object({ into: id, from: z.array(id).min(1).max(100) }).strict();
export const ideaStatusSchema = z.object({ idea: id, status: z.enum(IDEA_STATUSES) }).strict();
export const ideaLinkSchema = z.object({ idea: id, messageIds: z.array(id).min(1).max(1_000) }).strict();

export interface StoryMessage {
  id: number;
  postedAt: number;
  source: string;
  text: string;
  temperature: number | null;
  kind: string | null;
}

/** Everything Pulso holds about a person, from any of their accounts. */
export interface CustomerStory {
  name: string;
  contact: { id: number; name: string; company: string | null; email: string | null } | null;
  accounts: { authorId: number; source: string; handle: string; name: string | null; followers: number | null }[];
  messages: { total: number; labeled: number; latest: StoryMessage[] };
  /** Their labeled messages' temperatures in time order (the sparkline). */
  temperatures: { at: number; temperature: number }[];
  /** The mean of their latest five labeled messages; null with none. */
  mood: number | null;
  cases: { id: number; type: string; status: CaseStatus; openedAt: number; slaState: string | null }[];
  leads: { id: number; name: string; stage: LeadStage }[];
  topics: { name: string; messages: number; meanTemperature: number | null }[];
  entities: { name: string; messages: number; meanTemperature: number | null }[];
  influence: InfluenceParts & { followers: number | null; engagement: number; repliesReceived: number };
}

export interface ErasureResult {
  authors: number;
  messages: number;
  cases: number;
  leads: number;
  contact: boolean;
}

export interface IdeaSummary {
  id: number;
  title: string;
  status: IdeaStatus;
  /** How many customers asked (distinct authors of its messages). */
  votes: number;
  messages: number;
  meanTemperature: number | null;
  createdAt: number;
  /** The customers to tell when it ships. */
  customers: { authorId: number; source: string; handle: string }[];
}
