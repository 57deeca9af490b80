import {
  attribute,
  ATTRIBUTION_MODELS,
  DEFAULT_MODEL_OPTIONS,
  markovRemovalEffects,
  type AttributionModel,
  type RuleModel,
  type Touch,
} from './attribution';

/** How long before its close a message still counts as a deal's touch. */
export const ATTRIBUTION_WINDOW_DAYS = 180;
const DAY = 86_400_000;

/** A won deal closed in the period, with its lead's touches (any time: the window is applied here). */
export interface WonDeal {
  amount: number;
  currency: string;
  closedAt: number;
  /** Each linked message: when, its network, and the tracked entities it names. */
  touches: { at: number; source: string; entities?: readonly string[] }[];
  /** The lead's source campaign, if it has one. */
  campaign?: string | null;
  /** When the lead was created and reached the opportunity stage, for the W-shaped and full-path models. */
  leadCreatedAt: number | null;
  opportunityAt: number | null;
}

/** A lead's path of sources, for the data-driven model: won, lost, or still open (not a path yet). */
export interface LeadPath {
  sources: string[];
  outcome: 'won' | 'lost' | 'open';
}

/** The costs of the period, as the cost model gives them. */
export interface PeriodCosts {
  currency: string;
  communityManager: number;
  agency: number;
  tools: number;
  ads: number;
}

/** What attributed revenue is broken down by (besides the network, in attributedBySource). */
export const ROI_BREAKDOWNS = ['entity', 'campaign', 'quarter'] as const;
export type RoiBreakdown = (typeof ROI_BREAKDOWNS)[number];
/** A touch naming no entity, or a lead with no campaign: its part is kept under this key. */
export const NONE_KEY = '—';

export interface RoiReport {
  currency: string;
  /** The attribution window and the time-decay half-life the figures were computed with. */
  windowDays: number;
  halfLifeDays: number;
  cost: number | null;
  costs: PeriodCosts | null;
  attributedRevenue: Record<AttributionModel, number>;
  attributedBySource: Record<AttributionModel, Record<string, number>>;
  /**
   * The rule-based models' revenue by the touches' entities (a touch naming several shares its part equally), by the
   * lead's campaign and by the quarter the deal closed in (UTC). The data-driven model splits by network only.
   */
  attributedBy: Record<RoiBreakdown, Record<RuleModel, Record<string, number>>>;
  roi: Record<AttributionModel, number | null>;
  leads: number;
  won: number;
  lost: number;
  conversionRate: number | null;
  medianDaysToSale: number | null;
  /** Days from each won deal's first touch to its close: median, 90th percentile, and a histogram by month. */
  daysToSale: DaysToSale;
  deals: { matched: number; unmatched: number; ambiguous: number };
}

export interface DaysToSale {
  deals: number;
  median: number | null;
  p90: number | null;
  /** Deals by days to sale, in bins of 30 days from 0 (the last holds all beyond). */
  histogram: { from: number; to: number | null; deals: number }[];
}

const BIN_DAYS = 30;
const BINS = 12;

/** The nearest-rank percentile (0–100) of numbers, or null for none. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}

export function daysToSaleDistribution(days: readonly number[]): DaysToSale {
  const histogram = Array.from({ length: BINS }, (_, i) => ({
    from: i * BIN_DAYS,
    to: i === BINS - 1 ? null : (i + 1) * BIN_DAYS,
    deals: 0,
  }));
  for (const value of days) (histogram[Math.min(BINS - 1, Math.floor(value / BIN_DAYS))] as { deals: number }).deals++;
  const last = histogram.reduce((end, bin, i) => (bin.deals > 0 ? i : end), -1);
  return {
    deals: days.length,
    median: median(days),
    p90: percentile(days, 90),
    histogram: histogram.slice(0, last + 1),
  };
}

/** The touch nearest a moment (the last at or before it, else the first): where a stage was reached. */
function touchAt(touches: readonly { at: number }[], moment: number | null): number {
  if (moment === null) return -1;
  let found = -1;
  touches.forEach((touch, i) => {
    if (touch.at <= moment) found = i;
  });
  return found === -1 && touches.length > 0 ? 0 : found;
}

/** The median of numbers, or null for none. */
function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

