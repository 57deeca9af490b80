import { z } from 'zod';
import { KINDS } from '../domain/vocabulary';
import { messageFilterSchema } from './messages';

export const GRID_COLUMNS = [
  'postedAt',
  'source',
  'author',
  'text',
  'entities',
  'topics',
  'temperature',
  'kind',
  'case',
  'annotator',
  'labeledAt',
] as const;
export type GridColumn = (typeof GRID_COLUMNS)[number];

const key = z
  .string()
  .length(1)
  .refine((k) => k !== '0' && k !== '?', { message: '0 and ? are taken' });

export const gridPrefsSchema = z
  .object({
    /** The columns in their order, each with its width in px and whether it is hidden. */
    columns: z
      .array(
        z.object({ id: z.enum(GRID_COLUMNS), width: z.number().int().min(40).max(2000), hidden: z.boolean() }).strict(),
      )
      .length(GRID_COLUMNS.length)
      .refine((columns) => new Set(columns.map((c) => c.id)).size === columns.length, { message: 'each column once' }),
    /** Text wraps onto three lines instead of one. */
    wrap: z.boolean(),
    /** After a label the cursor jumps to the next unlabeled row instead of the next row. */
    nextUnlabeled: z.boolean(),
    /** Keys for the temperatures −2..+2 and for each kind; every key different. */
    keys: z
      .object({
        temperature: z.array(key).length(5),
        kinds: z
          .object(Object.fromEntries(KINDS.map((k) => [k, key])) as Record<(typeof KINDS)[number], typeof key>)
          .strict(),
      })
      .refine(
        (keys) => {
          const all = [...keys.temperature, ...Object.values(keys.kinds)].map((k) => k.toLowerCase());
          return new Set(all).size === all.length;
        },
        { message: 'each key may do one thing only' },
      ),
    /** Filters saved under a name. */
    views: z.array(z.object({ name: z.string().trim().min(1).max(80), filter: messageFilterSchema }).strict()).max(50),
  })
  .strict();
export type GridPrefs = z.infer<typeof gridPrefsSchema>;

const WIDTHS: Record<GridColumn, number> = {
  postedAt: 125,
  source: 95,
  author: 140,
  text: 360,
  entities: 120,
  topics: 120,
  temperature: 145,
  kind: 110,
  case: 60,
  annotator: 100,
  labeledAt: 125,
};

export const DEFAULT_GRID_PREFS: GridPrefs = {
  columns: GRID_COLUMNS.map((id) => ({ id, width: WIDTHS[id], hidden: false })),
  wrap: false,
  nextUnlabeled: false,
  keys: {
    temperature: ['1', '2', '3', '4', '5'],
    kinds: { case: 'c', complaint: 'q', suggestion: 's', opinion: 'o', chat: 'h', spam: 'x', irrelevant: 'i' },
  },
  views: [],
};
