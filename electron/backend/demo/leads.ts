import type { createDemoWriter } from '../../../db/queries/demo';
import { setCosts } from '../../../db/queries/roi';
import type Database from 'better-sqlite3';
import { LEAD_STAGES, type LeadStage } from '../../../shared/domain/vocabulary';
import type { createRandom } from './generate';

const DAY = 86_400_000;
const COMPANIES = ['Acme', 'Construcciones Álvarez', 'Delta Logística', 'Grupo Sur', 'Hoteles Mar', 'Clínica Norte'];
const FORMS = ['S.L.', 'S.A.', 'S.A.U.', 'S.L.U.'];

export interface Touchable {
  id: number;
  postedAt: number;
  source: string;
}

/**
 * The demo's B2B side: a lead from each of some LinkedIn messages, with a later touch or two on other networks, in
 * every stage (each step dated days after the last), the won ones with their CRM deal, and a cost model per quarter,
 * so the Leads screen and the ROI have something on first start.
 */
export function seedLeads(
  sqlite: Database.Database,
  seedRows: ReturnType<typeof createDemoWriter>,
  random: ReturnType<typeof createRandom>,
  candidates: readonly Touchable[],
  others: readonly Touchable[],
): void {
  candidates.forEach((origin, i) => {
    const stage = LEAD_STAGES[i % LEAD_STAGES.length] as LeadStage;
    const later = others.filter(
      (touch) => touch.postedAt > origin.postedAt && touch.postedAt < origin.postedAt + 60 * DAY,
    );
    const extra = later.length > 0 ? [random.pick(later), random.pick(later)] : [];
    const touches = [origin, ...new Map(extra.map((touch) => [touch.id, touch])).values()].sort(
      (a, b) => a.postedAt - b.postedAt,
    );
    const path: LeadStage[] =
      stage === 'lost' ? ['new', 'qualified', 'lost'] : LEAD_STAGES.slice(0, LEAD_STAGES.indexOf(stage) + 1);
    let at = origin.postedAt;
    const stages = path.map((step, n) => {
      if (n > 0)
        at = Math.max(at, (touches[Math.min(n, touches.length - 1)] as Touchable).postedAt) + random.int(2, 12) * DAY;
      return { stage: step, at };
    });
    const company = `${COMPANIES[i % COMPANIES.length]} ${1 + Math.floor(i / COMPANIES.length)} ${FORMS[i % FORMS.length]}`;
    const value = random.int(20, 400) * 100;
    const lead = seedRows.addLead(
      touches.map((touch) => touch.id),
      `Contacto ${i + 1}`,
      company,
      stages,
      stage === 'new' ? null : value,
    );
    if (stage === 'won') seedRows.addSale(lead, `CRM-${1000 + i}`, value, at);
  });
  for (const [from, to] of [
    ['2026-01-01', '2026-03-31'],
    ['2026-04-01', '2026-06-30'],
    ['2026-07-01', '2026-09-30'],
  ] as const)
    setCosts(sqlite, { from, to, cmHours: 120, cmRate: 35, agencyFee: 6000, agencyShare: 0.4, tools: 900, ads: 3000 });
}
