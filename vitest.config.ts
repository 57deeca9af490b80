import { defineConfig } from 'vitest/config';
import SummaryReporter from './tests/helpers/summary-reporter';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores here: end-to-end files each start a browser; keep the pool small.
    maxWorkers: 2,
    reporters: ['default', new SummaryReporter()],
  },
});
