/**
 * Attribution of a won deal's amount to its social touches (issue 27): the rule-based models, each giving every touch
 * a share of the amount in cents that sums to the amount exactly, and the data-driven one (Markov removal effect) over
 * all leads' paths. Pure: the KPIs, the deck and the CLI all call these.
 */

export const ATTRIBUTION_MODELS = [
  'firstTouch',
  'lastTouch',
  'linear',
  'timeDecay',
  'positionBased',
  'wShaped',
  'fullPath',
  'dataDriven',
] as const;
export type AttributionModel = (typeof ATTRIBUTION_MODELS)[number];
export type RuleModel = Exclude<AttributionModel, 'dataDriven'>;

/** A linked message before the close, in time order (the first is the first touch). */
export interface Touch {
  /** Days from the touch to the close (≥ 0). */
  daysBeforeClose: number;
  /** The touch at which the lead was created (W-shaped's middle), and the one at the opportunity stage. */
  atLeadCreation?: boolean;
  atOpportunity?: boolean;
}

export interface ModelOptions {
  /** Time decay's half-life in days: a touch this many days before the close weighs half of one at the close. */
  halfLifeDays: number;
}

export const DEFAULT_MODEL_OPTIONS: ModelOptions = { halfLifeDays: 7 };

/** How each rule-based model weighs the touches (they need not sum to 1: shares are normalized). */
export function modelWeights(model: RuleModel, touches: readonly Touch[], options = DEFAULT_MODEL_OPTIONS): number[] {
  const n = touches.length;
  if (n === 0) return [];
  const at = (i: number, weight: number): number[] => touches.map((_, j) => (j === i ? weight : 0));
  switch (model) {
    case 'firstTouch':
      return at(0, 1);
    case 'lastTouch':
      return at(n - 1, 1);
    case 'linear':
      return touches.map(() => 1);
    case 'timeDecay':
      return touches.map((touch) => 2 ** (-touch.daysBeforeClose / options.halfLifeDays));
    case 'positionBased':
      if (n <= 2) return touches.map(() => 1);
      return touches.map((_, i) => (i === 0 || i === n - 1 ? 0.4 : 0.2 / (n - 2)));
    case 'wShaped':
    case 'fullPath':
      return shapedWeights(touches, model === 'fullPath');
  }
}

/**
 * W-shaped: 30 % to the first touch, 30 % to the touch at lead creation, 30 % to the touch at the opportunity stage,
 * 10 % shared by the rest; full path adds 22.5 % at the close and gives 22.5 % to each of the other three and 10 % to
 * the rest. Where those touches coincide their weights add up; a milestone with no touch of its own, or no rest to
 * share with, passes its weight to the touches there are (the weights are normalized).
 */
function shapedWeights(touches: readonly Touch[], fullPath: boolean): number[] {
  const n = touches.length;
  const milestone = fullPath ? 0.225 : 0.3;
  const weights = touches.map(() => 0);
  const marked = new Set<number>();
  const give = (i: number): void => {
    if (i < 0) return;
    weights[i] = (weights[i] as number) + milestone;
    marked.add(i);
  };
  give(0);
  give(touches.findIndex((touch) => touch.atLeadCreation));
  give(touches.findIndex((touch) => touch.atOpportunity));
  if (fullPath) give(n - 1);
  const rest = touches.map((_, i) => i).filter((i) => !marked.has(i));
  for (const i of rest) weights[i] = 0.1 / rest.length;
  return weights;
}

/**
 * An amount in cents split by weights so the parts sum to it exactly: each part rounded down, the cents left over
 * given one by one to the largest remainders (the earliest touch first on a tie), as the largest-remainder method does.
 */
