import { z } from 'zod';
import { SOURCES, type Source } from '../domain/vocabulary';
import { daySchema } from './day';

const count = z.number().int().min(0).max(1e10);

/**
 * A channel's community on a date (DESIGN: community snapshot): its followers, members and active members as the
 * network's own page said them that day. One per network, channel and date: recording it again replaces the
 * figures given and keeps the others.
 */
export const snapshotSchema = z
  .object({
    source: z.enum(SOURCES),
    /** The account or page, as the analyst names it (@LumenMovil, the Facebook page). */
    channel: z.string().trim().min(1).max(100),
    date: daySchema,
    followers: count.nullable().optional(),
    members: count.nullable().optional(),
    activeMembers: count.nullable().optional(),
  })
  .strict()
  .refine((s) => s.followers != null || s.members != null || s.activeMembers != null, {
    message: 'give followers, members or active members',
    path: ['followers'],
  });

export interface Snapshot {
  id: number;
  source: Source;
  channel: string;
  date: string;
  followers: number | null;
  members: number | null;
  activeMembers: number | null;
}

export const snapshotListSchema = z.object({ from: daySchema.optional(), to: daySchema.optional() }).strict();
