import type Database from 'better-sqlite3';
import type { LabelSuggestionRow } from '../../shared/api/contract';
import { suggestLabels, trainLabelModel, type LabelExample, type LabelModel } from '../../shared/domain/label-model';
import { currentLabels } from './labels';

/** The latest labeled messages, newest label first: what the suggestions learn from (messages_labeled's order). */
export function labelExamples(sqlite: Database.Database, limit: number): LabelExample[] {
  return sqlite
    .prepare(
      `SELECT text, temperature, kind FROM messages
       WHERE labeled_at IS NOT NULL AND (temperature IS NOT NULL OR kind IS NOT NULL)
       ORDER BY labeled_at DESC LIMIT ?`,
    )
    .all(limit) as LabelExample[];
}

/**
 * Changes whenever anything is written: on this connection (total_changes) or by another one, an import's thread
 * (data_version).
 */
export function writesSeen(sqlite: Database.Database): string {
  const changes = sqlite.prepare('SELECT total_changes()').pluck().get() as number;
  return `${changes}:${String(sqlite.pragma('data_version', { simple: true }))}`;
}

/** The newest labels learnt from: enough for a workspace's vocabulary; 0.1-0.3 s to read and learn at a million. */
const EXAMPLES = 10_000;
/**
 * A model outlives the labels it learnt from by this long at most: retraining after every key pressed would be most of
 * the work, and a suggestion a few labels behind is as good.
 */
const RETRAIN_AFTER_MS = 20_000;

const trained = new WeakMap<Database.Database, { model: LabelModel; writes: string; at: number }>();

/** The workspace's model, per connection: learnt again once anything was written and it is RETRAIN_AFTER_MS old. */
export function labelModel(sqlite: Database.Database, now = Date.now()): LabelModel {
  const writes = writesSeen(sqlite);
  const last = trained.get(sqlite);
  if (last && (last.writes === writes || now - last.at < RETRAIN_AFTER_MS)) return last.model;
  const model = trainLabelModel(labelExamples(sqlite, EXAMPLES));
  trained.set(sqlite, { model, writes, at: now });
  return model;
}

/** What the model suggests for the labels messages lack; messages with nothing suggested are left out. */
export function suggestionsFor(sqlite: Database.Database, ids: readonly number[]): LabelSuggestionRow[] {
  const model = labelModel(sqlite);
  if (!model.temperature && !model.kind) return [];
  return currentLabels(sqlite, ids, true).flatMap(({ id, text, temperature, kind }) => {
    const suggested = suggestLabels(model, text);
    const row: LabelSuggestionRow = {
      id,
      temperature: temperature === null ? suggested.temperature : null,
      kind: kind === null ? suggested.kind : null,
    };
    return row.temperature || row.kind ? [row] : [];
  });
}
