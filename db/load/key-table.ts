export const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const SEXTET = new Int8Array(128).fill(-1);
for (let i = 0; i < BASE64URL.length; i++) SEXTET[BASE64URL.charCodeAt(i)] = i;

/** The 6 bits a base64url character stands for, or -1. */
function sextet(text: string, at: number): number {
  const code = text.charCodeAt(at);
  return code < 128 ? (SEXTET[code] as number) : -1;
}

/** Four characters from `at`: three bytes, or -1 when one is not base64url. */
function group(text: string, at: number): number {
  const a = sextet(text, at),
    b = sextet(text, at + 1),
    c = sextet(text, at + 2),
    d = sextet(text, at + 3);
  return (a | b | c | d) < 0 ? -1 : (a << 18) | (b << 12) | (c << 6) | d;
}

/** A slot's value when it holds no key. */
const FREE = -1;

const rotl = (x: number, r: number): number => (x << r) | (x >>> (32 - r));
const fmix = (h: number): number => {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
};

/** The code units at `i` and `i + 1` as one word (0 past the end). */
const word = (text: string, i: number): number =>
  text.charCodeAt(i) | (i + 1 < text.length ? text.charCodeAt(i + 1) << 16 : 0);

/**
 * MurmurHash3 (x86, 128 bits) of a text's UTF-16 code units, two to a 32-bit word: for keys of
 * one load, never stored, where a SHA-256 per key (through a base64 string) cost several times as much.
 * Sets the four words `out` holds.
 */
function hashText(text: string, out: Uint32Array): void {
  const C1 = 0x239b961b,
    C2 = 0xab0e9789,
    C3 = 0x38b34ae5,
    C4 = 0xa1e38b93;
  let h1 = 0,
    h2 = 0,
    h3 = 0,
    h4 = 0;
  const blocks = text.length - (text.length % 8);
  for (let i = 0; i < blocks; i += 8) {
    h1 ^= Math.imul(rotl(Math.imul(word(text, i), C1), 15), C2);
    h1 = (Math.imul(rotl(h1, 19) + h2, 5) + 0x561ccd1b) | 0;
    h2 ^= Math.imul(rotl(Math.imul(word(text, i + 2), C2), 16), C3);
    h2 = (Math.imul(rotl(h2, 17) + h3, 5) + 0x0bcaa747) | 0;
    h3 ^= Math.imul(rotl(Math.imul(word(text, i + 4), C3), 17), C4);
    h3 = (Math.imul(rotl(h3, 15) + h4, 5) + 0x96cd1c35) | 0;
    h4 ^= Math.imul(rotl(Math.imul(word(text, i + 6), C4), 18), C1);
    h4 = (Math.imul(rotl(h4, 13) + h1, 5) + 0x32ac3b17) | 0;
  }
  // The last one to seven code units, in up to four words.
  const tail = text.length - blocks;
  if (tail > 6) h4 ^= Math.imul(rotl(Math.imul(word(text, blocks + 6), C4), 18), C1);
  if (tail > 4) h3 ^= Math.imul(rotl(Math.imul(word(text, blocks + 4), C3), 17), C4);
  if (tail > 2) h2 ^= Math.imul(rotl(Math.imul(word(text, blocks + 2), C2), 16), C3);
  if (tail > 0) h1 ^= Math.imul(rotl(Math.imul(word(text, blocks), C1), 15), C2);
  const length = text.length * 2;
  h1 ^= length;
  h2 ^= length;
  h3 ^= length;
  h4 ^= length;
  h1 = (h1 + h2 + h3 + h4) | 0;
  h2 = (h2 + h1) | 0;
  h3 = (h3 + h1) | 0;
  h4 = (h4 + h1) | 0;
  h1 = fmix(h1);
  h2 = fmix(h2);
  h3 = fmix(h3);
  h4 = fmix(h4);
  h1 = (h1 + h2 + h3 + h4) | 0;
  out[0] = h1;
  out[1] = h2 + h1;
  out[2] = h3 + h1;
  out[3] = h4 + h1;
}

