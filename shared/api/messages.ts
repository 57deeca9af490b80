import { z } from 'zod';
import { daySchema } from './day';
import { KINDS, SOURCES } from '../domain/vocabulary';

export const USER_FLOWS = ['happy', 'unhappy', 'unhappyToHappy', 'happyToUnhappy'] as const;
export type UserFlow = (typeof USER_FLOWS)[number];

const day = daySchema;

/** What the grid shows: every filter is optional and they combine with AND. */
export const messageFilterSchema = z
  .object({
    /** Inclusive days in the workspace's time zone. */
    from: day.optional(),
    to: day.optional(),
    sources: z.array(z.enum(SOURCES)).max(SOURCES.length).optional(),
    entities: z.array(z.number().int().min(1)).max(100).optional(),
    topics: z.array(z.number().int().min(1)).max(100).optional(),
    /** Temperatures, and 'unlabeled' for messages with no temperature. */
    temperatures: z
      .array(z.union([z.number().int().min(-2).max(2), z.literal('unlabeled')]))
      .max(6)
      .optional(),
    kinds: z
      .array(z.union([z.enum(KINDS), z.literal('none')]))
      .max(KINDS.length + 1)
      .optional(),
    annotators: z.array(z.string().min(1)).max(50).optional(),
    batch: z.number().int().min(1).optional(),
    hasCase: z.boolean().optional(),
    /** Full-text search: words (any accents), "phrases" and prefix* . */
    search: z.string().max(500).optional(),
    /** Messages by these authors (a chart's top influencers). */
    authors: z.array(z.number().int().min(1)).max(100).optional(),
    /**
     * Messages by authors whose labeled messages in the rest of the filter make them happy, unhappy, … (KPI "users").
     */
    userFlow: z.enum(USER_FLOWS).optional(),
    /**
     * Messages about an entity by its evangelists or detractors (≥ 2 labeled, all ≥ +1 / all ≤ −1), within the rest of
     * the filter.
     */
    advocates: z
      .object({ entity: z.number().int().min(1), group: z.enum(['evangelists', 'detractors']) })
      .strict()
      .optional(),
    /** Messages by authors of one age band, sex or region. */
    demographic: z
      .object({ dimension: z.enum(['ageBand', 'sex', 'region']), value: z.string().min(1).max(100) })
      .strict()
      .optional(),
    /** Messages of the cases opened in these days (the care KPIs), of a type and in a state. */
    cases: z
      .object({
        openedFrom: day,
        openedTo: day,
        type: z.string().min(1).max(100).optional(),
        state: z.enum(['requested', 'attended', 'resolved', 'waiting']).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type MessageFilter = z.infer<typeof messageFilterSchema>;

export const SORT_COLUMNS = ['postedAt', 'source', 'author', 'temperature', 'kind', 'annotator', 'labeledAt'] as const;
export const messageSortSchema = z
  .object({ column: z.enum(SORT_COLUMNS), direction: z.enum(['asc', 'desc']) })
  .strict();
export type MessageSort = z.infer<typeof messageSortSchema>;
