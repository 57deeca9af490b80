import type Database from 'better-sqlite3';
import { resolveMessages } from '../../../db/queries/leads';
import { NotFound } from './context';

/** The messages a call names (by id in the store, or by id in their file), refused naming those the workspace lacks. */
export function namedMessages(
  sqlite: Database.Database,
  input: { messageIds?: number[] | undefined; externalIds?: string[] | undefined },
): number[] {
  const { found, missing } = resolveMessages(sqlite, input.messageIds ?? [], input.externalIds ?? []);
  if (missing.length > 0) throw new NotFound({ refusal: 'messages-not-found', ids: missing.join(', ') });
  return found;
}
