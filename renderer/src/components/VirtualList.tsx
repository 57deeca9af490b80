import { useEffect, useImperativeHandle, useLayoutEffect, useRef, useState, type ReactNode, type Ref } from 'react';
import { firstRowAt, scrollHeight, scrollTopFor } from './virtual-scroll';

export interface VirtualListHandle {
  /** Moves the cursor to a row and scrolls it into view. */
  scrollToIndex(index: number): void;
}

interface Props {
  count: number;
  rowHeight: number;
  /** Accessible name of the grid. */
  label: string;
  header: ReactNode;
  renderRow(index: number): ReactNode;
  onRange(first: number, last: number): void;
  handle?: Ref<VirtualListHandle>;
  cursor: number;
  /** The cursor moved: a plain move, a range growing (Shift), or a row picked (Ctrl/Cmd+click). */
  onCursor(index: number, move: 'move' | 'extend' | 'toggle'): void;
  isSelected(index: number): boolean;
  /** Keys the list's owner handles first (labeling); return true when used. */
  onKey?(event: React.KeyboardEvent): boolean;
}

const OVERSCAN = 4;

/**
 * A windowed list that renders only the rows in view, for any count: a sticky window shows
 * rows placed by firstRowAt(), over a spacer that gives the scrollbar its range.
 */
export function VirtualList({
  count,
  rowHeight,
  label,
  header,
  renderRow,
  onRange,
  handle,
  cursor,
  onCursor,
  isSelected,
  onKey,
}: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  // The row at the top, not the scroll offset: past MAX_SCROLL_PX a pixel stands for more rows the
  // more rows there are, so the same offset under a new count (the counts come after the first
  // page; a filter's change) is another row, and the view would jump from under the cursor.
  const [topRow, setTopRow] = useState(0);
  const [viewportHeight, setViewportHeight] = useState(600);
  const geometry = { count, rowHeight, viewportHeight };

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setViewportHeight(element.clientHeight));
    observer.observe(element);
    setViewportHeight(element.clientHeight);
    return () => observer.disconnect();
  }, []);

  const first = Math.max(0, Math.min(topRow, count - viewportHeight / rowHeight));
  // A new count or height: the scrollbar moves to where the same row is (a scroll is already there).
  useLayoutEffect(() => {
    const element = scroller.current;
    const scrollTop = scrollTopFor(first, { count, rowHeight, viewportHeight });
    if (element && Math.abs(element.scrollTop - scrollTop) >= 1) element.scrollTop = scrollTop;
  }, [first, count, rowHeight, viewportHeight]);
  const visible = Math.ceil(viewportHeight / rowHeight);
  const start = Math.max(0, Math.floor(first) - OVERSCAN);
  const end = Math.min(count, Math.floor(first) + visible + OVERSCAN);

  useEffect(() => onRange(start, end), [start, end, onRange]);

  const scrollToIndex = (index: number): void => {
    const element = scroller.current;
    if (!element) return;
    const top = Math.floor(first);
    const rowsInView = Math.max(1, Math.floor(viewportHeight / rowHeight) - 1);
    if (index < top) element.scrollTop = scrollTopFor(index, geometry);
    else if (index >= top + rowsInView) element.scrollTop = scrollTopFor(index - rowsInView + 1, geometry);
  };
  useImperativeHandle(handle, () => ({ scrollToIndex: (index: number) => move(index) }));

  const move = (to: number, extend = false): void => {
    const index = Math.max(0, Math.min(count - 1, to));
    onCursor(index, extend ? 'extend' : 'move');
    scrollToIndex(index);
  };
  const onKeyDown = (event: React.KeyboardEvent): void => {
    if (onKey?.(event)) {
      event.preventDefault();
      return;
    }
    const page = Math.max(1, visible - 1);
    const extend = event.shiftKey;
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(cursor + 1, extend),
      ArrowUp: () => move(cursor - 1, extend),
      PageDown: () => move(cursor + page, extend),
      PageUp: () => move(cursor - page, extend),
      // Home/End go to the first/last row (with or without Ctrl, as in spreadsheets' row mode).
      Home: () => move(0, extend),
      End: () => move(count - 1, extend),
    };
    const action = keys[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  };

  const rows: ReactNode[] = [];
  for (let index = start; index < end; index++) {
    rows.push(
      <div
        key={index}
        role="row"
        aria-rowindex={index + 2}
        aria-selected={isSelected(index)}
        aria-current={index === cursor ? 'true' : undefined}
        className={`row${index === cursor ? ' cursor' : ''}${isSelected(index) ? ' selected' : ''}`}
        style={{ transform: `translateY(${(index - first) * rowHeight}px)`, height: rowHeight }}
        onMouseDown={(event) =>
          onCursor(index, event.shiftKey ? 'extend' : event.ctrlKey || event.metaKey ? 'toggle' : 'move')
        }
      >
        {renderRow(index)}
      </div>,
    );
  }

  return (
    <div
      className="virtual"
      role="grid"
      aria-label={label}
      aria-rowcount={count + 1}
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      <div role="rowgroup" className="virtual-header">
        {header}
      </div>
      <div
        className="virtual-scroller"
        ref={scroller}
        onScroll={(e) => setTopRow(firstRowAt(e.currentTarget.scrollTop, geometry))}
        role="rowgroup"
      >
        <div className="virtual-window" style={{ height: viewportHeight }}>
          {rows}
        </div>
        <div style={{ height: Math.max(0, scrollHeight(geometry) - viewportHeight) }} />
      </div>
    </div>
  );
}
