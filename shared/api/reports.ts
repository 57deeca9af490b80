import { z } from 'zod';
import { daySchema } from './day';
import { LANGUAGES } from '../domain/vocabulary';

/** The deck's sections after its cover, in their order; the cover (the executive summary) is always there. */
export const DECK_SECTIONS = [
  'volume',
  'voice',
  'care',
  'customers',
  'leads',
  'community',
  'demographics',
  'definitions',
] as const;
export type DeckSectionKey = (typeof DECK_SECTIONS)[number];
export const DECK_FORMATS = ['xlsx', 'pptx'] as const;
export type DeckFormat = (typeof DECK_FORMATS)[number];

/** A quarter as people write it: 2026Q3 (also 2026-Q3, q3 2026). */
const QUARTER = /^\s*(?:(\d{4})\s*-?\s*[qQ]([1-4])|[qQ]([1-4])\s*-?\s*(\d{4}))\s*$/;

/** A quarter's first and last day, or null when `text` is not a quarter (2026Q5). */
export function quarterDays(text: string): { from: string; to: string } | null {
  const match = QUARTER.exec(text);
  if (!match) return null;
  const year = Number(match[1] ?? match[4]);
  const quarter = Number(match[2] ?? match[3]);
  const first = (quarter - 1) * 3;
  const last = new Date(Date.UTC(year, first + 3, 0)).getUTCDate();
  const month = (m: number): string => String(m + 1).padStart(2, '0');
  return { from: `${year}-${month(first)}-01`, to: `${year}-${month(first + 2)}-${last}` };
}

export const reportRequestSchema = z
  .object({
    from: daySchema,
    to: daySchema,
    /** Where to write, as the file dialog's token in the app or a path from the CLI; its extension gives the format. */
    path: z.string().min(1),
    format: z.enum(DECK_FORMATS),
    language: z.enum(LANGUAGES).optional(),
    /** The sections after the cover; all by default (leads and ROI only where there are leads, deals or costs). */
    sections: z.array(z.enum(DECK_SECTIONS)).min(1).optional(),
  })
  .strict()
  .refine((r) => r.from <= r.to, { message: 'from must not be after to', path: ['to'] });
export type ReportRequest = z.infer<typeof reportRequestSchema>;

export interface ReportResult {
  id: number;
  path: string;
  fileName: string;
  bytes: number;
  sheets: number;
  charts: number;
  seconds: number;
}

/** A deck written before, as the Reports screen lists it. */
export interface ReportRun {
  id: number;
  from: string;
  to: string;
  format: DeckFormat;
  language: string;
  sections: DeckSectionKey[];
  fileName: string;
  /** The folder it was written to, for the person who wrote it. */
  folder: string;
  createdAt: number;
  createdBy: string;
  /** False once the file has been moved or deleted. */
  exists: boolean;
}
