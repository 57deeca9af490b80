import { defineHandlers } from '../runtime/define-handlers';
import type { JobProgress } from '../runtime/jobs';
import { runInWorker } from '../runtime/workers';
import type { DemoThreadData } from './demo-thread';
import type { DemoResult } from '../../../shared/api/contract';

export const DEFAULT_DEMO_MESSAGES = 3000;

export const demoHandlers = defineHandlers({
  'demo.create': ({ messages, seed }, { store, jobs, options, writes }) => {
    const data: DemoThreadData = {
      workspacePath: store.path,
      nativeBinding: options.nativeBinding,
      messages: messages ?? DEFAULT_DEMO_MESSAGES,
      seed: seed ?? 2026,
    };
    return {
      jobId: jobs.start('demo', (context) =>
        writes.job(context, () =>
          runInWorker<JobProgress, DemoResult>('demo', data, options, context.signal, context.progress, 'The demo'),
        ),
      ),
    };
  },
});
