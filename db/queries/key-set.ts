const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const SEXTET = new Int8Array(128).fill(-1);
for (let i = 0; i < BASE64URL.length; i++) SEXTET[BASE64URL.charCodeAt(i)] = i;

/**
 * A set of dedupe keys (contentHash: 16 bytes in 22 base64url characters), kept as four 32-bit
 * words each in one open-addressed table: a million keys in 32 MB with nothing for the garbage
 * collector to walk, where a Set of strings takes twice that and slows every collection.
 */
export function createKeySet() {
  let capacity = 1 << 16;
  let words = new Uint32Array(capacity * 4);
  let used = new Uint8Array(capacity);
  let size = 0;
  const key = new Uint32Array(4);

  const bytes = new Uint8Array(16);

  /** The key's 16 bytes into `key` as four words (four characters make three bytes; the last two, one). */
  function decode(text: string): void {
    if (text.length !== 22) throw new Error(`not a dedupe key: "${text}"`);
    let byte = 0;
    for (let i = 0; i < 22; i += 4) {
      let group = 0;
      const chars = Math.min(4, 22 - i);
      for (let k = 0; k < chars; k++) {
        const sextet = SEXTET[text.charCodeAt(i + k)] ?? -1;
        if (sextet < 0) throw new Error(`not a dedupe key: "${text}"`);
        group = (group << 6) | sextet;
      }
      if (chars === 4) {
        bytes[byte++] = group >>> 16;
        bytes[byte++] = (group >>> 8) & 0xff;
        bytes[byte++] = group & 0xff;
      } else bytes[byte++] = group >>> 4;
    }
    for (let w = 0; w < 4; w++) key[w] = ((bytes[w * 4] as number) << 24 | (bytes[w * 4 + 1] as number) << 16 | (bytes[w * 4 + 2] as number) << 8 | (bytes[w * 4 + 3] as number)) >>> 0;
  }

  function slotOf(table: Uint32Array, taken: Uint8Array, mask: number): number {
    let slot = ((key[0] as number) ^ Math.imul(key[1] as number, 0x9e3779b1)) & mask;
    while (taken[slot] === 1) {
      const at = slot * 4;
      if (table[at] === key[0] && table[at + 1] === key[1] && table[at + 2] === key[2] && table[at + 3] === key[3]) return slot;
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  function grow(): void {
    const oldWords = words;
    const oldUsed = used;
    capacity *= 2;
    words = new Uint32Array(capacity * 4);
    used = new Uint8Array(capacity);
    for (let slot = 0; slot < oldUsed.length; slot++) {
      if (oldUsed[slot] !== 1) continue;
      key.set(oldWords.subarray(slot * 4, slot * 4 + 4));
      const free = slotOf(words, used, capacity - 1);
      words.set(key, free * 4);
      used[free] = 1;
    }
  }

  return {
    get size() {
      return size;
    },
    has(text: string): boolean {
      decode(text);
      return used[slotOf(words, used, capacity - 1)] === 1;
    },
    /** Adds the key; false when it was there already. */
    add(text: string): boolean {
      decode(text);
      const slot = slotOf(words, used, capacity - 1);
      if (used[slot] === 1) return false;
      words.set(key, slot * 4);
      used[slot] = 1;
      if (++size * 2 > capacity) grow();
      return true;
    },
  };
}
