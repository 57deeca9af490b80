import { listEntities, listTopics } from '../../../db/queries/entities';
import type { HandlerContext } from '../runtime/context';
import { defineHandlers } from '../runtime/define-handlers';
import type { JobProgress } from '../runtime/jobs';
import { runInWorker } from '../runtime/workers';
import type { RematchThreadData } from './rematch-thread';
import type { RuleChange } from './rematch';

/** Saving rules is a write that a job carries out: the rematch, in its own thread, after the writes before it. */
function saveRules(change: RuleChange, { store, jobs, options, writes }: HandlerContext): { jobId: string } {
  return {
    jobId: jobs.start('rematch', (context) =>
      writes.durableJob(context, (appliedWrite) => {
        const data: RematchThreadData = {
          workspacePath: store.path,
          nativeBinding: options.nativeBinding,
          change,
          appliedWrite,
        };
        return runInWorker<JobProgress, { messages: number }>(
          'rematch',
          data,
          options,
          context.signal,
          context.progress,
          'The rematch',
        );
      }),
    ),
  };
}

export const entityHandlers = defineHandlers({
  'entities.list': ({ mentions }, { store }) => listEntities(store.sqlite, mentions ?? true),
  'entities.save': (entity, context) => saveRules({ entity }, context),
  'rules.preview': ({ rules }, { reads }) => reads.read('rulesPreview', rules),
  'topics.list': ({ mentions }, { store }) => listTopics(store.sqlite, mentions ?? true),
  'topics.save': (topic, context) => saveRules({ topic }, context),
});
