import type { RematchResult } from '../../../shared/api/contract';
import type Database from 'better-sqlite3';
import {
  deleteTracked,
  loadRules,
  saveEntity,
  saveTopic,
  startRematch,
  type EntityInput,
  type TopicInput,
  type TrackedKind,
} from '../../../db/queries/entities';
import { addMessageMatches, type RowBatch } from '../../../db/load/planner';
import { createRowWriter } from '../../../db/load/writer';
import { markApplied } from '../../../db/queries/applied-writes';
import { suspendRollups } from '../../../db/queries/rollups';
import { compileRules } from '../../../shared/domain/matching';
import type { JobProgress } from '../runtime/jobs';

const CHUNK = 5000;
const UNNAMED = { entity: null, topic: null };

/**
 * A saved entity's or topic's rules: what the rematch changes before it matches again; or one to delete, with its
 * matches (nothing is matched again).
 */
export type RuleChange =
  { entity: EntityInput } | { topic: TopicInput } | { remove: { kind: TrackedKind; id: number } };

/**
 * Changes rules and matches every message again, in one transaction (in its own thread: a cancel
 * ends the thread and leaves the old rules and matches). Matches that came from a file's entity
 * or topic column are kept as they are. `appliedWrite` is the waiting write this carries out.
 */
export function changeRulesAndRematch(
  sqlite: Database.Database,
  change: RuleChange,
  progress: (progress: JobProgress) => void,
  appliedWrite: string | null,
): RematchResult {
  return sqlite
    .transaction(() => {
      if ('remove' in change) {
        const recount = suspendRollups(sqlite);
        const matches = deleteTracked(sqlite, change.remove.kind, change.remove.id);
        recount();
        if (appliedWrite) markApplied(sqlite, appliedWrite);
        return { messages: matches, id: change.remove.id };
      }
      const id = 'entity' in change ? saveEntity(sqlite, change.entity) : saveTopic(sqlite, change.topic);
      // Every match is dropped and made again: the roll-ups count them once at the end instead.
      const recount = suspendRollups(sqlite);
      const rematch = startRematch(sqlite);
      const match = compileRules(loadRules(sqlite));
      const write = createRowWriter(sqlite, null);
      let done = 0;
      for (let afterId = 0; ;) {
        const messages = rematch.next(afterId, CHUNK);
        if (messages.length === 0) break;
        const matched: Pick<RowBatch, 'entityMatches' | 'topicMatches'> = { entityMatches: [], topicMatches: [] };
        for (const { id, text } of messages) addMessageMatches(matched, id, match(text), UNNAMED);
        write(matched);
        afterId = (messages[messages.length - 1] as { id: number }).id;
        done += messages.length;
        progress({ done, total: rematch.total });
      }
      recount();
      if (appliedWrite) markApplied(sqlite, appliedWrite);
      return { messages: done, id };
    })
    .immediate();
}
