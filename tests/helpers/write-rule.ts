import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import type { Client } from '../../shared/api/client';
import { isPending, type JobEvent } from '../../shared/api/envelope';

/** The writing jobs the write rule covers, and how each can end. */
export type JobKind = 'import' | 'rematch' | 'demo';
export type Ending = 'finish' | 'fail' | 'cancel' | 'kill';

export const TEXT = 'la fibra de Lumen Móvil y la atención al cliente, que tarda demasiado en contestar';

/**
 * A CSV of `rows` messages (ids from `first`); `badLast` ends it with a row whose date cannot be read (the import fails
 * at its end).
 */
export function writeCsv(path: string, rows: number, first = 0, badLast = false): string {
  const lines = ['id,date,user,text'];
  for (let i = first; i < first + rows; i++)
    lines.push(
      `${i},2026-0${1 + (i % 9)}-1${i % 10}T10:${String(i % 60).padStart(2, '0')}:00Z,user${i % 3000},"Mensaje ${i}: ${TEXT}"`,
    );
  if (badLast) lines.push(`${first + rows},not a date,someone,"${TEXT}"`);
  writeFileSync(path, lines.join('\n'));
  return path;
}

/** Starts the job and resolves with its id once it is writing (its first progress: it holds the write lock). */
export async function startJob(
  client: Client,
  kind: JobKind,
  file: string,
): Promise<{ jobId: string; ended: Promise<JobEvent> }> {
  let resolveWriting: (jobId: string) => void = () => undefined;
  const writing = new Promise<string>((resolve) => (resolveWriting = resolve));
  const onEvent = (event: JobEvent): void => {
    if (event.state === 'progress' && event.stage !== 'waiting') resolveWriting(event.jobId);
  };
  const ended =
    kind === 'import'
      ? client.runJob('import.start', { path: file }, onEvent)
      : kind === 'rematch'
        ? client.runJob('entities.save', { name: 'Lumen', role: 'own', aliases: ['Lumen'] }, onEvent)
        : client.runJob('demo.create', { messages: 40_000 }, onEvent);
  const jobId = await Promise.race([
    writing,
    ended.then((event) =>
      Promise.reject(new Error(`the ${kind} ended (${event.state}: ${event.message ?? ''}) before it wrote`)),
    ),
  ]);
  return { jobId, ended };
}

export interface Sent {
  /** Each call and how long it took to answer, in ms. */
  timings: { call: string; ms: number }[];
  /** Whether each write answered pending (kept for later). */
  pending: Record<string, boolean>;
  /** The rule save's job (a rematch that waits its turn). */
  ruleJob: string;
}

/** The writes an analyst makes while the job runs: labels, an undo, a rule save, a setting; and reads. */
export async function sendWrites(client: Client, withLabels: boolean): Promise<Sent> {
  const timings: Sent['timings'] = [];
  const pending: Sent['pending'] = {};
  const timed = async <T>(name: string, call: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await call();
    timings.push({ call: name, ms: performance.now() - started });
    return result;
  };
  if (withLabels) {
    pending['labels.set 1,2'] = isPending(
      await timed('labels.set', () => client.call('labels.set', { ids: [1, 2], temperature: 2 })),
    );
    pending['labels.set 3'] = isPending(
      await timed('labels.set', () => client.call('labels.set', { ids: [3], temperature: -2, kind: 'complaint' })),
    );
    pending['labels.undo'] = isPending(await timed('labels.undo', () => client.call('labels.undo', {})));
    const page = await timed('messages.page', () =>
      client.call('messages.page', { offset: 0, limit: 50, sort: { column: 'postedAt', direction: 'asc' } }),
    );
    pending['page shows 1 pending'] = page.rows.some(
      (row) => row.id === 1 && row.pending === true && row.temperature === 2,
    );
  }
  const rule = await timed('entities.save', () =>
    client.call('entities.save', { name: 'Atención', role: 'own', aliases: ['atención'] }),
  );
  pending['settings.update'] = isPending(
    await timed('settings.update', () => client.call('settings.update', { language: 'es' })),
  );
  pending['grid.prefs.save'] = isPending(
    await timed('grid.prefs.save', () => client.call('grid.prefs.save', { wrap: true })),
  );
  await timed('settings.get', () => client.call('settings.get', {}));
  // Counted in a read worker (its time is the CPU's, not the lock's): it answers, not timed.
  await client.call('messages.count', {});
  return { timings, pending, ruleJob: rule.jobId };
}

/** What the store holds of the writes sendWrites made, read as another program would. */
export function keptWrites(path: string) {
  const db = new Database(path, { readonly: true });
  try {
    const label = (id: number) =>
      db.prepare('SELECT temperature, kind FROM messages WHERE id = ?').get(id) as
        { temperature: number | null; kind: string | null } | undefined;
    const setting = (key: string) =>
      db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined;
    const entity = db.prepare("SELECT id FROM entities WHERE name = 'Atención'").pluck().get() as number | undefined;
    return {
      labels: [1, 2, 3].map(label),
      undoneActions: db.prepare("SELECT count(*) FROM label_actions WHERE state = 'undone'").pluck().get() as number,
      language: setting('language'),
      gridPrefs: setting('gridPrefs'),
      ruleMatches:
        entity === undefined
          ? null
          : (db.prepare('SELECT count(*) FROM message_entities WHERE entity_id = ?').pluck().get(entity) as number),
      messagesWithWord: db
        .prepare("SELECT count(*) FROM messages WHERE text LIKE '%atención%'")
        .pluck()
        .get() as number,
      messages: db.prepare('SELECT count(*) FROM messages').pluck().get() as number,
    };
  } finally {
    db.close();
  }
}
