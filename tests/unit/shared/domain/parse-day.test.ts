import { describe, expect, it } from 'vitest';
import { parseDay } from '../../../../shared/domain/period';

describe('a day typed as the language writes it', () => {
  it('reads day first in Spanish and month first in English, ISO in both', () => {
    expect(parseDay('29/06/2026', 'es')).toBe('2026-06-29');
    expect(parseDay('1-7-26', 'es')).toBe('2026-07-01');
    expect(parseDay('06/29/2026', 'en')).toBe('2026-06-29');
    expect(parseDay('7.1.2026', 'en')).toBe('2026-07-01');
    expect(parseDay(' 2026-06-29 ', 'es')).toBe('2026-06-29');
    expect(parseDay('2026-6-9', 'en')).toBe('2026-06-09');
  });

  it('refuses what is no calendar day', () => {
    expect(parseDay('06/29/2026', 'es')).toBeNull();
    expect(parseDay('29/06/2026', 'en')).toBeNull();
    expect(parseDay('31/04/2026', 'es')).toBeNull();
    expect(parseDay('29/02/2025', 'es')).toBeNull();
    expect(parseDay('29/02/2024', 'es')).toBe('2024-02-29');
    expect(parseDay('ayer', 'es')).toBeNull();
    expect(parseDay('', 'en')).toBeNull();
  });
});
