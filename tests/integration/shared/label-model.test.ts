import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  MIN_EXAMPLES,
  SUGGEST_CONFIDENCE,
  suggestLabels,
  trainLabelModel,
  type LabelExample,
} from '../../../shared/domain/label-model';
import type { Temperature } from '../../../shared/domain/temperature';

const DATASETS = resolve('../shared/datasets');
const TEMPERATURE: Record<string, Temperature> = { negative: -1, neutral: 0, positive: 1 };

/** A data set's tweets with their sentiment as a temperature (its README: CC BY-NC-SA 4.0 and GPL-3.0). */
function tweets(file: string, encoding: 'utf8' | 'utf16le'): LabelExample[] {
  const text = readFileSync(resolve(DATASETS, file), encoding).replace(/^\uFEFF/, '');
  return (parse(text, { columns: true }) as Record<string, string>[]).map((record) => ({
    text: record.text as string,
    temperature: TEMPERATURE[record.airline_sentiment as string] as Temperature,
    kind: null,
  }));
}

/** Trained on four tweets in five, asked about the fifth: how often it speaks, how often it is right. */
function heldOut(examples: LabelExample[]) {
  const model = trainLabelModel(examples.filter((_, i) => i % 5 !== 0));
  const test = examples.filter((_, i) => i % 5 === 0);
  let said = 0;
  let right = 0;
  const byValue = new Map<Temperature | null, number>();
  for (const example of test) {
    byValue.set(example.temperature, (byValue.get(example.temperature) ?? 0) + 1);
    const suggested = suggestLabels(model, example.text).temperature;
    if (!suggested) continue;
    said++;
    if (suggested.value === example.temperature) right++;
    expect(suggested.confidence).toBeGreaterThanOrEqual(SUGGEST_CONFIDENCE);
  }
  return {
    precision: right / said,
    coverage: said / test.length,
    commonest: Math.max(...byValue.values()) / test.length,
  };
}

describe('the suggested labels, learnt from labeled messages', () => {
  it('suggests the temperature of English and Spanish tweets it has not seen, far better than the commonest value', () => {
    const english = heldOut(tweets('airline/Tweets.csv', 'utf8'));
    expect(english.commonest).toBeCloseTo(0.63, 1);
    expect(english.precision).toBeGreaterThan(english.commonest + 0.15);
    expect(english.coverage).toBeGreaterThan(0.6);
    const spanish = heldOut(tweets('spanish-airlines/tweets_public_es.csv', 'utf16le'));
    expect(spanish.precision).toBeGreaterThan(spanish.commonest + 0.1);
    expect(spanish.coverage).toBeGreaterThan(0.4);
  });

  it('learns kinds too, ignores accents and case, and keeps quiet without enough examples or with one value only', () => {
    const spam = (i: number): LabelExample => ({
      text: `Gana un iPhone GRATIS hoy, haz clic aquí ${i}`,
      temperature: null,
      kind: 'spam',
    });
    const chat = (i: number): LabelExample => ({
      text: `Muchas gracias por la atención de ayer, todo bien ${i}`,
      temperature: 1,
      kind: 'chat',
    });
    const examples = Array.from({ length: MIN_EXAMPLES }, (_, i) => (i % 2 ? spam(i) : chat(i)));
    const model = trainLabelModel(examples);
    expect(suggestLabels(model, 'iphone gratis, HAZ CLIC').kind).toMatchObject({ value: 'spam' });
    expect(suggestLabels(model, 'gracias por la atencion').kind).toMatchObject({ value: 'chat' });
    // Fifteen temperatures, all +1: fewer than the least and one value only.
    expect(model.temperature).toBeNull();
    expect(suggestLabels(model, 'gracias').temperature).toBeNull();
    expect(trainLabelModel(examples.slice(1)).kind).toBeNull();
    // Words it never saw say nothing either way: no suggestion is surer than the examples' own mix.
    expect(suggestLabels(model, 'zzz qqq').kind).toBeNull();
  });
});
