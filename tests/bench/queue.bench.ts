import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { QueueFilter } from '../../shared/api/cases';
import { isPending } from '../../shared/api/envelope';
import { demoWorkspace, openWorkspace } from './demo-workspace';
import type { BenchResult } from './run';

const MESSAGES = Number(process.env.BENCH_QUEUE_MESSAGES ?? 1_000_000);
const CASES = Number(process.env.BENCH_QUEUE_CASES ?? 100_000);
const TYPES = ['billing', 'technical', 'coverage', 'contract'];
const TEAMS = ['Facturación', 'Soporte técnico', 'Red', 'Ventas'];
const AGENTS = ['ana', 'marc', 'rosa', 'pablo', 'inés'];
const STATUSES = ['new', 'attended', 'waiting', 'resolved', 'closed'];

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] as number;
};

async function timed(run: () => unknown): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

/** Cases added to the demo's up to CASES, most of them open, a tenth with a second customer message. */
function seedCases(db: Database.Database): void {
  db.transaction(() => {
    const have = db.prepare('SELECT count(*) FROM cases').pluck().get() as number;
    const free = db
      .prepare('SELECT id, posted_at FROM messages WHERE id NOT IN (SELECT message_id FROM case_messages) ORDER BY id')
      .raw()
      .all() as [number, number][];
    const step = Math.max(1, Math.floor(free.length / (CASES - have)));
    const insert = db.prepare(
      `INSERT INTO cases (type, department, assignee, priority, status, opened_at, first_response_at, resolved_at,
         message_id, waiting_since) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const link = db.prepare('INSERT INTO case_messages (case_id, message_id) VALUES (?, ?)');
    const reply = db.prepare("INSERT INTO case_replies (case_id, at, agent, text) VALUES (?, ?, ?, 'ok')");
    for (let i = 0, made = have; made < CASES && i * step < free.length; i++, made++) {
      const [message, postedAt] = free[i * step] as [number, number];
      const status = STATUSES[i % 7 < 4 ? i % 3 : 3 + (i % 2)] as string;
      const answered = status !== 'new';
      const openedAt = postedAt + 600_000;
      const firstResponse = answered ? openedAt + ((i * 37) % 300) * 60_000 : null;
      const id = Number(
        insert.run(
          TYPES[i % TYPES.length],
          TEAMS[i % TEAMS.length],
          AGENTS[i % AGENTS.length],
          i % 11 === 0 ? 'urgent' : 'normal',
          status,
          openedAt,
          firstResponse,
          status === 'resolved' || status === 'closed' ? (firstResponse as number) + 86_400_000 : null,
          message,
          answered ? null : postedAt,
        ).lastInsertRowid,
      );
      link.run(id, message);
      if (firstResponse !== null) reply.run(id, firstResponse, AGENTS[i % AGENTS.length]);
      // Every tenth case: the customer wrote again after the answer.
      const again = free[i * step + 1];
      if (i % 10 === 0 && again && firstResponse !== null && again[1] > firstResponse) link.run(id, again[0]);
    }
  })();
}

/**
 * The workspace: a demo of a million messages with cases added up to 100,000 (most of them open, a few with
 * several messages and answers); then the queue opened, filtered twenty ways, and every open case's SLA recomputed.
 */
export async function run(): Promise<BenchResult> {
  const folder = mkdtempSync(join(tmpdir(), 'pulso-queue-bench-'));
  try {
    // BENCH_QUEUE_KEEP=FILE keeps the workspace there and reuses it next time (for profiling; not how CI runs it).
    const kept = process.env.BENCH_QUEUE_KEEP;
    const path = kept ?? join(folder, 'queue.pulso');
    const reuse = kept !== undefined && existsSync(kept);
    const { backend, client } = reuse ? openWorkspace(kept) : await demoWorkspace(path, MESSAGES);
    const db = new Database(path);
    if (!reuse) seedCases(db);
    const cases = db.prepare('SELECT count(*) FROM cases').pluck().get() as number;
    const open = db
      .prepare("SELECT count(*) FROM cases WHERE status IN ('new', 'attended', 'waiting')")
      .pluck()
      .get() as number;
    db.close();

    const refresh = async (): Promise<void> => {
      const result = await client.call('sla.refresh', {});
      if (isPending(result)) throw new Error('the SLA refresh was kept for later');
    };
    const slaRuns: number[] = [];
    for (let i = 0; i < 3; i++) slaRuns.push(await timed(refresh));
    const slaMs = Math.min(...slaRuns);

    const firstOpenMs = await timed(() => client.call('cases.queue', {}));
    const openRuns: number[] = [];
    for (let i = 0; i < 5; i++) openRuns.push(await timed(() => client.call('cases.queue', {})));
    const openMs = Math.min(...openRuns);

    const filters: QueueFilter[] = [
      ...TEAMS.map((department) => ({ department })),
      ...AGENTS.map((assignee) => ({ assignee })),
      ...TYPES.map((type) => ({ type })),
      { slaState: 'active' },
      { slaState: 'active_with_misses' },
      { slaState: 'none' },
      { source: 'twitter' },
      { temperature: -2 },
      { waiting: true },
      { department: 'Red', assignee: 'ana', waiting: true },
      { source: 'facebook', temperature: -1 },
    ];
    const filterRuns: number[] = [];
    for (const filter of filters) filterRuns.push(await timed(() => client.call('cases.queue', filter)));
    const filterP95Ms = percentile(filterRuns, 0.95);
    await backend.close();
    const ms = (value: number): string => `${value.toFixed(0)} ms`;
    return {
      rows: [
        ['messages', MESSAGES.toLocaleString('en-US')],
        ['cases (open)', `${cases.toLocaleString('en-US')} (${open.toLocaleString('en-US')})`],
        ['queue opens (first call)', ms(firstOpenMs)],
        ['queue opens (best of 5)', ms(openMs), '≤ 500 ms'],
        [`filtering, p95 of ${filters.length}`, ms(filterP95Ms), '≤ 300 ms'],
        ['SLA of every open case (best of 3)', ms(slaMs), '≤ 1,000 ms'],
      ],
      json: { messages: MESSAGES, cases, openCases: open, openMs, firstOpenMs, filterP95Ms, slaMs },
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
