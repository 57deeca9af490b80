import { contentHash } from '../../../db/queries/ingest';
import { mapRow, type CellError, type MappedRow } from '../../../shared/domain/import/mapping';
import type { Cell } from '../../../shared/domain/import/values';
import { compileRules, type Rule } from '../../../shared/domain/matching';
import type { Plan } from './plan';
import { openReader } from './readers';

/** What the writer needs to know of a file to prepare its rows (plain data: it crosses threads). */
export interface PrepareInput {
  path: string;
  part?: string | undefined;
  password?: string | undefined;
  plan: Plan;
  timeZone: string;
  rules: { entities: Rule<number>[]; topics: Rule<number>[] };
}

/** A row ready to write (its dedupe key and rule matches computed), or its errors and cells for the rejects file. */
export type PreparedRecord =
  | { row: number; mapped: MappedRow; hash: string; entities: number[]; topics: number[] }
  | { row: number; errors: CellError[]; values: Cell[] };

export interface PreparedBatch { records: PreparedRecord[]; progress: { done: number; total: number } }

/**
 * Reads the file and does all of a row's work that needs no store: mapping and checking its
 * cells, its dedupe key, its entity and topic matches. Runs in a thread of its own beside the
 * writer (prepare-worker.ts), so reading and writing overlap.
 */
export async function* prepareBatches(input: PrepareInput): AsyncGenerator<PreparedBatch> {
  const reader = await openReader(input.path, { part: input.part, password: input.password });
  const match = compileRules(input.rules);
  for await (const batch of reader.batches()) {
    const records = batch.map((record): PreparedRecord => {
      const { row: mapped, errors } = mapRow(record.values, input.plan.index, input.plan.mapping, input.timeZone);
      if (errors.length > 0) return { row: record.row, errors, values: record.values };
      const { entities, topics } = match(mapped.text);
      return {
        row: record.row, mapped,
        hash: contentHash(mapped.source, mapped.externalId ?? null, mapped.author.handle, mapped.postedAt, mapped.text),
        entities: [...entities], topics: [...topics],
      };
    });
    yield { records, progress: reader.progress() };
  }
}
