import type { Temperature } from './temperature';
import type { Kind } from './vocabulary';
import { parseKind, parseTemperature } from './import/values';

export type PastedLabels =
  | { ok: true; field: 'temperature'; values: (Temperature | null)[] }
  | { ok: true; field: 'kind'; values: (Kind | null)[] }
  | PasteRefusal;

/** Why a paste was refused, and where: the grid says it in its language (paste.* messages). */
export type PasteRefusal =
  | { ok: false; line: number; problem: 'columns' }
  | { ok: false; line: number; problem: 'temperature' | 'kind'; value: string };

/**
 * A column of labels copied from a spreadsheet: temperatures (−2..2 or words, es/en) or kinds.
 * Empty cells clear. Anything that is neither is refused with its line, never guessed.
 */
export function parsePastedLabels(text: string): PastedLabels {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  const wide = lines.findIndex((line) => line.includes('\t'));
  if (wide >= 0) return { ok: false, line: wide + 1, problem: 'columns' };
  const temperatures = lines.map((line) => parseTemperature(line, 'signed'));
  if (temperatures.every((parsed) => parsed.ok))
    return { ok: true, field: 'temperature', values: temperatures.map((p) => (p.ok ? p.value : null)) };
  const kinds = lines.map((line) => parseKind(line));
  if (kinds.every((parsed) => parsed.ok))
    return { ok: true, field: 'kind', values: kinds.map((p) => (p.ok ? p.value : null)) };
  // Report against the reading that fits more lines: that is what the person meant.
  const asTemperatures = temperatures.filter((p) => p.ok).length >= kinds.filter((p) => p.ok).length;
  const line = (asTemperatures ? temperatures : kinds).findIndex((parsed) => !parsed.ok);
  return {
    ok: false,
    line: line + 1,
    problem: asTemperatures ? 'temperature' : 'kind',
    value: (lines[line] ?? '').trim(),
  };
}
