import { tokenize } from './matching';
import { TEMPERATURES, type Temperature } from './temperature';
import { KINDS, type Kind } from './vocabulary';

/**
 * The model behind the grid's suggested labels: multinomial naive Bayes over a message's words (folded as the keyword
 * rules fold them), one for the temperature and one for the kind, trained on the workspace's own labeled messages.
 * Small, exact to retrain, and honest about doubt: a label is suggested only when its probability passes
 * SUGGEST_CONFIDENCE.
 */

/** A labeled message the model learns from; a label left out (null) teaches nothing about that field. */
export interface LabelExample {
  text: string;
  temperature: Temperature | null;
  kind: Kind | null;
}

/**
 * The least a suggestion's probability may be: below it the grid shows nothing rather than a guess. The airline data
 * sets' tweets, one in five held out: 85% of the English suggestions right, on 73% of the tweets (the commonest value
 * alone: 62%), 69% of the Spanish on 59% (48%). Lower, it speaks more often and is wrong more often
 * (tests/bench/MEASUREMENTS.md).
 */
export const SUGGEST_CONFIDENCE = 0.9;
/** The least examples of a field, over at least two of its values, before anything is suggested for it. */
export const MIN_EXAMPLES = 30;

interface FieldModel<T> {
  values: readonly T[];
  /** log P(value), by value's index. */
  logPrior: Float64Array;
  /** log P(word | value), by word, by value's index; a word never seen with any value is left out of the score. */
  logWord: Map<string, Float64Array>;
}

export interface LabelModel {
  temperature: FieldModel<Temperature> | null;
  kind: FieldModel<Kind> | null;
  /** How many examples it learnt from. */
  examples: number;
}

export interface Suggested<T> {
  value: T;
  /** The model's probability of it, 0-1. */
  confidence: number;
}

export interface LabelSuggestion {
  temperature: Suggested<Temperature> | null;
  kind: Suggested<Kind> | null;
}

/** A text's words, each once (presence, not counts: a word said three times is not three times the evidence). */
const wordsOf = (text: string): Set<string> => new Set(tokenize(text).filter((word) => word.length > 1));

function trainField<T>(
  examples: readonly { words: Set<string>; value: T | null }[],
  values: readonly T[],
): FieldModel<T> | null {
  const index = new Map(values.map((value, i) => [value, i]));
  const docs = new Float64Array(values.length);
  const wordTotals = new Float64Array(values.length);
  const counts = new Map<string, Float64Array>();
  let labeled = 0;
  for (const { words, value } of examples) {
    const at = value === null ? undefined : index.get(value);
    if (at === undefined) continue;
    labeled++;
    docs[at] = (docs[at] as number) + 1;
    for (const word of words) {
      let row = counts.get(word);
      if (!row) counts.set(word, (row = new Float64Array(values.length)));
      row[at] = (row[at] as number) + 1;
    }
    wordTotals[at] = (wordTotals[at] as number) + words.size;
  }
  if (labeled < MIN_EXAMPLES || docs.filter((n) => n > 0).length < 2) return null;
  // Laplace smoothing over the vocabulary; values never seen keep a prior of zero (log −∞) and are never suggested.
  const vocabulary = counts.size;
  const logPrior = docs.map((n) => (n > 0 ? Math.log(n / labeled) : -Infinity));
  const logWord = new Map<string, Float64Array>();
  for (const [word, row] of counts)
    logWord.set(
      word,
      row.map((n, at) => Math.log((n + 1) / ((wordTotals[at] as number) + vocabulary))),
    );
  return { values, logPrior, logWord };
}

/** Learns both fields from labeled messages. */
export function trainLabelModel(examples: readonly LabelExample[]): LabelModel {
  const worded = examples.map((example) => ({ ...example, words: wordsOf(example.text) }));
  return {
    temperature: trainField(
      worded.map(({ words, temperature }) => ({ words, value: temperature })),
      TEMPERATURES,
    ),
    kind: trainField(
      worded.map(({ words, kind }) => ({ words, value: kind })),
      KINDS,
    ),
    examples: examples.length,
  };
}

function suggestField<T>(model: FieldModel<T> | null, words: Set<string>): Suggested<T> | null {
  if (!model) return null;
  const score = Float64Array.from(model.logPrior);
  for (const word of words) {
    const row = model.logWord.get(word);
    if (row) for (let at = 0; at < score.length; at++) score[at] = (score[at] as number) + (row[at] as number);
  }
  // Softmax over the values, from the best score down, so that no exponent overflows.
  const best = score.reduce((top, value, at) => (value > (score[top] as number) ? at : top), 0);
  const top = score[best] as number;
  const total = score.reduce((sum, value) => sum + Math.exp(value - top), 0);
  const confidence = 1 / total;
  return confidence >= SUGGEST_CONFIDENCE ? { value: model.values[best] as T, confidence } : null;
}

/** The labels the model would give a text, each only when it is confident enough. */
export function suggestLabels(model: LabelModel, text: string): LabelSuggestion {
  const words = wordsOf(text);
  return { temperature: suggestField(model.temperature, words), kind: suggestField(model.kind, words) };
}
