import type Database from 'better-sqlite3';
import { loadRules, startRematch } from '../../db/queries/entities';
import { addMatches, type RowValue } from '../../db/queries/ingest';
import { createRowWriter } from '../../db/queries/ingest-write';
import { compileRules } from '../../shared/domain/matching';
import { suspendRollups } from '../../db/queries/rollups';
import { checkCancelled, type JobContext } from './jobs';
import { inTransaction } from './transaction';

const CHUNK = 5000;

/**
 * Changes rules and matches every message again, in one transaction: a cancel leaves the old
 * rules and matches. Matches that came from a file's entity or topic column are kept as they are.
 */
export async function changeRulesAndRematch(sqlite: Database.Database, change: () => void, context: JobContext): Promise<{ messages: number }> {
  return inTransaction(sqlite, async () => {
    change();
    // Every match is dropped and made again: the roll-ups count them once at the end instead.
    const recount = suspendRollups(sqlite);
    const rematch = startRematch(sqlite);
    const match = compileRules(loadRules(sqlite));
    const write = createRowWriter(sqlite, null);
    let done = 0;
    for (let afterId = 0; ;) {
      const messages = rematch.next(afterId, CHUNK);
      if (messages.length === 0) break;
      const entityMatches: RowValue[] = [];
      const topicMatches: RowValue[] = [];
      for (const { id, text } of messages) {
        const found = match(text);
        addMatches(entityMatches, id, found.entities, null);
        addMatches(topicMatches, id, found.topics, null);
      }
      write({ entityMatches, topicMatches });
      afterId = (messages[messages.length - 1] as { id: number }).id;
      done += messages.length;
      context.progress({ done, total: rematch.total });
      await new Promise((resolve) => setImmediate(resolve));
      checkCancelled(context.signal);
    }
    recount();
    return { messages: done };
  });
}
