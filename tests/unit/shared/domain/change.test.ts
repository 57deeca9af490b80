import { describe, expect, it } from 'vitest';
import { changeOf } from '../../../../shared/domain/change';

describe('the change from the previous period', () => {
  it('tells direction and size relative, in points or as a difference; nothing without both figures', () => {
    expect(changeOf(1200, 1000, 'relative')).toEqual({ direction: 'up', by: 0.2 });
    expect(changeOf(0.42, 0.5, 'points')).toEqual({ direction: 'down', by: expect.closeTo(0.08, 10) });
    expect(changeOf(-0.3, -0.1, 'difference')).toEqual({ direction: 'down', by: expect.closeTo(0.2, 10) });
    // Below what the card shows, no move: 0.04 percentage points, 0.004 of a ratio.
    expect(changeOf(0.5004, 0.5, 'points')).toEqual({ direction: 'same', by: 0 });
    expect(changeOf(0.104, 0.1, 'difference')).toEqual({ direction: 'same', by: 0 });
    expect(changeOf(5, 0, 'relative')).toBeNull();
    expect(changeOf(null, 3, 'difference')).toBeNull();
    expect(changeOf(3, null, 'points')).toBeNull();
  });
});
