import { writeDemo } from '../demo/write';
import type { Handlers } from '../context';

export const DEFAULT_DEMO_MESSAGES = 3000;

export const jobHandlers = {
  'demo.create': ({ messages, seed }, { store, jobs }) => ({
    jobId: jobs.start('demo', (context) => writeDemo(store, messages ?? DEFAULT_DEMO_MESSAGES, seed ?? 2026, context)),
  }),
  'jobs.cancel': ({ jobId }, { jobs }) => ({ cancelled: jobs.cancel(jobId) }),
} satisfies Partial<Handlers>;
