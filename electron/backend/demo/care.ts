import type Database from 'better-sqlite3';
import { addSlaPolicy, refreshSla } from '../../../db/queries/sla';
import { addCanned, addRoutingRule, setTeam } from '../../../db/queries/routing';

/** Spain's national holidays of 2026 and Madrid's: the demo's business-hours policies skip them. */
const HOLIDAYS_2026 = [
  '2026-01-01', '2026-01-06', '2026-04-02', '2026-04-03', '2026-05-01', '2026-05-02', '2026-08-15', '2026-10-12',
  '2026-11-02', '2026-12-07', '2026-12-08', '2026-12-25',
]; // prettier-ignore

const CANNED = [
  {
    code: 'gracias',
    language: 'es',
    text: 'Gracias por escribirnos, {nombre}. Ya estamos con tu caso {caso}. {agente}',
  },
  {
    code: 'dm',
    language: 'es',
    text: 'Hola {nombre}, te escribimos por mensaje privado para revisar tu caso. {agente}',
  },
  { code: 'disculpas', language: 'es', text: 'Sentimos mucho las molestias, {nombre}. Lo estamos revisando. {agente}' },
  { code: 'thanks', language: 'en', text: 'Thanks for reaching out, {nombre}. We are on case {caso}. {agente}' },
] as const;

/**
 * The care desk of the demo: teams, SLA policies (business hours with holidays; one round the clock), routing rules,
 * canned replies, the brand's first answers on the cases that had one, cases in every status and their history.
 */
export function seedCare(sqlite: Database.Database): void {
  const timeZone =
    (sqlite.prepare("SELECT value FROM settings WHERE key = 'timeZone'").pluck().get() as string | undefined) ??
    (Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
  setTeam(sqlite, 'Facturación', ['ana', 'marc']);
  setTeam(sqlite, 'Soporte técnico', ['ana', 'marc']);
  setTeam(sqlite, 'Red', ['marc']);
  setTeam(sqlite, 'Ventas', ['ana']);
  const policy = { type: null, priority: null, department: null, holidays: HOLIDAYS_2026 };
  addSlaPolicy(sqlite, { ...policy, name: 'Urgente 24×7', priority: 'urgent', firstResponseMinutes: 30,
    nextResponseMinutes: 60, resolutionMinutes: 8 * 60, businessHours: null, holidays: [] }); // prettier-ignore
  addSlaPolicy(sqlite, { ...policy, name: 'Facturación', type: 'billing', firstResponseMinutes: 120,
    nextResponseMinutes: 240, resolutionMinutes: 3 * 9 * 60, businessHours: 'mon-fri 09:00-18:00' }); // prettier-ignore
  addSlaPolicy(sqlite, { ...policy, name: 'General', firstResponseMinutes: 240, nextResponseMinutes: 480,
    resolutionMinutes: 5 * 8 * 60, businessHours: 'mon-thu 09:00-14:00 15:00-18:00; fri 08:00-15:00' }); // prettier-ignore
  const rule = { type: null, priority: null, department: null, assignee: null, assign: 'fixed' as const };
  addRoutingRule(sqlite, { ...rule, name: 'Muy enfadados', when: 'temp<=-2', priority: 'urgent' });
  addRoutingRule(sqlite, { ...rule, name: 'Bajas a Ventas', when: 'baja portabilidad "me voy"', department: 'Ventas',
    priority: 'high', assignee: 'ana' }); // prettier-ignore
  addRoutingRule(sqlite, { ...rule, name: 'Facturas', when: 'factura cobro recibo', department: 'Facturación',
    type: 'billing', assign: 'round_robin' }); // prettier-ignore
  for (const canned of CANNED) addCanned(sqlite, { ...canned, department: null });

  // The angriest customers' cases are urgent; every seventh resolved one is closed, every fifth answered one waits.
  sqlite.exec(`
    UPDATE cases SET priority = 'urgent' WHERE message_id IN (SELECT id FROM messages WHERE temperature = -2);
    UPDATE cases SET priority = 'high' WHERE priority = 'normal' AND id % 9 = 0;
    UPDATE cases SET status = 'closed', closed_at = resolved_at + 86400000 WHERE status = 'resolved' AND id % 7 = 0;
    UPDATE cases SET status = 'waiting' WHERE status = 'attended' AND id % 5 = 0;
    INSERT INTO case_events (case_id, at, actor, action, value) SELECT id, opened_at, 'import', 'opened', type FROM cases;
    INSERT INTO case_events (case_id, at, actor, action, value, previous)
      SELECT id, first_response_at, coalesce(assignee, 'ana'), 'status', 'attended', 'new' FROM cases
      WHERE first_response_at IS NOT NULL;
    INSERT INTO case_events (case_id, at, actor, action, value, previous)
      SELECT id, resolved_at, coalesce(assignee, 'ana'), 'status', 'resolved', 'attended' FROM cases
      WHERE resolved_at IS NOT NULL;
    INSERT INTO case_replies (case_id, at, agent, text, canned_id)
      SELECT c.id, c.first_response_at, coalesce(c.assignee, 'ana'),
        CASE WHEN c.id % 3 = 0 THEN 'Gracias por escribirnos. Ya estamos con tu caso ' || c.id || '.'
          ELSE 'Hola, lo revisamos ahora mismo y te decimos algo en cuanto lo tengamos.' END,
        CASE WHEN c.id % 3 = 0 THEN (SELECT id FROM canned_replies WHERE code = 'gracias') END
      FROM cases c WHERE c.first_response_at IS NOT NULL;
  `);
  seedIdeas(sqlite);
  const all = sqlite.prepare('SELECT id FROM cases').pluck().all() as number[];
  refreshSla(sqlite, all, Date.now(), timeZone);
}

/** Ideas from the demo's suggestions, by topic, in every status; two are duplicates waiting to be merged. */
const IDEAS: [title: string, topic: string, status: string, half?: 0 | 1][] = [
  ['Tarifa sin permanencia para autónomos', 'Tarifas', 'under_review'],
  ['Chat de atención 24 horas', 'Atención al cliente', 'planned'],
  ['Factura desglosada por línea', 'Facturación', 'new', 0],
  ['Ver la factura de cada línea en la app', 'Facturación', 'new', 1],
  ['Roaming incluido en toda América', 'Roaming', 'declined'],
  ['Fibra simétrica en zonas rurales', 'Fibra', 'done'],
];

function seedIdeas(sqlite: Database.Database): void {
  const idea = sqlite.prepare(
    `INSERT INTO ideas (title, status, created_at, updated_at)
     SELECT @title, @status, coalesce(min(m.posted_at), 0), coalesce(max(m.posted_at), 0) FROM messages m
     JOIN message_topics mt ON mt.message_id = m.id JOIN topics t ON t.id = mt.topic_id
     WHERE m.kind = 'suggestion' AND t.name = @topic`,
  );
  const link = sqlite.prepare(
    `INSERT OR IGNORE INTO idea_messages (idea_id, message_id)
     SELECT @idea, m.id FROM messages m JOIN message_topics mt ON mt.message_id = m.id JOIN topics t ON t.id = mt.topic_id
     WHERE m.kind = 'suggestion' AND t.name = @topic AND (@half IS NULL OR m.id % 2 = @half)
       AND NOT EXISTS (SELECT 1 FROM idea_messages im WHERE im.message_id = m.id)
     ORDER BY m.posted_at LIMIT 12`,
  );
  for (const [title, topic, status, half] of IDEAS) {
    const id = Number(idea.run({ title, topic, status }).lastInsertRowid);
    link.run({ idea: id, topic, half: half ?? null });
  }
}
