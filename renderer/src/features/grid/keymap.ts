import type { Temperature } from '../../../../shared/domain/temperature';
import type { Kind } from '../../../../shared/domain/vocabulary';

export type GridCommand =
  | { type: 'temperature'; value: Temperature }
  | { type: 'kind'; value: Kind }
  | { type: 'clear' }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'help' };

/** 1–5 from very angry to very happy: the order of the keys follows the scale. */
export const TEMPERATURE_KEYS: Record<string, Temperature> = { 1: -2, 2: -1, 3: 0, 4: 1, 5: 2 };
export const KIND_KEYS: Record<string, Kind> = { c: 'case', q: 'complaint', s: 'suggestion', o: 'opinion', h: 'chat', x: 'spam', i: 'irrelevant' };

export interface KeyPress { key: string; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }

/** The labeling command for a key press in the grid, or null for keys the grid does not use. */
export function commandForKey(press: KeyPress): GridCommand | null {
  const command = press.ctrlKey || press.metaKey;
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
  if (command && key === 'z') return { type: press.shiftKey ? 'redo' : 'undo' };
  if (command && key === 'y') return { type: 'redo' };
  if (command || press.altKey) return null;
  if (press.key === '?') return { type: 'help' };
  if (key === '0' || key === 'Delete' || key === 'Backspace') return { type: 'clear' };
  const temperature = TEMPERATURE_KEYS[key];
  if (temperature !== undefined) return { type: 'temperature', value: temperature };
  const kind = KIND_KEYS[key];
  return kind ? { type: 'kind', value: kind } : null;
}
