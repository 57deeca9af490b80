import { describe, expect, it } from 'vitest';
import { commandForKey } from '../../renderer/src/features/grid/keymap';

const press = (key: string, modifiers: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) =>
  commandForKey({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...modifiers });

describe('grid key map', () => {
  it('maps 1–5 onto the temperature scale and letters onto kinds', () => {
    expect(['1', '2', '3', '4', '5'].map((key) => press(key))).toEqual([-2, -1, 0, 1, 2].map((value) => ({ type: 'temperature', value })));
    expect(['c', 'q', 's', 'o', 'h', 'x', 'i', 'Q'].map((key) => press(key, { shiftKey: key === 'Q' })?.type === 'kind' ? (press(key) as { value: string }).value : null))
      .toEqual(['case', 'complaint', 'suggestion', 'opinion', 'chat', 'spam', 'irrelevant', 'complaint']);
  });

  it('clears with 0, Delete or Backspace; undo and redo with Ctrl/Cmd; ? for help', () => {
    expect([press('0'), press('Delete'), press('Backspace')]).toEqual([{ type: 'clear' }, { type: 'clear' }, { type: 'clear' }]);
    expect(press('z', { ctrlKey: true })).toEqual({ type: 'undo' });
    expect(press('Z', { ctrlKey: true, shiftKey: true })).toEqual({ type: 'redo' });
    expect(press('z', { metaKey: true })).toEqual({ type: 'undo' });
    expect(press('y', { ctrlKey: true })).toEqual({ type: 'redo' });
    expect(press('?', { shiftKey: true })).toEqual({ type: 'help' });
  });

  it('leaves other keys and browser shortcuts alone', () => {
    expect([press('a'), press('c', { ctrlKey: true }), press('1', { altKey: true }), press('ArrowDown'), press('6')]).toEqual([null, null, null, null, null]);
  });
});
