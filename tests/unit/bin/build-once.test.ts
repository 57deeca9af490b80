import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script, run by node as it is (no types)
import { electronViteBin } from '../../../bin/build-once.mjs';

describe("the CLI's first run in a checkout never built", () => {
  it("finds electron-vite's command line, which the package does not export by path", () => {
    const bin = (electronViteBin as () => string)();
    expect(existsSync(bin)).toBe(true);
    expect(readFileSync(bin, 'utf8')).toMatch(/^#!\/usr\/bin\/env node/);
  });
});
