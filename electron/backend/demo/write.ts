import type { DemoResult } from '../../../shared/api/contract';
import { addEntity, addTopic, loadRules } from '../../../db/queries/entities';
import { createDemoWriter } from '../../../db/queries/demo';
import { createPlanner, type NewMessage } from '../../../db/load/planner';
import { openSnapshot } from '../../../db/load/snapshot';
import { startLoad } from '../../../db/load/writer';
import type Database from 'better-sqlite3';
import type { JobProgress } from '../runtime/jobs';
import { createRandom, demoVocabulary as vocabulary, generateDemoMessages } from './generate';
import { seedCare } from './care';
import { seedLeads, type Touchable } from './leads';

const CHUNK = 5000;
const MINUTE = 60_000;
/** Leads the demo makes: four in each stage. */
const LEADS = 24;

/**
 * Fills an empty workspace with the demo data, in one transaction (in its own thread: a cancel ends it, and the
 * workspace stays empty).
 */
export function writeDemo(
  sqlite: Database.Database,
  count: number,
  seed: number,
  progress: (progress: JobProgress) => void,
): DemoResult {
  const existing = sqlite.prepare('SELECT count(*) AS n FROM messages').get() as { n: number };
  if (existing.n > 0)
    throw new Error(`The workspace ${sqlite.name} already has messages; the demo needs an empty one.`);

  return sqlite
    .transaction(() => {
      for (const entity of vocabulary.entities)
        addEntity(sqlite, {
          name: entity.name,
          role: entity.role as 'own' | 'person' | 'competitor',
          aliases: entity.aliases,
        });
      for (const topic of vocabulary.topics) addTopic(sqlite, topic);
      // The demo's own connection is the snapshot: the workspace is empty, so it never looks anything up.
      const planner = createPlanner(openSnapshot(sqlite), {
        batchId: null,
        annotator: '',
        labeledAt: 0,
        rules: loadRules(sqlite),
        entityRole: 'competitor',
      });
      const load = startLoad(sqlite, null, { expectedRows: count });
      const seedRows = createDemoWriter(sqlite);
      const random = createRandom(seed + 1);
      const leadCandidates: Touchable[] = [];
      const otherTouches: Touchable[] = [];

      let done = 0;
      let chunk: (NewMessage & { about: string })[] = [];
      const writeChunk = (): void => {
        const { rows, ids } = planner.plan(chunk);
        chunk.forEach((message, i) => {
          const id = ids[i];
          if (id === null || id === undefined) return;
          const kind = message.kind;
          if (message.about === 'Lumen Móvil' && (kind === 'case' || kind === 'complaint') && random.next() < 0.6) {
            const openedAt = message.postedAt + random.int(1, 30) * MINUTE;
            const firstResponseAt =
              random.next() < 0.85 ? openedAt + Math.floor(Math.exp(random.next() * 7)) * MINUTE : null;
            const resolvedAt =
              firstResponseAt && random.next() < 0.7 ? firstResponseAt + random.int(10, 72 * 60) * MINUTE : null;
            rows.cases.push({
              messageId: id,
              case: {
                type: random.pick(vocabulary.caseTypes),
                department: random.pick(vocabulary.departments),
                assignee: random.pick(vocabulary.annotators),
                status: resolvedAt ? 'resolved' : firstResponseAt ? 'attended' : 'new',
                openedAt,
                firstResponseAt,
                resolvedAt,
                closedAt: null,
              },
            });
          }
          const touch = { id, postedAt: message.postedAt, source: message.source };
          if (message.source === 'linkedin' && leadCandidates.length < LEADS) leadCandidates.push(touch);
          else if (['email', 'forum', 'twitter'].includes(message.source) && otherTouches.length < 2000)
            otherTouches.push(touch);
        });
        load.write(rows);
        chunk = [];
      };
      for (const message of generateDemoMessages(count, seed)) {
        chunk.push(message);
        if (++done % CHUNK === 0) {
          writeChunk();
          progress({ done, total: count });
        }
      }
      writeChunk();
      load.finish((built, steps) => progress({ done: built, total: steps, rows: count, stage: 'indexing' }));
      for (const source of ['twitter', 'facebook', 'instagram']) {
        let followers = random.int(5000, 40000);
        for (let month = 1; month <= 9; month++) {
          followers = Math.round(followers * (1 + random.next() * 0.05));
          const members = Math.round(followers * 0.3);
          seedRows.addSnapshot(
            source,
            'LumenMovil',
            `2026-${String(month).padStart(2, '0')}-01`,
            followers,
            members,
            Math.round(members * (0.1 + random.next() * 0.2)),
          );
        }
      }
      seedLeads(sqlite, seedRows, random, leadCandidates, otherTouches);
      seedCare(sqlite);
      progress({ done: count, total: count });
      return { messages: count, entities: vocabulary.entities.length, topics: vocabulary.topics.length };
    })
    .immediate();
}