const cents = (amount: number): number => Math.round(amount * 100);
/** A deal's quarter (2026Q3) by its close in UTC. */
const quarterOfDay = (at: number): string => {
  const date = new Date(at);
  return `${date.getUTCFullYear()}Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
};
/** Cents split equally among keys, the remainder to the first ones (so the parts still sum to the amount). */
function splitAmong(into: Record<string, number>, keys: readonly string[], part: number): void {
  const each = Math.floor(part / keys.length);
  keys.forEach((key, i) => add(into, key, each + (i < part - each * keys.length ? 1 : 0)));
}
const add = (into: Record<string, number>, key: string, value: number): void => {
  into[key] = (into[key] ?? 0) + value;
};

/**
 * The ROI leg: each model's attributed revenue (the won deals' amounts in the period, given to their touches in the
 * attribution window; a deal with no touch in it is not the social channel's), by source, and ROI = (attributed
 * revenue − cost) / cost; with the pipeline's figures. Amounts in one currency: deals in another are left out (said by
 * `currency`).
 */
export function roiReport(input: {
  deals: readonly WonDeal[];
  paths: readonly LeadPath[];
  costs: PeriodCosts | null;
  dealStates: RoiReport['deals'];
  currency?: string;
  windowDays?: number;
  halfLifeDays?: number;
}): RoiReport {
  const currency = input.costs?.currency ?? input.currency ?? input.deals[0]?.currency ?? 'EUR';
  const windowDays = input.windowDays ?? ATTRIBUTION_WINDOW_DAYS;
  const options = { ...DEFAULT_MODEL_OPTIONS, ...(input.halfLifeDays ? { halfLifeDays: input.halfLifeDays } : {}) };
  const windowMs = windowDays * DAY;
  const bySource = Object.fromEntries(ATTRIBUTION_MODELS.map((m) => [m, {} as Record<string, number>])) as Record<
    AttributionModel,
    Record<string, number>
  >;
  const ruleModels = ATTRIBUTION_MODELS.filter((m): m is RuleModel => m !== 'dataDriven');
  const by = Object.fromEntries(
    ROI_BREAKDOWNS.map((breakdown) => [breakdown, Object.fromEntries(ruleModels.map((m) => [m, {}]))]),
  ) as Record<RoiBreakdown, Record<RuleModel, Record<string, number>>>;
  const daysToSale: number[] = [];
  let attributedCents = 0;
  for (const deal of input.deals) {
    if (deal.currency !== currency) continue;
    const touches = deal.touches
      .filter((touch) => touch.at <= deal.closedAt && touch.at >= deal.closedAt - windowMs)
      .sort((a, b) => a.at - b.at);
    if (touches.length === 0) continue;
    daysToSale.push((deal.closedAt - (touches[0] as { at: number }).at) / DAY);
    const created = touchAt(touches, deal.leadCreatedAt);
    const opportunity = touchAt(touches, deal.opportunityAt);
    const modelTouches: Touch[] = touches.map((touch, i) => ({
      daysBeforeClose: (deal.closedAt - touch.at) / DAY,
      atLeadCreation: i === created,
      atOpportunity: i === opportunity,
    }));
    const amount = cents(deal.amount);
    attributedCents += amount;
    const quarter = quarterOfDay(deal.closedAt);
    for (const model of ruleModels) {
      const parts = attribute(model, amount, modelTouches, options);
      parts.forEach((part, i) => {
        const touch = touches[i] as WonDeal['touches'][number];
        add(bySource[model], touch.source, part);
        splitAmong(by.entity[model], touch.entities?.length ? touch.entities : [NONE_KEY], part);
      });
      add(by.campaign[model], deal.campaign || NONE_KEY, amount);
      add(by.quarter[model], quarter, amount);
    }
  }
  // Data-driven: the channels' shares of a conversion over all leads' paths, of the same attributed revenue.
  const { share } = markovRemovalEffects(
    input.paths
      .filter((path) => path.outcome !== 'open' && path.sources.length > 0)
      .map((path) => ({
        channels: path.sources,
        converted: path.outcome === 'won',
      })),
  );
  const shares = [...share.entries()].filter(([, s]) => s > 0);
  if (shares.length > 0) {
    const weights = shares.map(([, s]) => s);
    const total = weights.reduce((a, b) => a + b, 0);
    let left = attributedCents;
    shares.forEach(([source, s], i) => {
      const part = i === shares.length - 1 ? left : Math.floor((attributedCents * s) / total);
      left -= part;
      add(bySource.dataDriven, source, part);
    });
  }
  const attributedRevenue = Object.fromEntries(
    ATTRIBUTION_MODELS.map((m) => [m, Object.values(bySource[m]).reduce((a, b) => a + b, 0) / 100]),
  ) as Record<AttributionModel, number>;
  const toAmounts = (centsBy: Record<string, number>): Record<string, number> =>
    Object.fromEntries(Object.entries(centsBy).map(([key, c]) => [key, c / 100]));
  for (const model of ATTRIBUTION_MODELS) bySource[model] = toAmounts(bySource[model]);
  for (const breakdown of ROI_BREAKDOWNS)
    for (const model of ruleModels) by[breakdown][model] = toAmounts(by[breakdown][model]);
  const cost = input.costs
    ? input.costs.communityManager + input.costs.agency + input.costs.tools + input.costs.ads
    : null;
  const won = input.paths.filter((path) => path.outcome === 'won').length;
  const lost = input.paths.filter((path) => path.outcome === 'lost').length;
  return {
    currency,
    windowDays,
    halfLifeDays: options.halfLifeDays,
    cost,
    costs: input.costs,
    attributedRevenue,
    attributedBySource: bySource,
    attributedBy: by,
    roi: Object.fromEntries(
      ATTRIBUTION_MODELS.map((m) => [m, cost ? (attributedRevenue[m] - cost) / cost : null]),
    ) as Record<AttributionModel, number | null>,
    leads: input.paths.length,
    won,
    lost,
    conversionRate: won + lost > 0 ? won / (won + lost) : null,
    medianDaysToSale: median(daysToSale),
    daysToSale: daysToSaleDistribution(daysToSale),
    deals: input.dealStates,
  };
}
