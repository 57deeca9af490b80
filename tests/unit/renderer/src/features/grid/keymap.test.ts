import { describe, expect, it } from 'vitest';
import { DEFAULT_GRID_PREFS, gridPrefsSchema } from '../../../../../../shared/api/grid';
import { commandForKey, keyMaps } from '../../../../../../renderer/src/features/grid/keymap';

const DEFAULT_KEYS = keyMaps(DEFAULT_GRID_PREFS.keys);
const press = (
  key: string,
  modifiers: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {},
  maps = DEFAULT_KEYS,
) => commandForKey({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...modifiers }, maps);

describe('grid key map', () => {
  it('maps 1–5 onto the temperature scale and letters onto kinds', () => {
    expect(['1', '2', '3', '4', '5'].map((key) => press(key))).toEqual(
      [-2, -1, 0, 1, 2].map((value) => ({ type: 'temperature', value })),
    );
    expect(
      ['c', 'q', 's', 'o', 'h', 'x', 'i', 'Q'].map((key) =>
        press(key, { shiftKey: key === 'Q' })?.type === 'kind' ? (press(key) as { value: string }).value : null,
      ),
    ).toEqual(['case', 'complaint', 'suggestion', 'opinion', 'chat', 'spam', 'irrelevant', 'complaint']);
  });

  it('clears with 0, Delete or Backspace; undo and redo with Ctrl/Cmd; ? for help', () => {
    expect([press('0'), press('Delete'), press('Backspace')]).toEqual([
      { type: 'clear' },
      { type: 'clear' },
      { type: 'clear' },
    ]);
    expect(press('z', { ctrlKey: true })).toEqual({ type: 'undo' });
    expect(press('Z', { ctrlKey: true, shiftKey: true })).toEqual({ type: 'redo' });
    expect(press('z', { metaKey: true })).toEqual({ type: 'undo' });
    expect(press('y', { ctrlKey: true })).toEqual({ type: 'redo' });
    expect(press('?', { shiftKey: true })).toEqual({ type: 'help' });
    expect(press('d', { ctrlKey: true })).toEqual({ type: 'fillDown' });
  });

  it('uses the keys the analyst configured, and refuses a key given two jobs', () => {
    const keys = {
      ...DEFAULT_GRID_PREFS.keys,
      temperature: ['a', 's', 'd', 'f', 'g'],
      kinds: { ...DEFAULT_GRID_PREFS.keys.kinds, suggestion: 'u' },
    };
    const maps = keyMaps(keys);
    expect(['a', 'g', 'u', '1'].map((key) => press(key, {}, maps))).toEqual([
      { type: 'temperature', value: -2 },
      { type: 'temperature', value: 2 },
      { type: 'kind', value: 'suggestion' },
      null,
    ]);
    expect(gridPrefsSchema.safeParse({ ...DEFAULT_GRID_PREFS, keys }).success).toBe(true);
    const clash = { ...keys, kinds: { ...keys.kinds, spam: 'A' } };
    expect(gridPrefsSchema.safeParse({ ...DEFAULT_GRID_PREFS, keys: clash }).error?.issues[0]?.message).toBe(
      'each key may do one thing only',
    );
    expect(
      gridPrefsSchema.safeParse({ ...DEFAULT_GRID_PREFS, keys: { ...keys, temperature: ['0', 'b', 'c', 'e', 'h'] } })
        .success,
    ).toBe(false);
  });

  it('makes a lead of the selection with L, unless the analyst gave L to a kind', () => {
    expect([press('l'), press('L', { shiftKey: true }), press('l', { ctrlKey: true })]).toEqual([
      { type: 'lead' },
      { type: 'lead' },
      null,
    ]);
    const keys = { ...DEFAULT_GRID_PREFS.keys, kinds: { ...DEFAULT_GRID_PREFS.keys.kinds, chat: 'l' } };
    expect(press('l', {}, keyMaps(keys))).toEqual({ type: 'kind', value: 'chat' });
  });

  it('opens a care case from the selection with N, unless the analyst gave N to a kind', () => {
    expect([press('n'), press('n', { ctrlKey: true })]).toEqual([{ type: 'case' }, null]);
    const keys = { ...DEFAULT_GRID_PREFS.keys, kinds: { ...DEFAULT_GRID_PREFS.keys.kinds, spam: 'n' } };
    expect(press('n', {}, keyMaps(keys))).toEqual({ type: 'kind', value: 'spam' });
  });

  it('accepts the suggested labels with A, unless the analyst gave A to a kind', () => {
    expect([press('a'), press('A', { shiftKey: true }), press('a', { ctrlKey: true })]).toEqual([
      { type: 'accept' },
      { type: 'accept' },
      null,
    ]);
    const keys = { ...DEFAULT_GRID_PREFS.keys, kinds: { ...DEFAULT_GRID_PREFS.keys.kinds, opinion: 'a' } };
    expect(press('a', {}, keyMaps(keys))).toEqual({ type: 'kind', value: 'opinion' });
  });

  it('leaves other keys and browser shortcuts alone', () => {
    expect([
      press('b'),
      press('c', { ctrlKey: true }),
      press('1', { altKey: true }),
      press('ArrowDown'),
      press('6'),
    ]).toEqual([null, null, null, null, null]);
  });
});
