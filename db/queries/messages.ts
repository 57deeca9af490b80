import { count, desc, eq } from 'drizzle-orm';
import { authors, messages, sources } from '../schema';
import type { Db } from '../open';
import type { MessagePage, MessageRow } from '../../shared/api/contract';

/** One page of messages, newest first (optionally of one import batch); the (posted_at, id) index serves the order. */
export function pageMessages(db: Db, offset: number, limit: number, batch?: number): MessagePage {
  const where = batch === undefined ? undefined : eq(messages.batchId, batch);
  const total = db.select({ n: count() }).from(messages).where(where).get()?.n ?? 0;
  const rows = db
    .select({
      id: messages.id,
      postedAt: messages.postedAt,
      source: sources.code,
      authorHandle: authors.handle,
      authorName: authors.name,
      followers: authors.followers,
      text: messages.text,
      temperature: messages.temperature,
      kind: messages.kind,
      annotator: messages.annotator,
      labeledAt: messages.labeledAt,
    })
    .from(messages)
    .innerJoin(authors, eq(authors.id, messages.authorId))
    .innerJoin(sources, eq(sources.id, messages.sourceId))
    .where(where)
    .orderBy(desc(messages.postedAt), desc(messages.id))
    .limit(limit)
    .offset(offset)
    .all() as MessageRow[];
  return { total, offset, rows };
}
