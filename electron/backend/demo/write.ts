import { addEntity, addTopic } from '../../../db/queries/entities';
import { createCaseWriter } from '../../../db/queries/care';
import { createDemoWriter } from '../../../db/queries/demo';
import { createIngest } from '../../../db/queries/ingest';
import type { Store } from '../../../db/open';
import { checkCancelled, type JobContext } from '../jobs';
import { createRandom, demoVocabulary as vocabulary, generateDemoMessages } from './generate';
import { inTransaction } from '../transaction';

export interface DemoResult { messages: number; entities: number; topics: number }

const CHUNK = 5000;
const MINUTE = 60_000;

/** Fills an empty workspace with the demo data, in one transaction: cancel leaves it empty. */
export async function writeDemo(store: Store, count: number, seed: number, context: JobContext): Promise<DemoResult> {
  const { sqlite } = store;
  const existing = sqlite.prepare('SELECT count(*) AS n FROM messages').get() as { n: number };
  if (existing.n > 0) throw new Error(`The workspace ${store.path} already has messages; the demo needs an empty one.`);

  return inTransaction(sqlite, async () => {
    for (const entity of vocabulary.entities) addEntity(sqlite, { name: entity.name, role: entity.role as 'own' | 'person' | 'competitor', aliases: entity.aliases });
    for (const topic of vocabulary.topics) addTopic(sqlite, topic);
    const ingest = createIngest(sqlite, null, { expectedRows: count });
    const seedRows = createDemoWriter(sqlite);
    const cases = createCaseWriter(sqlite, null);
    const random = createRandom(seed + 1);
    const leadCandidates: number[] = [];

    let done = 0;
    for (const message of generateDemoMessages(count, seed)) {
      const id = ingest.addMessage(message);
      if (id !== null) {
        ingest.matchRules(id, message.text);
        const kind = message.label?.kind;
        if (message.about === 'Lumen Móvil' && (kind === 'case' || kind === 'complaint') && random.next() < 0.6) {
          const openedAt = message.postedAt + random.int(1, 30) * MINUTE;
          const firstResponseAt = random.next() < 0.85 ? openedAt + Math.floor(Math.exp(random.next() * 7)) * MINUTE : null;
          const resolvedAt = firstResponseAt && random.next() < 0.7 ? firstResponseAt + random.int(10, 72 * 60) * MINUTE : null;
          cases.add(id, {
            type: random.pick(vocabulary.caseTypes), department: random.pick(vocabulary.departments),
            assignee: random.pick(vocabulary.annotators),
            status: resolvedAt ? 'resolved' : firstResponseAt ? 'attended' : 'new',
            openedAt, firstResponseAt, resolvedAt, closedAt: null,
          });
        }
        if (message.source === 'linkedin' && leadCandidates.length < 12) leadCandidates.push(id);
      }
      if (++done % CHUNK === 0) {
        context.progress(done, count);
        await new Promise((resolve) => setImmediate(resolve));
        checkCancelled(context.signal);
      }
    }
    ingest.finish();
    for (const source of ['twitter', 'facebook', 'instagram']) {
      let followers = random.int(5000, 40000);
      for (let month = 1; month <= 9; month++) {
        followers = Math.round(followers * (1 + random.next() * 0.05));
        const members = Math.round(followers * 0.3);
        seedRows.addSnapshot(source, 'LumenMovil', `2026-${String(month).padStart(2, '0')}-01`, followers, members, Math.round(members * (0.1 + random.next() * 0.2)));
      }
    }
    leadCandidates.forEach((messageId, i) => {
      const won = i % 3 === 0;
      const leadId = seedRows.addLead(messageId, `Contacto ${i + 1}`, `Empresa ${i + 1} S.L.`, won ? 'won' : 'qualified');
      if (won) seedRows.addSale(leadId, `CRM-${1000 + i}`, random.int(20, 400) * 100, Date.UTC(2026, 2 + i % 6, 10));
    });
    context.progress(count, count);
    return { messages: count, entities: vocabulary.entities.length, topics: vocabulary.topics.length };
  });
}
