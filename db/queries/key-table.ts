const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const SEXTET = new Int8Array(128).fill(-1);
for (let i = 0; i < BASE64URL.length; i++) SEXTET[BASE64URL.charCodeAt(i)] = i;

/**
 * Keys of 16 bytes in 22 base64url characters (dedupe keys, author keys: SHA-256 prefixes) to
 * numbers, kept as four 32-bit words and a value each in one open-addressed table: a million keys
 * in 40 MB with nothing for the garbage collector to walk, where a Map of strings takes three
 * times that and slows every collection.
 */
export function createKeyTable() {
  let capacity = 1 << 16;
  let words = new Uint32Array(capacity * 4);
  let values = new Int32Array(capacity);
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
    const [oldWords, oldValues, oldUsed] = [words, values, used];
    capacity *= 2;
    words = new Uint32Array(capacity * 4);
    values = new Int32Array(capacity);
    used = new Uint8Array(capacity);
    for (let slot = 0; slot < oldUsed.length; slot++) {
      if (oldUsed[slot] !== 1) continue;
      key.set(oldWords.subarray(slot * 4, slot * 4 + 4));
      const free = slotOf(words, used, capacity - 1);
      words.set(key, free * 4);
      values[free] = oldValues[slot] as number;
      used[free] = 1;
    }
  }

  /** The key's value, or -1 when it is not in the table. */
  function get(text: string): number {
    decode(text);
    const slot = slotOf(words, used, capacity - 1);
    return used[slot] === 1 ? (values[slot] as number) : -1;
  }

  /** Sets the key's value (a 32-bit integer, not -1). */
  function set(text: string, value: number): void {
    decode(text);
    const slot = slotOf(words, used, capacity - 1);
    values[slot] = value;
    if (used[slot] === 1) return;
    words.set(key, slot * 4);
    used[slot] = 1;
    if (++size * 2 > capacity) grow();
  }

  return {
    get size() {
      return size;
    },
    get,
    set,
    has: (text: string): boolean => get(text) !== -1,
    /** Adds the key; false when it was there already. */
    add(text: string): boolean {
      if (get(text) !== -1) return false;
      set(text, 0);
      return true;
    },
  };
}
