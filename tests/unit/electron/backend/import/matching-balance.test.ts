import { describe, expect, it } from 'vitest';
import { createMatchingBalance } from '../../../../../electron/backend/import/reading-client';

/** A balance told of `batches` batches, each waited for `waited` ms after `worked` ms on the one before. */
function after(batches: { waited: number; worked: number }[]) {
  const balance = createMatchingBalance();
  for (const { waited, worked } of batches) balance.took(waited, worked);
  return balance;
}

const times = (n: number, batch: { waited: number; worked: number }) => Array.from({ length: n }, () => batch);

describe('where the rules are matched', () => {
  it('in the reading thread at first, and while the writer never waits for it', () => {
    expect(createMatchingBalance().readerMatches()).toBe(true);
    expect(after(times(200, { waited: 0, worked: 6 })).readerMatches()).toBe(true);
  });

  it('in the writer while it waits for the reading thread a tenth of its time', () => {
    expect(after(times(200, { waited: 0.2, worked: 1.8 })).readerMatches()).toBe(false);
  });

  it('by the writer’s time over recent batches, not the last batch alone', () => {
    // Batches handed over in bursts: one waited for at length, then many ready at once, a third of the time waiting.
    const bursts = Array.from({ length: 20 }, () => [{ waited: 8, worked: 1 }, ...times(7, { waited: 0, worked: 2 })]);
    const balance = after(bursts.flat());
    expect(balance.readerMatches()).toBe(false);
    // A reading thread once slow (a collection's pause, say) among many batches the writer never waited for.
    expect(after([...times(100, { waited: 0, worked: 6 }), { waited: 10, worked: 6 }]).readerMatches()).toBe(true);
  });

  it('back in the reading thread once the writer has stopped waiting for a while', () => {
    const balance = after(times(100, { waited: 1, worked: 1 }));
    expect(balance.readerMatches()).toBe(false);
    for (const { waited, worked } of times(300, { waited: 0, worked: 6 })) balance.took(waited, worked);
    expect(balance.readerMatches()).toBe(true);
  });
});
