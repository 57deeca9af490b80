import { defineHandlers } from '../runtime/define-handlers';

export const jobHandlers = defineHandlers({
  'jobs.cancel': ({ jobId }, { jobs }) => ({ cancelled: jobs.cancel(jobId) }),
});
