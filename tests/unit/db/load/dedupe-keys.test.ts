import { hash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentHash } from '../../../../db/load/planner';
import { createKeyTable } from '../../../../db/load/key-table';

/** The key as stores written before have it: the digest's first 16 bytes through a Buffer. */
const storedKey = (key: string): string => hash('sha256', key, 'buffer').subarray(0, 16).toString('base64url');

describe('dedupe keys', () => {
  it('are the keys stores already hold, for ids and for contents', () => {
    for (let i = 0; i < 5000; i++) {
      expect(contentHash('twitter', `id-${i}`, '@a', 0, 'x')).toBe(storedKey(`id\u0000twitter\u0000id-${i}`));
      expect(
        contentHash('facebook', null, `@user${i}`, 1_767_225_600_000 + i, `Texto ${i} con acentos: atención`),
      ).toBe(storedKey(`facebook\u0000@user${i}\u0000${1_767_225_600_000 + i}\u0000Texto ${i} con acentos: atención`));
    }
  });

  it('are kept in a table that knows each of 300,000 keys, and only those, as it grows', () => {
    const set = createKeyTable();
    const keys = Array.from({ length: 300_000 }, (_, i) => contentHash('twitter', `k${i}`, '', 0, ''));
    const absent = Array.from({ length: 50_000 }, (_, i) => contentHash('twitter', `absent${i}`, '', 0, ''));
    expect(keys.every((key) => set.add(key))).toBe(true);
    expect(set.size).toBe(300_000);
    expect(keys.some((key) => set.add(key))).toBe(false);
    expect(keys.every((key) => set.has(key))).toBe(true);
    expect(absent.some((key) => set.has(key))).toBe(false);
    // Keys that differ only in their last character's bits, or in their first, are told apart.
    const a = 'AAAAAAAAAAAAAAAAAAAAAA';
    expect(set.add(a)).toBe(true);
    expect(set.has('AAAAAAAAAAAAAAAAAAAAAQ')).toBe(false);
    expect(set.has('BAAAAAAAAAAAAAAAAAAAAA')).toBe(false);
    for (const bad of ['short', `${a}A`, 'AAAAAAAAAAAAAAAAAAAAA*', 'éAAAAAAAAAAAAAAAAAAAAA'])
      expect(() => set.add(bad)).toThrow(/not a dedupe key/);
    // As a table: values kept through growth.
    const table = createKeyTable();
    keys.forEach((key, i) => table.set(key, i * 7));
    expect(keys.every((key, i) => table.get(key) === i * 7)).toBe(true);
    expect(table.get(absent[0] as string)).toBe(-1);
    table.set(keys[5] as string, 42);
    expect([table.get(keys[5] as string), table.size]).toEqual([42, 300_000]);
    // -1 marks a free slot: storing it would lose the key.
    expect(() => table.set(absent[2] as string, -1)).toThrow(/cannot hold -1/);
    // Found or added in one call: a new key gets the value given, a known one keeps its own.
    const ids = createKeyTable();
    expect(keys.every((key, i) => ids.getOrAdd(key, i) === -1)).toBe(true);
    expect(keys.every((key, i) => ids.getOrAdd(key, 0) === i)).toBe(true);
    expect([ids.getOrAdd(absent[1] as string, 9), ids.get(absent[1] as string), ids.size]).toEqual([-1, 9, 300_001]);
  });

  it('of any text (authors: network and handle) are told apart by their hash, however alike', () => {
    const texts = [
      ...Array.from({ length: 200_000 }, (_, i) => `twitter\u0000@user${i}`),
      ...Array.from({ length: 50_000 }, (_, i) => `instagram\u0000@usér_${i}_😀`),
      // Same code units padded, reordered, or one apart; empty; long.
      '',
      '\u0000',
      'x',
      'x\u0000',
      'ab',
      'ba',
      'abcdefgh',
      'abcdefgi',
      'bacdefgh',
      'a'.repeat(1000),
      `${'a'.repeat(999)}b`,
    ];
    const table = createKeyTable('text');
    texts.forEach((text, i) => table.set(text, i));
    expect(table.size).toBe(texts.length);
    expect(texts.every((text, i) => table.get(text) === i)).toBe(true);
    expect(
      ['twitter\u0000@user200000', 'twitter\u0000@User1', 'twitter@user1', 'y', 'a'.repeat(1001)].some((text) =>
        table.has(text),
      ),
    ).toBe(false);
    // Digests are texts too: hashed, not decoded.
    expect(table.add('AAAAAAAAAAAAAAAAAAAAAA')).toBe(true);
    expect(table.has('AAAAAAAAAAAAAAAAAAAAAQ')).toBe(false);
  });
});
