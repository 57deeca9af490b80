import type Database from 'better-sqlite3';
import { startRematch } from '../../db/queries/entities';
import { createIngest } from '../../db/queries/ingest';
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
    const recount = suspendRollups(sqlite, { matches: true });
    const rematch = startRematch(sqlite);
    const ingest = createIngest(sqlite, null);
    let done = 0;
    for (let afterId = 0; ;) {
      const messages = rematch.next(afterId, CHUNK);
      if (messages.length === 0) break;
      for (const { id, text } of messages) ingest.matchRules(id, text);
      afterId = (messages[messages.length - 1] as { id: number }).id;
      done += messages.length;
      context.progress(done, rematch.total);
      await new Promise((resolve) => setImmediate(resolve));
      checkCancelled(context.signal);
    }
    ingest.finish();
    recount();
    return { messages: done };
  });
}
