/** Where the last whole UTF-8 sequence of `bytes` ends: a chunk may stop inside a character. */
export function wholeSequencesEnd(bytes: Uint8Array): number {
  for (let back = 1; back <= 3 && bytes.length - back >= 0; back++) {
    const byte = bytes[bytes.length - back] as number;
    if ((byte & 0xc0) === 0xc0) {
      const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return back < needed ? bytes.length - back : bytes.length;
    }
    if ((byte & 0x80) === 0) return bytes.length;
  }
  return bytes.length;
}

/** The index of the first byte that is not valid UTF-8, or -1 (only asked once a chunk has failed the fast check). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const byte = bytes[i] as number;
    const length =
      byte < 0x80
        ? 1
        : byte >= 0xc2 && byte <= 0xdf
          ? 2
          : byte >= 0xe0 && byte <= 0xef
            ? 3
            : byte >= 0xf0 && byte <= 0xf4
              ? 4
              : 0;
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) if (((bytes[i + k] as number) & 0xc0) !== 0x80) return i;
    const second = bytes[i + 1] as number;
    if (
      (byte === 0xe0 && second < 0xa0) ||
      (byte === 0xed && second > 0x9f) ||
      (byte === 0xf0 && second < 0x90) ||
      (byte === 0xf4 && second > 0x8f)
    )
      return i;
    i += length;
  }
  return -1;
}
