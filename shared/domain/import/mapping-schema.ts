import { z } from 'zod';
import { ENTITY_ROLES, SOURCES } from '../vocabulary';
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
  })
  .strict();
export type Mapping = z.infer<typeof mappingSchema>;
