import type Database from 'better-sqlite3';
import { applyLabels, currentLabels, type LabelChange } from '../../../db/queries/labels';
import type { LabelResult, LabelSuggestionRow } from '../../../shared/api/contract';

/**
 * Labels messages as suggested (the suggestions made in a read worker), as one undoable action: only in what each
 * still lacks, as a label given since the suggestion stands.
 */
export function acceptSuggestions(
  sqlite: Database.Database,
  suggestions: readonly LabelSuggestionRow[],
  annotator: string,
  at: number,
): LabelResult {
  const byId = new Map(suggestions.map((suggestion) => [suggestion.id, suggestion]));
  const changes = new Map<number, LabelChange>();
  for (const current of currentLabels(sqlite, [...byId.keys()])) {
    const { temperature, kind } = byId.get(current.id) as LabelSuggestionRow;
    const change: LabelChange = {
      ...(temperature && current.temperature === null ? { temperature: temperature.value } : {}),
      ...(kind && current.kind === null ? { kind: kind.value } : {}),
    };
    if (change.temperature !== undefined || change.kind !== undefined) changes.set(current.id, change);
  }
  if (changes.size === 0) return { action: null, changed: [] };
  return applyLabels(sqlite, [...changes.keys()], changes, annotator, at);
}
