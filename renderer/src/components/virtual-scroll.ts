/**
 * Maps between a scroll position and a row position for lists too tall for the browser:
 * Chromium caps an element's height near 33.5 million px, so past MAX_SCROLL_PX the scroll
 * range is compressed and rows are placed by proportion instead of by pixel.
 */
export const MAX_SCROLL_PX = 8_000_000;

export interface ScrollGeometry {
  count: number;
  rowHeight: number;
  viewportHeight: number;
}

/** Height of the scrollable content. */
export function scrollHeight({ count, rowHeight }: ScrollGeometry): number {
  return Math.min(count * rowHeight, MAX_SCROLL_PX);
}

/** The (fractional) index of the row at the top of the viewport for a scrollTop. */
export function firstRowAt(scrollTop: number, geometry: ScrollGeometry): number {
  const { count, rowHeight, viewportHeight } = geometry;
  const content = count * rowHeight;
  if (content <= MAX_SCROLL_PX) return scrollTop / rowHeight;
  const scrollRange = MAX_SCROLL_PX - viewportHeight;
  const rowRange = count - viewportHeight / rowHeight;
  return scrollRange > 0 ? (Math.min(scrollTop, scrollRange) / scrollRange) * rowRange : 0;
}

/** The scrollTop that puts row `index` at the top of the viewport (inverse of firstRowAt). */
export function scrollTopFor(index: number, geometry: ScrollGeometry): number {
  const { count, rowHeight, viewportHeight } = geometry;
  const content = count * rowHeight;
  if (content <= MAX_SCROLL_PX) return index * rowHeight;
  const rowRange = count - viewportHeight / rowHeight;
  return rowRange > 0 ? (Math.min(index, rowRange) / rowRange) * (MAX_SCROLL_PX - viewportHeight) : 0;
}
