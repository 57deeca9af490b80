import Database from 'better-sqlite3';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { labelModel } from '../../../../../db/queries/label-model';
import type { LabelResult } from '../../../../../shared/api/contract';
import { testBackend } from '../../../../helpers/workspace';

/** US Airline Sentiment (../shared/datasets/airline, CC BY-NC-SA 4.0): its sentiment imported as temperatures. */
const TWEETS = resolve('../shared/datasets/airline/Tweets.csv');

async function airlineWorkspace() {
  const opened = testBackend();
  const done = await opened.client.runJob('import.start', { path: TWEETS, preset: 'airline-tweets' });
  expect(done).toMatchObject({ state: 'finished', result: { new: 14485 } });
  return opened;
}

describe("the grid's suggested labels (labels.suggestions, labels.acceptSuggestions)", () => {
  it('suggests what a message lacks from the labels of the others, and takes the suggestions as one undoable action', async () => {
    const { client, path } = await airlineWorkspace();
    const db = new Database(path, { readonly: true });
    const labeled = db.prepare('SELECT id, temperature FROM messages WHERE id % 50 = 0 ORDER BY id').all() as {
      id: number;
      temperature: number;
    }[];
    db.close();
    const ids = labeled.map((m) => m.id);
    // The analyst clears them: now the model learns from the others only, and is asked about these.
    await client.call('labels.set', { ids, temperature: null });
    const suggestions = await client.call('labels.suggestions', { ids });
    const given = suggestions.filter((s) => s.temperature !== null);
    expect(given.length).toBeGreaterThan(ids.length * 0.6);
    const right = given.filter((s) => s.temperature?.value === labeled.find((m) => m.id === s.id)?.temperature);
    expect(right.length / given.length).toBeGreaterThan(0.75);
    // Imported tweets have no kind, so none is suggested; labeled messages get nothing for what they have.
    expect(suggestions.every((s) => s.kind === null)).toBe(true);
    const others = (await client.call('messages.page', { offset: 0, limit: 50 })).rows
      .filter((row) => row.temperature !== null)
      .map((row) => row.id);
    expect(await client.call('labels.suggestions', { ids: others })).toEqual([]);

    const accepted = await client.call('labels.acceptSuggestions', { ids });
    expect(accepted).toMatchObject({ changed: given.map((s) => s.id) });
    const stored = (await client.call('labels.history', { messageId: given[0]!.id }))[0];
    expect(stored).toMatchObject({ temperature: given[0]!.temperature!.value });
    expect(await client.call('labels.suggestions', { ids })).toHaveLength(0);
    // One undo takes every accepted suggestion back.
    expect(await client.call('labels.undo', {})).toMatchObject({ action: (accepted as LabelResult).action });
    const back = await client.call('labels.suggestions', { ids });
    expect(back.map((s) => s.id)).toEqual(suggestions.map((s) => s.id));
  });

  it('learns again once labels changed (here by another connection), but not more often than every 20 seconds', async () => {
    const { client, path } = await airlineWorkspace();
    const sqlite = new Database(path, { readonly: true });
    const first = labelModel(sqlite, 1_000_000);
    expect(labelModel(sqlite, 1_000_001)).toBe(first);
    const page = await client.call('messages.page', { offset: 0, limit: 10 });
    await client.call('labels.set', { ids: page.rows.map((row) => row.id), kind: 'complaint' });
    expect(labelModel(sqlite, 1_005_000)).toBe(first);
    const again = labelModel(sqlite, 1_020_001);
    expect(again).not.toBe(first);
    expect(again.examples).toBe(first.examples);
    // Nothing written since: the same model, however long after.
    expect(labelModel(sqlite, 9_000_000)).toBe(again);
    sqlite.close();
  });
});
