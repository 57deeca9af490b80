import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APPENDED_INDEXES, DEFERRABLE_TABLES } from '../../../../db/load/writer';
import type { JobEvent } from '../../../../shared/api/envelope';
import { fingerprint, tempFolder } from '../../../helpers/files';
import { testBackend } from '../../../helpers/workspace';

const schema = (path: string): string[] => {
  const db = new Database(path, { readonly: true });
  try {
    return db
      .prepare("SELECT type || ' ' || name || ' ' || coalesce(sql, '') AS s FROM sqlite_master ORDER BY name")
      .pluck()
      .all() as string[];
  } finally {
    db.close();
  }
};

/** How many indexes a large load builds at its end (those it does not keep up as it appends). */
function deferrableIndexes(path: string): number {
  const db = new Database(path, { readonly: true });
  try {
    const indexes = db
      .prepare("SELECT name, tbl_name AS tableName FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
      .all() as { name: string; tableName: string }[];
    return indexes.filter(
      (index) => DEFERRABLE_TABLES.includes(index.tableName) && !APPENDED_INDEXES.includes(index.name),
    ).length;
  } finally {
    db.close();
  }
}

/** A CSV large enough that the import builds the secondary indexes at the end instead of row by row. */
function bigCsv(rows: number, lastRow?: string): string {
  const lines = ['id,date,user,text,sentiment'];
  for (let i = 0; i < rows; i++) {
    lines.push(
      `${i},2026-0${1 + (i % 9)}-1${i % 10}T10:${String(i % 60).padStart(2, '0')}:00Z,user${i % 5000},"Mensaje número ${i} sobre la fibra de Lumen Móvil y la atención al cliente, que tarda demasiado en contestar",${['negative', 'neutral', 'positive', ''][i % 4]}`,
    );
  }
  if (lastRow) lines.push(lastRow);
  const path = join(tempFolder(), 'big.csv');
  writeFileSync(path, lines.join('\n'));
  return path;
}

describe('a large import (indexes built once at the end)', () => {
  it('leaves every index as it was, and the same rows as a row-by-row import would', async () => {
    const opened = testBackend();
    await opened.client.runJob('demo.create', { messages: 200 });
    const before = schema(opened.path);
    const path = bigCsv(60_000);
    const events: JobEvent[] = [];
    const done = await opened.client.runJob('import.start', { path }, (event) => events.push(event));
    expect(done).toMatchObject({ state: 'finished', result: { new: 60_000, rejected: 0 } });
    // The bar goes on after the last row: the roll-ups, then each index it built, never back to reading.
    const progress = events.filter((event) => event.state === 'progress');
    const firstIndexing = progress.findIndex((event) => event.stage === 'indexing');
    const indexing = progress.slice(firstIndexing);
    const deferred = deferrableIndexes(opened.path);
    expect(deferred).toBeGreaterThan(5);
    expect(firstIndexing).toBeGreaterThan(0);
    expect(
      indexing.every((event) => event.stage === 'indexing' && event.total === 1 + deferred && event.rows === 60_000),
    ).toBe(true);
    expect([indexing[0]?.done, indexing.at(-1)?.done]).toEqual([0, 1 + deferred]);
    expect(indexing.map((event) => event.done)).toEqual(
      indexing.map((event) => event.done).sort((a, b) => (a ?? 0) - (b ?? 0)),
    );
    expect(progress.slice(0, firstIndexing).at(-1)).toMatchObject({ rows: 60_000 });
    expect(schema(opened.path)).toEqual(before);
    const db = new Database(opened.path, { readonly: true });
    expect(db.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
    // The import's connection does not check references: its writer makes them all.
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    expect(
      db.prepare('SELECT count(*) FROM messages INDEXED BY messages_period WHERE posted_at > 0').pluck().get(),
    ).toBe(60_200);
    expect(
      db.prepare("SELECT count(*) FROM messages_fts WHERE messages_fts MATCH 'atencion'").pluck().get(),
    ).toBeGreaterThanOrEqual(60_000);
    db.close();
    const again = await opened.client.runJob('import.start', { path });
    expect(again).toMatchObject({ state: 'finished', result: { new: 0, duplicate: 60_000 } });
  });

  it('adds nothing twice without its unique indexes: rows already stored, or repeated in the file', async () => {
    const opened = testBackend();
    const path = bigCsv(60_000, '59999,2026-01-01T00:00:00Z,someone,"same id as an earlier row, other text",positive');
    const firstRows = join(tempFolder(), 'first.csv');
    writeFileSync(firstRows, readFileSync(path, 'utf8').split('\n').slice(0, 1001).join('\n'));
    expect(await opened.client.runJob('import.start', { path: firstRows })).toMatchObject({ result: { new: 1000 } });
    const done = await opened.client.runJob('import.start', { path });
    expect(done).toMatchObject({ state: 'finished', result: { new: 59_000, duplicate: 1001, rejected: 0 } });
    const db = new Database(opened.path, { readonly: true });
    expect(
      db
        .prepare('SELECT count(*), count(DISTINCT external_id), count(DISTINCT content_hash) FROM messages')
        .raw()
        .get(),
    ).toEqual([60_000, 60_000, 60_000]);
    expect(db.prepare("SELECT text FROM messages WHERE external_id = '59999'").pluck().get()).toContain(
      'Mensaje número 59999',
    );
    db.close();
  });

  it('a large import refused at its last row leaves the store, indexes included, exactly as it was', async () => {
    const opened = testBackend();
    await opened.client.runJob('demo.create', { messages: 200 });
    const before = { schema: schema(opened.path), rows: fingerprint(opened.path) };
    const failed = await opened.client.runJob('import.start', {
      path: bigCsv(60_000, '60000,not a date,user1,texto,positive'),
    });
    expect(failed).toMatchObject({ state: 'failed', message: expect.stringContaining('row 60002') });
    expect(schema(opened.path)).toEqual(before.schema);
    expect(fingerprint(opened.path)).toBe(before.rows);
  });

  it('cancelled while it builds its indexes, leaves the store, indexes included, exactly as it was', async () => {
    const opened = testBackend();
    await opened.client.runJob('demo.create', { messages: 200 });
    const before = { schema: schema(opened.path), rows: fingerprint(opened.path) };
    let cancelled = false;
    const last = await opened.client.runJob('import.start', { path: bigCsv(60_000) }, (event) => {
      if (event.stage !== 'indexing' || cancelled) return;
      cancelled = true;
      void opened.client.call('jobs.cancel', { jobId: event.jobId });
    });
    expect([cancelled, last.state]).toEqual([true, 'cancelled']);
    expect(schema(opened.path)).toEqual(before.schema);
    expect(fingerprint(opened.path)).toBe(before.rows);
    expect(await opened.client.call('import.batches', {})).toEqual([]);
  });
});
