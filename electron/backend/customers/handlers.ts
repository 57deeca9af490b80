import type Database from 'better-sqlite3';
import { extname } from 'node:path';
import { customerStory, erasePerson, personData } from '../../../db/queries/customers';
import {
  createIdea,
  ideaExists,
  linkIdeaMessages,
  listIdeas,
  mergeIdeas,
  setIdeaStatus,
  ungroupedSuggestions,
} from '../../../db/queries/ideas';
import { UNKNOWN_AUTHOR } from '../../../shared/domain/vocabulary';
import { notFound, NotFound, Refused } from '../runtime/context';
import { workspaceSettings } from '../runtime/defaults';
import { defineHandlers } from '../runtime/define-handlers';
import { checkOutputPath, openOutputFile } from '../runtime/output-file';

/** The author a call names (by id, or by network and handle), refused for the authorless placeholder. */
function authorOf(
  sqlite: Database.Database,
  input: { author?: number | undefined; account?: { source: string; handle: string } | undefined },
): number {
  const found = (
    input.account
      ? sqlite
          .prepare(
            `SELECT a.id, a.handle FROM authors a JOIN sources s ON s.id = a.source_id
             WHERE s.code = ? AND (a.handle = ? OR a.handle = ? OR a.handle = ?)`,
          )
          .get(
            input.account.source,
            input.account.handle,
            input.account.handle.replace(/^@/, ''),
            `@${input.account.handle.replace(/^@/, '')}`,
          )
      : sqlite.prepare('SELECT id, handle FROM authors WHERE id = ?').get(input.author)
  ) as { id: number; handle: string } | undefined;
  if (!found)
    throw input.account
      ? new NotFound({ refusal: 'account-not-found', handle: input.account.handle, source: input.account.source })
      : notFound('author', String(input.author));
  if (found.handle === UNKNOWN_AUTHOR) throw new Refused({ refusal: 'person-no-author' });
  return found.id;
}

const mustBeIdea = (sqlite: Database.Database, id: number): void => {
  if (!ideaExists(sqlite, id)) throw notFound('idea', id);
};

export const customerHandlers = defineHandlers({
  'customers.story': (input, { store }) => {
    const author = authorOf(store.sqlite, input);
    const story = customerStory(store.sqlite, author);
    if (!story) throw notFound('author', author);
    return story;
  },
  'customers.export': async ({ path: out, ...person }, { store }) => {
    if (extname(out).toLowerCase() !== '.json')
      throw new Refused({ refusal: 'output-extension', file: out, extension: '.json' });
    checkOutputPath(out, 'person', { workspace: store.path });
    const author = authorOf(store.sqlite, person);
    const rows = personData(store.sqlite, author);
    const data = { exportedAt: new Date().toISOString(), ...rows };
    const file = openOutputFile(out);
    try {
      file.stream.write(`${JSON.stringify(data, null, 2)}\n`);
      await file.commit();
    } catch (error) {
      await file.abort();
      throw error;
    }
    return { file: out, messages: rows.messages?.length ?? 0 };
  },
  'customers.erase': (input, context) =>
    context.writes.write((now) => {
      const sqlite = context.store.sqlite;
      return erasePerson(sqlite, authorOf(sqlite, input), now, workspaceSettings(context.store).annotator);
    }),
  'ideas.list': (_input, { store }) => ({
    ideas: listIdeas(store.sqlite),
    inbox: ungroupedSuggestions(store.sqlite, 200),
  }),
  'ideas.create': ({ title, messageIds }, context) =>
    context.writes.write((now) => ({
      idea: context.store.sqlite.transaction(() => createIdea(context.store.sqlite, title, messageIds, now))(),
    })),
  'ideas.link': ({ idea, messageIds }, context) =>
    context.writes.write(() => {
      mustBeIdea(context.store.sqlite, idea);
      return { idea, added: linkIdeaMessages(context.store.sqlite, idea, messageIds) };
    }),
  'ideas.merge': ({ into, from }, context) =>
    context.writes.write((now) => {
      const sqlite = context.store.sqlite;
      for (const id of [into, ...from]) mustBeIdea(sqlite, id);
      sqlite.transaction(() => mergeIdeas(sqlite, into, from, now))();
      return { idea: into };
    }),
  'ideas.status': ({ idea, status }, context) =>
    context.writes.write((now) => {
      mustBeIdea(context.store.sqlite, idea);
      setIdeaStatus(context.store.sqlite, idea, status, now);
      return { idea, status };
    }),
});