export function splitCents(cents: number, weights: readonly number[]): number[] {
  const total = weights.reduce((sum, w) => sum + w, 0);
  if (weights.length === 0) return [];
  if (total <= 0)
    return splitCents(
      cents,
      weights.map(() => 1),
    );
  const exact = weights.map((w) => (cents * w) / total);
  const parts = exact.map(Math.floor);
  let left = cents - parts.reduce((sum, part) => sum + part, 0);
  const order = exact
    .map((value, i) => [value - Math.floor(value), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    parts[i] = (parts[i] as number) + 1;
    left--;
  }
  return parts;
}

/** A deal's amount (in cents) given to its touches by a rule-based model. */
export function attribute(model: RuleModel, cents: number, touches: readonly Touch[], options = DEFAULT_MODEL_OPTIONS) {
  return splitCents(cents, modelWeights(model, touches, options));
}

/** A lead's path: the channels (sources) of its touches in order, and whether it ended in a sale. */
export interface Path {
  channels: readonly string[];
  converted: boolean;
}

/**
 * The data-driven model: a first-order Markov chain over all paths (start → channels → conversion or null), each
 * channel's removal effect = the share of conversions lost when it is removed (its transitions sent to null). The
 * conversion probability is solved exactly (a linear system, by Gaussian elimination), not simulated. Returns each
 * channel's removal effect and its share of a conversion (the effects normalized).
 */
export function markovRemovalEffects(paths: readonly Path[]): {
  removal: Map<string, number>;
  share: Map<string, number>;
} {
  const channels = [...new Set(paths.flatMap((path) => path.channels))].sort();
  const counts = new Map<string, Map<string, number>>();
  const count = (from: string, to: string): void => {
    const row = counts.get(from) ?? new Map<string, number>();
    row.set(to, (row.get(to) ?? 0) + 1);
    counts.set(from, row);
  };
  for (const path of paths) {
    const states = ['(start)', ...path.channels, path.converted ? '(conversion)' : '(null)'];
    for (let i = 0; i + 1 < states.length; i++) count(states[i] as string, states[i + 1] as string);
  }
  const base = conversionProbability(counts, channels, null);
  const removal = new Map<string, number>();
  for (const channel of channels)
    removal.set(channel, base > 0 ? 1 - conversionProbability(counts, channels, channel) / base : 0);
  const total = [...removal.values()].reduce((sum, effect) => sum + effect, 0);
  const share = new Map(channels.map((channel) => [channel, total > 0 ? (removal.get(channel) as number) / total : 0]));
  return { removal, share };
}

/**
 * The probability of reaching conversion from the start, with `removed` (if any) leading to null: p(s) = Σ P(s→t) p(t),
 * p(conversion) = 1, p(null) = p(removed) = 0, solved for the channels' p.
 */
function conversionProbability(
  counts: Map<string, Map<string, number>>,
  channels: readonly string[],
  removed: string | null,
): number {
  const live = channels.filter((channel) => channel !== removed);
  const index = new Map(live.map((channel, i) => [channel, i]));
  const n = live.length;
  // (I − Q) p = r, one row per live channel; then p(start) from its own transitions.
  const matrix = live.map(() => new Array<number>(n + 1).fill(0));
  const probabilities = (from: string): [string, number][] => {
    const row = counts.get(from);
    if (!row) return [];
    const total = [...row.values()].reduce((sum, c) => sum + c, 0);
    return [...row.entries()].map(([to, c]) => [to, c / total]);
  };
  live.forEach((channel, i) => {
    const row = matrix[i] as number[];
    row[i] = 1;
    for (const [to, p] of probabilities(channel)) {
      if (to === '(conversion)') row[n] = (row[n] as number) + p;
      const j = index.get(to);
      if (j !== undefined) row[j] = (row[j] as number) - p;
    }
  });
  const solved = solve(matrix);
  let start = 0;
  for (const [to, p] of probabilities('(start)')) {
    if (to === '(conversion)') start += p;
    const j = index.get(to);
    if (j !== undefined) start += p * (solved[j] as number);
  }
  return start;
}

/** Gaussian elimination with partial pivoting on an augmented matrix [A | b]; a singular row solves to 0. */
function solve(matrix: number[][]): number[] {
  const n = matrix.length;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let row = col + 1; row < n; row++)
      if (Math.abs((matrix[row] as number[])[col] as number) > Math.abs((matrix[pivot] as number[])[col] as number))
        pivot = row;
    [matrix[col], matrix[pivot]] = [matrix[pivot] as number[], matrix[col] as number[]];
    const head = matrix[col] as number[];
    const lead = head[col] as number;
    if (Math.abs(lead) < 1e-12) continue;
    for (let row = 0; row < n; row++) {
      if (row === col) continue;
      const line = matrix[row] as number[];
      const factor = (line[col] as number) / lead;
      if (factor === 0) continue;
      for (let k = col; k <= n; k++) line[k] = (line[k] as number) - factor * (head[k] as number);
    }
  }
  return matrix.map((row, i) => {
    const lead = row[i] as number;
    return Math.abs(lead) < 1e-12 ? 0 : (row[n] as number) / lead;
  });
}
