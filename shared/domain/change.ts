/** How a change between periods is told: relative to the earlier figure, in percentage points, or as a difference. */
export type ChangeUnit = 'relative' | 'points' | 'difference';

/**
 * The change from `then` to `now`: its direction and its size (a fraction for 'relative', a fraction of one for
 * 'points', the difference itself otherwise), always positive; null when either figure is missing, or when a relative
 * change starts from 0.
 */
export function changeOf(
  now: number | null,
  then: number | null,
  as: ChangeUnit,
): { direction: 'up' | 'down' | 'same'; by: number } | null {
  if (now === null || then === null) return null;
  if (as === 'relative' && then === 0) return null;
  const difference = now - then;
  const by = Math.abs(as === 'relative' ? difference / then : difference);
  // Below what the card shows (one decimal of a percentage, two of a ratio), it has not moved.
  const shown = as === 'difference' ? 0.005 : 0.0005;
  return { direction: by < shown ? 'same' : difference > 0 ? 'up' : 'down', by: by < shown ? 0 : by };
}
