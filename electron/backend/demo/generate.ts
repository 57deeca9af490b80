import vocabulary from '../../../resources/demo/vocabulary.json';
import type { NewMessage } from '../../../db/load/planner';
import type { Temperature } from '../../../shared/domain/temperature';
import type { Kind, Source } from '../../../shared/domain/vocabulary';

/** Deterministic data for the demo workspace and benchmarks: same seed, same workspace. */
export function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    // mulberry32: tiny, fast, and good enough for sample data.
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const weighted = <T extends string>(weights: Record<T, number>): T => {
    const entries = Object.entries(weights) as [T, number][];
    let roll = next() * entries.reduce((sum, [, w]) => sum + w, 0);
    for (const [value, weight] of entries) if ((roll -= weight) < 0) return value;
    return (entries[entries.length - 1] as [T, number])[0];
  };
  return { next, int, pick, weighted };
}
export type Random = ReturnType<typeof createRandom>;

export const DEMO_PERIOD = { from: Date.UTC(2026, 0, 1), to: Date.UTC(2026, 9, 1) };
const TEMPERATURE_WEIGHTS = { '-2': 12, '-1': 22, '0': 33, '1': 20, '2': 13 } as const;
const ENTITY_WEIGHTS = { 'Lumen Móvil': 50, 'Vértice Telecom': 22, Onda: 20, 'Clara Ibáñez': 8 } as const;
type EntityName = keyof typeof ENTITY_WEIGHTS;

export interface DemoAuthorPool {
  handles: string[];
  names: string[];
}

function authorPool(random: Random, size: number): DemoAuthorPool {
  const handles: string[] = [];
  const names: string[] = [];
  for (let i = 0; i < size; i++) {
    const first = random.pick(vocabulary.firstNames);
    const last = random.pick(vocabulary.lastNames);
    names.push(`${first} ${last}`);
    handles.push(`@${foldAscii(first)}${foldAscii(last).slice(0, 4)}${i}`);
  }
  return { handles, names };
}

function foldAscii(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();
}

export interface DemoMessage extends NewMessage {
  /** The entity the text was written about, so tests can check the real matcher found it. */
  about: EntityName;
}

/** Yields `count` realistic messages across Q1–Q3 2026, about a third of them labeled. */
export function* generateDemoMessages(count: number, seed = 2026): Generator<DemoMessage> {
  const random = createRandom(seed);
  const pool = authorPool(random, Math.max(1, Math.ceil(count / 3)));
  const span = DEMO_PERIOD.to - DEMO_PERIOD.from;
  for (let i = 0; i < count; i++) {
    // Squaring skews towards the first authors: a few write often, most write once.
    const authorIndex = Math.floor(random.next() ** 2 * pool.handles.length);
    const language = random.next() < 0.65 ? 'es' : 'en';
    const temperature = Number(random.weighted(TEMPERATURE_WEIGHTS)) as Temperature;
    const about = random.weighted(ENTITY_WEIGHTS);
    const template = random.pick(vocabulary.templates[language][`${temperature}`]);
    let text = template
      .replace('{brand}', random.pick(vocabulary.mentions[about]))
      .replace('{subject}', random.pick(vocabulary.subjects[language]))
      .replace('{n}', String(random.int(2, 5)));
    if (random.next() < 0.1) {
      const other = random.weighted(ENTITY_WEIGHTS);
      if (other !== about)
        text +=
          language === 'es'
            ? ` Mejor que ${random.pick(vocabulary.mentions[other])}.`
            : ` Better than ${random.pick(vocabulary.mentions[other])}.`;
    }
    const postedAt = DEMO_PERIOD.from + Math.floor((random.next() * span) / 1000) * 1000;
    const labeled = random.next() < 1 / 3;
    yield {
      about,
      externalId: `demo-${seed}-${i}`,
      source: random.weighted(vocabulary.sources as Record<Source, number>),
      author: {
        handle: pool.handles[authorIndex] as string,
        name: pool.names[authorIndex] as string,
        followers: Math.floor(Math.exp(random.next() * 9)),
        region: random.next() < 0.6 ? random.pick(vocabulary.regions) : null,
        ageBand: random.next() < 0.5 ? random.pick(vocabulary.ageBands) : null,
        sex: random.next() < 0.5 ? random.pick(['female', 'male']) : null,
      },
      postedAt,
      text,
      language,
      likes: random.int(0, 40),
      shares: random.int(0, 10),
      replies: random.int(0, 6),
      ...(labeled
        ? {
            temperature,
            kind: random.pick(vocabulary.kindsByTemperature[`${temperature}`]) as Kind,
            annotator: random.pick(vocabulary.annotators),
            labeledAt: postedAt + random.int(60, 3 * 86400) * 1000,
          }
        : {}),
    };
  }
}

export const demoVocabulary = vocabulary;
