import { describe, expect, it } from 'vitest';
import {
  firstRowAt,
  MAX_SCROLL_PX,
  scrollHeight,
  scrollTopFor,
} from '../../../../../renderer/src/components/virtual-scroll';

describe('virtual scroll geometry', () => {
  const small = { count: 1000, rowHeight: 34, viewportHeight: 680 };
  const huge = { count: 1_000_000, rowHeight: 34, viewportHeight: 680 };

  it('is exact while the content fits the browser', () => {
    expect(scrollHeight(small)).toBe(34_000);
    expect(firstRowAt(340, small)).toBe(10);
    expect(scrollTopFor(10, small)).toBe(340);
  });

  it('compresses a million rows below the browser cap and still reaches the last row', () => {
    expect(scrollHeight(huge)).toBe(MAX_SCROLL_PX);
    const bottom = MAX_SCROLL_PX - huge.viewportHeight;
    const first = firstRowAt(bottom, huge);
    expect(first + huge.viewportHeight / huge.rowHeight).toBeCloseTo(1_000_000, 6);
    expect(firstRowAt(scrollTopFor(654_321, huge), huge)).toBeCloseTo(654_321, 6);
  });
});
