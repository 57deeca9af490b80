import { z } from 'zod';
import { ENTITY_ROLES, KINDS, SOURCES } from '../vocabulary';
import { FIELD_NAMES, type Field } from './fields';

// Apart from mapping.ts, so an import's two threads, which map rows but take their mapping
// already checked, do not load zod, which slows each thread's start (figures: tests/bench/MEASUREMENTS.md).

/** Which column (by header) feeds each field, and how to read values the file cannot tell. */
export const mappingSchema = z
  .object({
    columns: z.partialRecord(z.enum(FIELD_NAMES as [Field, ...Field[]]), z.string().min(1)),
    dateOrder: z.enum(['dmy', 'mdy']).optional(),
    temperatureScale: z.enum(['signed', 'five']).optional(),
    /** The network when the file has no source column (a Twitter export, say). */
    source: z.enum(SOURCES).optional(),
    /** Role of entities first named by an entity column. */
    entityRole: z.enum(ENTITY_ROLES).optional(),
    /** Values for the whole file where it has no column (or an empty cell): the time of rows that have none. */
    defaults: z
      .object({ postedAt: z.string().trim().min(1).max(40).optional(), source: z.enum(SOURCES).optional() })
      .strict()
      .optional(),
    /** What a file's own values become, by the value as written (any case): "malo" → -2, "Reclamo" → complaint. */
    values: z
      .object({
        temperature: z.record(z.string(), z.number().int().min(-2).max(2).nullable()).optional(),
        kind: z.record(z.string(), z.enum(KINDS).nullable()).optional(),
        source: z.record(z.string(), z.enum(SOURCES)).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type Mapping = z.infer<typeof mappingSchema>;
