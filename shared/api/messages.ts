import { z } from 'zod';
import { KINDS, SOURCES } from '../domain/vocabulary';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

/** What the grid shows: every filter is optional and they combine with AND. */
export const messageFilterSchema = z.object({
  /** Inclusive days in the workspace's time zone. */
  from: day.optional(),
  to: day.optional(),
  sources: z.array(z.enum(SOURCES)).max(SOURCES.length).optional(),
  entities: z.array(z.number().int().min(1)).max(100).optional(),
  topics: z.array(z.number().int().min(1)).max(100).optional(),
  /** Temperatures, and 'unlabeled' for messages with no temperature. */
  temperatures: z.array(z.union([z.number().int().min(-2).max(2), z.literal('unlabeled')])).max(6).optional(),
  kinds: z.array(z.union([z.enum(KINDS), z.literal('none')])).max(KINDS.length + 1).optional(),
  annotators: z.array(z.string().min(1)).max(50).optional(),
  batch: z.number().int().min(1).optional(),
  hasCase: z.boolean().optional(),
  /** Full-text search: words (any accents), "phrases" and prefix* . */
  search: z.string().max(500).optional(),
}).strict();
export type MessageFilter = z.infer<typeof messageFilterSchema>;

export const SORT_COLUMNS = ['postedAt', 'source', 'author', 'temperature', 'kind', 'annotator', 'labeledAt'] as const;
export const messageSortSchema = z.object({ column: z.enum(SORT_COLUMNS), direction: z.enum(['asc', 'desc']) }).strict();
export type MessageSort = z.infer<typeof messageSortSchema>;
