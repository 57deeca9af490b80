import { z } from 'zod';
import type { Field } from '../domain/import/fields';
import type { DroppedGuess, Mapping, OpenQuestions } from '../domain/import/mapping';
import { mappingSchema } from '../domain/import/mapping-schema';
import type { CellProblem } from '../domain/import/problems';

/** The text encodings a CSV can be read in. */
export const TEXT_ENCODINGS = ['utf8', 'windows1252', 'utf16le', 'utf16be'] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];

/** The lowest row a header may be said to be on. */
export const MAX_HEADER_ROW = 100;

export const importFileSchema = z
  .object({
    path: z.string().min(1),
    /** Sheet (XLSX) or table (Access). */
    part: z.string().min(1).optional(),
    /** An Access database's password, when it has one. */
    password: z.string().min(1).max(200).optional(),
    /** The row the column names are on (as Excel numbers rows), where the guess is wrong: CSV and XLSX. */
    headerRow: z.number().int().min(0).max(MAX_HEADER_ROW).optional(),
    /** A CSV's text encoding, where the guess is wrong (the file mixes encodings, say). */
    encoding: z.enum(TEXT_ENCODINGS).optional(),
  })
  .strict();

export const importRequestSchema = importFileSchema
  .extend({
    preset: z.string().min(1).optional(),
    mapping: mappingSchema.optional(),
    dateOrder: z.enum(['dmy', 'mdy']).optional(),
    /** How to read temperatures a file cannot tell (only 1s and 2s): −2…+2 ('signed') or 1…5 ('five'). */
    temperatureScale: z.enum(['signed', 'five']).optional(),
    rejectsPath: z.string().min(1).optional(),
    /** For the whole file where it has no column: the network, and the time of rows without one. */
    defaults: mappingSchema.shape.defaults,
  })
  .strict();

/** The wizard's first look takes what the import will, but the rejects file. */
export const inspectSchema = importRequestSchema.omit({ rejectsPath: true });

export type ImportRequest = z.input<typeof importRequestSchema>;

export type PreviewValue = string | number | null;

export interface PreviewRow {
  row: number;
  /** Each mapped field as it will be stored (dates as UTC epoch ms). */
  values: Partial<Record<Field, PreviewValue>>;
  /** The cells that will not parse, by field (cellProblemText says why). */
  errors: Partial<Record<Field, CellProblem>>;
}

/** The fields whose values a file writes in its own words, and the wizard shows as found → stored. */
export const VALUE_FIELDS = ['temperature', 'kind', 'source'] as const;
export type ValueField = (typeof VALUE_FIELDS)[number];

/** One distinct value of a label column as the file writes it, how many rows have it, and what it becomes. */
export interface ValueFound {
  written: string;
  rows: number;
  /** What is stored: a temperature, a kind or a network; null for nothing (unlabeled). */
  becomes: string | number | null;
  /** Why the value cannot be read (its rows would be rejected). */
  error: CellProblem | null;
}

export interface ValueTable {
  field: ValueField;
  column: string;
  /** Most frequent first; at most MAX_VALUES_SHOWN. */
  values: ValueFound[];
  /** Distinct values beyond those shown. */
  more: number;
}

export interface ImportInspection {
  file: string;
  format: 'csv' | 'xlsx' | 'access' | 'jsonl' | 'archive';
  encoding: string | null;
  delimiter: string | null;
  parts: string[];
  part: string | null;
  /** The row the header was read from (CSV and XLSX); 0 when the file has none (columns A, B, C…). */
  headerRow: number | null;
  /** A row under the header describing the columns (analytics exports), skipped. */
  descriptionRow: number | null;
  headers: string[];
  mapping: Mapping;
  missing: Field[];
  open: OpenQuestions;
  preview: PreviewRow[];
  /** Preview rows whose time is before 1990 or more than a day ahead. */
  implausibleDates: number;
  /** The text's column when it is empty in most rows read (not a file of messages, or the wrong column); else null. */
  emptyText: { column: string; empty: number; count: number } | null;
  /** A CRM's deals export, its text column not named: the import refuses it as messages (file-deals-not-messages). */
  dealsExport: boolean;
  /** Columns guessed for a field and left out, their values not being that field's. */
  dropped: DroppedGuess[];
  /** Rows after the header: counted to the end when the file is read within the inspection's time, else estimated. */
  rows: { count: number; exact: boolean };
  /** Each mapped label column's values (from the rows counted), and what each becomes. */
  valueTables: ValueTable[];
}

export interface ImportSummary {
  batch: number;
  new: number;
  duplicate: number;
  rejected: number;
  rows: number;
  file: string;
  rejectsPath: string | null;
  seconds: number;
  /** Earlier batches that imported exactly the same file (by its SHA-256): a file brought in twice, said. */
  sameFileAs: number[];
  /** Columns guessed for a field and left out, their values not being that field's. */
  dropped: DroppedGuess[];
  /** Rows imported with a time before 1990 or more than a day ahead: kept as the file says, but likely mistyped. */
  implausibleDates: number;
  /** Where the column names were (0: the file has none) and the row describing them that was skipped. */
  headerRow: number | null;
  descriptionRow: number | null;
}

export interface Batch {
  id: number;
  fileName: string;
  fileSize: number;
  sha256: string;
  preset: string | null;
  rowsNew: number;
  rowsDuplicate: number;
  rowsRejected: number;
  importedBy: string;
  importedAt: number;
  messages: number;
}

/** What undoing a batch removes, and what it keeps because another batch brought it too. */
export interface BatchUndoPreview {
  batch: number;
  messages: number;
  kept: number;
  /** Labels analysts gave its messages after the import: they go with the messages. */
  labelsSince: number;
  cases: number;
  /** CRM deals the batch brought (removed), and those it changed (put back as they were). */
  deals: number;
  dealsChanged: number;
}

export interface Preset {
  name: string;
  mapping: Mapping;
  builtin: boolean;
}
