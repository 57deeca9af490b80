import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { setFuses } from '../../../scripts/fuses';
import { tempFolder } from '../../helpers/files';

// Where Electron keeps its fuses: a sentinel, the wire's version (1) and length, then one byte per fuse, '1' on and
// '0' off. Electron 41 has nine, all as Electron ships them: RunAsNode on, cookie encryption off, and so on.
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const SHIPPED = '101100011';

function binaryWith(wire: string): string {
  const path = join(tempFolder(), 'pulso');
  const fuses = Buffer.concat([Buffer.from(SENTINEL), Buffer.from([1, wire.length]), Buffer.from(wire)]);
  writeFileSync(path, Buffer.concat([randomBytes(4096), fuses, randomBytes(4096)]));
  return path;
}

const wireOf = (path: string): string => {
  const bytes = readFileSync(path);
  const at = bytes.indexOf(SENTINEL) + SENTINEL.length;
  return bytes.toString('latin1', at + 2, at + 2 + (bytes[at + 1] as number));
};

describe('the fuses script for a packaged app', () => {
  it("flips the binary's fuses to the policy and leaves the ones it does not name as shipped", async () => {
    const binary = binaryWith(SHIPPED);
    const before = readFileSync(binary);
    expect(await setFuses(binary)).toEqual({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      GrantFileProtocolExtraPrivileges: false,
    });
    // Fuse 6 (a browser-only V8 snapshot) and 8 (WebAssembly trap handlers) stay as Electron ships them.
    expect(wireOf(binary)).toBe('010011001');
    const after = readFileSync(binary);
    expect(after.length).toBe(before.length);
    expect(after.subarray(0, 4096).equals(before.subarray(0, 4096))).toBe(true);
  });

  it('refuses a file that is not an Electron binary', async () => {
    const path = join(tempFolder(), 'notepad');
    writeFileSync(path, randomBytes(1000));
    await expect(setFuses(path)).rejects.toThrow(/Could not find sentinel/);
  });
});