/** A digest's 16 bytes as four big-endian words: five groups of three bytes, then one from the last two characters. */
function decodeDigest(text: string, out: Uint32Array): void {
  const g0 = group(text, 0),
    g1 = group(text, 4),
    g2 = group(text, 8),
    g3 = group(text, 12),
    g4 = group(text, 16);
  const y = sextet(text, 20),
    z = sextet(text, 21);
  if (text.length !== 22 || (g0 | g1 | g2 | g3 | g4 | y | z) < 0) throw new Error(`not a dedupe key: "${text}"`);
  out[0] = (g0 << 8) | (g1 >>> 16);
  out[1] = ((g1 & 0xffff) << 16) | (g2 >>> 8);
  out[2] = ((g2 & 0xff) << 24) | g3;
  out[3] = (g4 << 8) | (y << 2) | (z >>> 4);
}

/**
 * Keys to numbers, each key kept as 16 bytes (four 32-bit words) beside its value in one
 * open-addressed table: a million keys in 40 MB with nothing for the garbage collector to walk,
 * where a Map of strings takes three times that and slows every collection. The keys are
 * `digest`s, 16 bytes in 22 base64url characters (dedupe keys: SHA-256 prefixes, decoded), or
 * any `text`, hashed to 128 bits here (hashText: an author's network and handle). Each call
 * decodes and probes once (a load asks a million times). Filled up to three quarters before it
 * doubles (the keys are uniformly random, so probes stay short): a 1 GB file's 4.4 million keys in
 * 168 MB, not 352.
 */
export function createKeyTable(keys: 'digest' | 'text' = 'digest') {
  let capacity = 1 << 16;
  let words = new Uint32Array(capacity * 4);
  let values = new Int32Array(capacity).fill(FREE);
  let size = 0;

  /** The key being looked up, as four words. */
  const key = new Uint32Array(4);
  const decode = keys === 'text' ? hashText : decodeDigest;

  /** The slot holding the decoded key, or the free one where it would go. */
  function slotOf(): number {
    const mask = capacity - 1;
    const k0 = key[0] as number,
      k1 = key[1] as number,
      k2 = key[2] as number,
      k3 = key[3] as number;
    let slot = (k0 ^ Math.imul(k1, 0x9e3779b1)) & mask;
    while (values[slot] !== FREE) {
      const at = slot * 4;
      if (words[at] === k0 && words[at + 1] === k1 && words[at + 2] === k2 && words[at + 3] === k3) return slot;
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  function place(slot: number, value: number): void {
    if (value === FREE) throw new Error('a key table cannot hold -1');
    // Four stores: cheaper than the call of words.set(key, at) (a million keys a load).
    const at = slot * 4;
    words[at] = key[0] as number;
    words[at + 1] = key[1] as number;
    words[at + 2] = key[2] as number;
    words[at + 3] = key[3] as number;
    values[slot] = value;
  }

  function grow(): void {
    const [oldWords, oldValues] = [words, values];
    capacity *= 2;
    words = new Uint32Array(capacity * 4);
    values = new Int32Array(capacity).fill(FREE);
    for (let slot = 0; slot < oldValues.length; slot++) {
      if (oldValues[slot] === FREE) continue;
      for (let i = 0; i < 4; i++) key[i] = oldWords[slot * 4 + i] as number;
      place(slotOf(), oldValues[slot] as number);
    }
  }

  /** Stores a new key's value (a 32-bit integer, not -1) in its free slot. */
  function insert(slot: number, value: number): void {
    place(slot, value);
    if (++size * 4 > capacity * 3) grow();
  }

  /** The key's value, or -1 when it is not in the table. */
  function get(text: string): number {
    decode(text, key);
    const slot = slotOf();
    return values[slot] as number;
  }

  /** The key's value; when it is not in the table, -1, and `value` is stored for it. */
  function getOrAdd(text: string, value: number): number {
    decode(text, key);
    const slot = slotOf();
    if (values[slot] !== FREE) return values[slot] as number;
    insert(slot, value);
    return -1;
  }

  return {
    get size() {
      return size;
    },
    get,
    getOrAdd,
    /** Sets the key's value (a 32-bit integer, not -1). */
    set(text: string, value: number): void {
      decode(text, key);
      const slot = slotOf();
      if (values[slot] !== FREE) values[slot] = value;
      else insert(slot, value);
    },
    has: (text: string): boolean => get(text) !== -1,
    /** Adds the key; false when it was there already. */
    add: (text: string): boolean => getOrAdd(text, 0) === -1,
  };
}
