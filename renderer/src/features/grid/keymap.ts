import type { GridPrefs } from '../../../../shared/api/grid';
import { TEMPERATURES, type Temperature } from '../../../../shared/domain/temperature';
import { KINDS, type Kind } from '../../../../shared/domain/vocabulary';

export type GridCommand =
  | { type: 'temperature'; value: Temperature }
  | { type: 'kind'; value: Kind }
  | { type: 'clear' }
  | { type: 'fillDown' }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'help' }
  | { type: 'lead' }
  | { type: 'case' }
  | { type: 'accept' };

export type LabelKeys = GridPrefs['keys'];

export interface KeyMaps {
  temperature: Record<string, Temperature>;
  kinds: Record<string, Kind>;
}

/** The analyst's keys as lookups: temperature keys follow the scale from very angry to very happy. */
export function keyMaps(keys: LabelKeys): KeyMaps {
  return {
    temperature: Object.fromEntries(
      keys.temperature.map((key, i) => [key.toLowerCase(), TEMPERATURES[i] as Temperature]),
    ),
    kinds: Object.fromEntries(KINDS.map((kind) => [keys.kinds[kind].toLowerCase(), kind])),
  };
}

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** The labeling command for a key press in the grid, or null for keys the grid does not use. */
export function commandForKey(press: KeyPress, maps: KeyMaps): GridCommand | null {
  const command = press.ctrlKey || press.metaKey;
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
  if (command && key === 'z') return { type: press.shiftKey ? 'redo' : 'undo' };
  if (command && key === 'y') return { type: 'redo' };
  if (command && key === 'd') return { type: 'fillDown' };
  if (command || press.altKey) return null;
  if (press.key === '?') return { type: 'help' };
  if (key === '0' || key === 'Delete' || key === 'Backspace') return { type: 'clear' };
  const temperature = maps.temperature[key];
  if (temperature !== undefined) return { type: 'temperature', value: temperature };
  const kind = maps.kinds[key];
  if (kind) return { type: 'kind', value: kind };
  // A lead or a care case from the selection, or its suggested labels accepted, unless the analyst gave L, N or A to a
  // kind.
  if (key === 'n') return { type: 'case' };
  if (key === 'a') return { type: 'accept' };
  return key === 'l' ? { type: 'lead' } : null;
}
