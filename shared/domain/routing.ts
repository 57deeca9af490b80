import { foldText, tokenize } from './matching';
import { KINDS, SOURCES } from './vocabulary';
import { knownSource, parseKind } from './import/values';

/** An author with at least this many followers is a VIP for routing. */
export const VIP_FOLLOWERS = 10_000;

/** What a routing rule asks of a message; every part given must hold (a list: any of its values). */
export interface RoutingCondition {
  kinds: string[];
  sources: string[];
  entities: string[];
  topics: string[];
  /** Words or "phrases" (folded, space-separated), any of which the text must contain as whole words. */
  keywords: string[];
  temperatureMin: number | null;
  temperatureMax: number | null;
  contact: boolean;
  vip: boolean;
}

/** What routing knows of a message. */
export interface RoutedMessage {
  text: string;
  kind: string | null;
  source: string;
  temperature: number | null;
  entities: readonly string[];
  topics: readonly string[];
  isContact: boolean;
  followers: number | null;
}

/** What is wrong in a condition, and the word at fault: the screen says it in its language (routing.problem.*). */
export type RoutingProblem = 'field' | 'temperature' | 'kind' | 'source';

export class RoutingConditionError extends Error {
  override name = 'RoutingConditionError';
  constructor(
    message: string,
    readonly problem: RoutingProblem,
    readonly value: string,
  ) {
    super(message);
  }
}

/**
 * A condition as people write it: `kind:complaint source:twitter,facebook temp<=-1 entity:"Lumen Móvil" topic:Roaming
 * contact vip "no signal" refund`. Bare words and quoted phrases are keywords (any of them).
 */
export function parseRoutingCondition(text: string): RoutingCondition {
  // (A condition that is wrong throws RoutingConditionError; routingProblem says what, for a screen.)
  const condition: RoutingCondition = {
    kinds: [],
    sources: [],
    entities: [],
    topics: [],
    keywords: [],
    temperatureMin: null,
    temperatureMax: null,
    contact: false,
    vip: false,
  };
  const pattern = /(\w+):"([^"]*)"|(\w+):(\S+)|temp(?:erature)?\s*(<=|>=|=|<|>)\s*(-?\d)|"([^"]*)"|(\S+)/giu;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const field = (match[1] ?? match[3])?.toLowerCase();
    const value = match[2] ?? match[4];
    if (field !== undefined && value !== undefined) {
      const values = value.split(',').map((v) => v.trim()).filter(Boolean); // prettier-ignore
      if (field === 'kind') condition.kinds.push(...values.map(kindWord));
      else if (field === 'source') condition.sources.push(...values.map(sourceWord));
      else if (field === 'entity') condition.entities.push(...values);
      else if (field === 'topic') condition.topics.push(...values);
      else
        throw new RoutingConditionError(
          `"${field}:" is not a condition: use kind:, source:, entity:, topic:`,
          'field',
          field,
        );
    } else if (match[5] !== undefined) {
      const value = Number(match[6]);
      if (value < -2 || value > 2)
        throw new RoutingConditionError(`temperature ${value} is not between -2 and 2`, 'temperature', String(value));
      const op = match[5];
      if (op.includes('<') || op === '=') condition.temperatureMax = op === '<' ? value - 1 : value;
      if (op.includes('>') || op === '=') condition.temperatureMin = op === '>' ? value + 1 : value;
    } else {
      const word = (match[7] ?? match[8] ?? '').trim();
      if (word.toLowerCase() === 'contact') condition.contact = true;
      else if (word.toLowerCase() === 'vip') condition.vip = true;
      else if (tokenize(word).length > 0) condition.keywords.push(tokenize(word).join(' '));
    }
  }
  return condition;
}

/** A kind by its code or its name in either language, as an import reads it (kind:queja is kind:complaint). */
function kindWord(value: string): string {
  const parsed = parseKind(value);
  if (!parsed.ok || parsed.value === null)
    throw new RoutingConditionError(
      `"${value}" is not a kind: one of ${KINDS.join(', ')} (or queja, caso, sugerencia…)`,
      'kind',
      value,
    );
  return parsed.value;
}

/** A network by its code or name (source:x, source:foro). */
function sourceWord(value: string): string {
  const source = knownSource(value);
  if (source === null)
    throw new RoutingConditionError(`"${value}" is not a source: one of ${SOURCES.join(', ')}`, 'source', value);
  return source;
}

const any = (wanted: readonly string[], has: (value: string) => boolean): boolean =>
  wanted.length === 0 || wanted.some(has);

export function routingMatches(condition: RoutingCondition, message: RoutedMessage): boolean {
  const words = condition.keywords.length > 0 ? ` ${tokenize(message.text).join(' ')} ` : '';
  const entities = new Set(message.entities.map(foldText));
  const topics = new Set(message.topics.map(foldText));
  const { temperature } = message;
  return (
    any(condition.kinds, (kind) => kind === message.kind) &&
    any(condition.sources, (source) => source === message.source) &&
    any(condition.entities, (entity) => entities.has(foldText(entity))) &&
    any(condition.topics, (topic) => topics.has(foldText(topic))) &&
    any(condition.keywords, (keyword) => words.includes(` ${keyword} `)) &&
    (condition.temperatureMin === null || (temperature !== null && temperature >= condition.temperatureMin)) &&
    (condition.temperatureMax === null || (temperature !== null && temperature <= condition.temperatureMax)) &&
    (!condition.contact || message.isContact) &&
    (!condition.vip || (message.followers ?? 0) >= VIP_FOLLOWERS)
  );
}

/** Whose turn it is: round robin hands the rule's n-th case to member n mod the team's size (in name order). */
export function roundRobinPick(members: readonly string[], turns: number): string | null {
  if (members.length === 0) return null;
  return [...members].sort((a, b) => a.localeCompare(b))[turns % members.length] ?? null;
}

/** The member with fewest open cases (ties: first by name). */
export function leastLoadedPick(members: readonly string[], openCases: ReadonlyMap<string, number>): string | null {
  let best: string | null = null;
  for (const member of [...members].sort((a, b) => a.localeCompare(b)))
    if (best === null || (openCases.get(member) ?? 0) < (openCases.get(best) ?? 0)) best = member;
  return best;
}

/** What is wrong with a condition as typed, or null when it reads: the rules screen says it before asking. */
export function routingProblem(text: string): { problem: RoutingProblem; value: string } | null {
  try {
    parseRoutingCondition(text);
    return null;
  } catch (error) {
    if (error instanceof RoutingConditionError) return { problem: error.problem, value: error.value };
    throw error;
  }
}
