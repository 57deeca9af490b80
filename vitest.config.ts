import { defineConfig } from 'vitest/config';
import SummaryReporter from './tests/helpers/summary-reporter';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // A browser for the end-to-end tests is found (or installed) before any test runs, or the run stops saying how to
    // get one.
    globalSetup: ['tests/helpers/find-browser.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores here: end-to-end files each start a browser; keep the pool small.
    maxWorkers: 2,
    // A worker thread run from TypeScript source (the grid's counts) takes seconds to start on a busy 2-core
    // machine with a fresh clone's cold compile cache (a CI run once waited more than 5 s). A poll ends as
    // soon as it holds, so the longer limit costs nothing when things are quick.
    expect: { poll: { timeout: 15_000 } },
    reporters: ['default', new SummaryReporter()],
  },
});
