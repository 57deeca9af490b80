import Database from 'better-sqlite3';
import { createPlanner, type NewMessage, type RowBatch } from '../../../db/load/planner';
import { openSnapshot } from '../../../db/load/snapshot';
import { compileRowMapper, type CellError } from '../../../shared/domain/import/mapping';
import { isImplausibleTime } from '../../../shared/domain/import/dates';
import type { Cell } from '../../../shared/domain/import/values';
import type { Rule } from '../../../shared/domain/matching';
import type { Plan } from './plan';
import { openReader, readerOptions } from './readers';

/** What the reading thread needs to know of a file and of the writer's transaction (plain data: it crosses threads). */
export interface PrepareInput {
  path: string;
  part?: string | undefined;
  password?: string | undefined;
  headerRow?: number | undefined;
  plan: Plan;
  timeZone: string;
  rules: { entities: Rule<number>[]; topics: Rule<number>[] };
  workspacePath: string;
  nativeBinding?: string | undefined;
  batchId: number;
  /** When the file's labels count as made, and by whom when the file does not say. */
  labeledAt: number;
  annotator: string;
  entityRole: string;
}

/** A row that cannot be read: its errors, and its cells for the rejects file. */
export interface RejectedRecord {
  row: number;
  errors: CellError[];
  values: Cell[];
}

/**
 * Rows a batch at most: its messages' list (19 values a row) then stays under V8's 128 KB for an object of the young
 * generation. A larger one is made in the old generation, where every value put in it is remembered for the next
 * collection: in both threads, a chunk's batch of 4,800 rows cost seconds of a million-row import (figures:
 * tests/bench/MEASUREMENTS.md).
 */
export const BATCH_ROWS = 800;

export interface PreparedBatch {
  rows: RowBatch;
  rejected: RejectedRecord[];
  /** Records read, and how many were new or already stored. */
  read: number;
  added: number;
  duplicate: number;
  /** Rows whose time is before 1990 or more than a day ahead (kept, but said). */
  implausible: number;
  progress: { done: number; total: number };
}

/**
 * Reads the file and does its rows' work that needs no writing: mapping and checking cells,
 * then the planner's dedupe, ids, matches and rows (db/queries/ingest.ts). Runs in a
 * thread of its own beside the writer (prepare-worker.ts), reading the store through a
 * connection of its own, opened while the writer holds the write lock. What next() is given says
 * whether the batch it gives is matched with the rules here (unless false) or left to the writer
 * (the first batch, which no call's value reaches, is matched here).
 */
export async function* prepareBatches(input: PrepareInput): AsyncGenerator<PreparedBatch, void, boolean | undefined> {
  const reader = await openReader(input.path, readerOptions(input));
  const sqlite = new Database(input.workspacePath, {
    readonly: true,
    fileMustExist: true,
    ...(input.nativeBinding ? { nativeBinding: input.nativeBinding } : {}),
  });
  try {
    // One read transaction for the whole file: every batch sees the store as the writer found it.
    sqlite.exec('BEGIN');
    const planner = createPlanner(openSnapshot(sqlite), {
      batchId: input.batchId,
      annotator: input.annotator,
      labeledAt: input.labeledAt,
      rules: input.rules,
      entityRole: input.entityRole,
    });
    const mapRow = compileRowMapper(
      input.plan.index,
      input.plan.mapping,
      input.timeZone,
      reader.format === 'csv' ? reader.headers.length : null,
    );
    let matchRules = true;
    const now = Date.now();
    for await (const chunk of reader.batches())
      for (let from = 0; from < chunk.length; from += BATCH_ROWS) {
        const records = chunk.slice(from, from + BATCH_ROWS);
        const rejected: RejectedRecord[] = [];
        const messages: NewMessage[] = [];
        const sources: Cell[][] = [];
        const rowNumbers: number[] = [];
        for (const record of records) {
          const { row, errors } = mapRow(record.values);
          if (errors.length > 0) rejected.push({ row: record.row, errors, values: record.values });
          else {
            messages.push(row);
            sources.push(record.values);
            rowNumbers.push(record.row);
          }
        }
        const { rows, ids, conflicts } = planner.plan(messages, { matchRules });
        for (const i of conflicts)
          rejected.push({
            row: rowNumbers[i] as number,
            values: sources[i] as Cell[],
            errors: [
              {
                field: 'externalId',
                column: input.plan.mapping.columns.externalId as string,
                problem: { code: 'id-conflict', value: messages[i]?.externalId ?? '' },
              },
            ],
          });
        // Counted among the rows the import brings, not those already stored.
        const implausible = messages.filter(
          (message, i) => ids[i] != null && isImplausibleTime(message.postedAt, now),
        ).length;
        const added = ids.filter((id) => id !== null).length;
        // A conflict is neither new nor a duplicate: it is among the rejected.
        matchRules =
          (yield {
            rows,
            rejected,
            read: records.length,
            added,
            duplicate: ids.length - added - conflicts.length,
            implausible,
            progress: reader.progress(),
          }) ?? true;
      }
  } finally {
    sqlite.close();
  }
}
