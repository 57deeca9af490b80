import { useCallback, useRef, useState } from 'react';

export type CursorMove = 'move' | 'extend' | 'toggle';

/**
 * The grid's cursor and selection: a range (Shift+arrows, Shift+click) and rows picked one by one
 * (Ctrl/Cmd+click), as in a spreadsheet. A plain move selects just the cursor's row again.
 */
export function useSelection() {
  const [cursor, setCursor] = useState(0);
  const [anchor, setAnchor] = useState<number | null>(null);
  const [picked, setPicked] = useState<ReadonlySet<number>>(new Set());
  const [rangeActive, setRangeActive] = useState(true);
  const state = useRef({ cursor, anchor, picked, rangeActive });
  state.current = { cursor, anchor, picked, rangeActive };

  const [low, high] = anchor === null ? [cursor, cursor] : [Math.min(anchor, cursor), Math.max(anchor, cursor)];
  const isSelected = (index: number): boolean => picked.has(index) || (rangeActive && index >= low && index <= high);

  const onCursor = useCallback((index: number, move: CursorMove) => {
    const current = state.current;
    if (move === 'toggle') {
      // The selection so far stays; the clicked row joins it, or leaves it if it was in.
      const [from, to] =
        current.anchor === null
          ? [current.cursor, current.cursor]
          : [Math.min(current.anchor, current.cursor), Math.max(current.anchor, current.cursor)];
      const next = new Set(current.picked);
      if (current.rangeActive) for (let i = from; i <= to; i++) next.add(i);
      if (next.has(index)) next.delete(index);
      else next.add(index);
      setPicked(next);
      setRangeActive(false);
      setAnchor(null);
    } else if (move === 'extend') {
      setAnchor(current.anchor ?? current.cursor);
      setRangeActive(true);
    } else {
      setAnchor(null);
      setPicked(new Set());
      setRangeActive(true);
    }
    setCursor(index);
  }, []);

  const reset = useCallback(() => onCursor(0, 'move'), [onCursor]);

  /** Selected row indexes in order; the cursor's row when nothing is selected. */
  const indexes = (): number[] => {
    const all = new Set(picked);
    if (rangeActive) for (let i = low; i <= high; i++) all.add(i);
    return all.size === 0 ? [cursor] : [...all].sort((a, b) => a - b);
  };
  /** How many rows are selected, without listing a range that may span the whole table. */
  let count = rangeActive ? high - low + 1 : 0;
  for (const index of picked) if (!rangeActive || index < low || index > high) count++;
  /** One row selected: a label moves the cursor on. */
  const single = anchor === null && picked.size === 0;
  return { cursor, low, high, isSelected, onCursor, reset, indexes, single, count };
}
