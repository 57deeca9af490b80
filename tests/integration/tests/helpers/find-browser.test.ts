import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe("npm test's browser", () => {
  it('is looked for before any test runs: none found, the run stops with one line saying how to get one', () => {
    const run = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', 'tests/e2e/labeling.test.ts'], {
      encoding: 'utf8',
      env: { ...process.env, CHROMIUM_PATH: '/nonexistent/chromium', CI: 'true' },
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([
      'End-to-end tests need a browser (CHROMIUM_PATH=/nonexistent/chromium does not exist): install one (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH',
    ]);
    expect(run.stdout).not.toMatch(/FAIL|Error:/);
  });
});
