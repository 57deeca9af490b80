import type { RematchResult } from '../../../shared/api/contract';
import { listEntities, listTopics, renameTracked, type TrackedKind } from '../../../db/queries/entities';
import { notFound, Refused, type HandlerContext } from '../runtime/context';
import { defineHandlers } from '../runtime/define-handlers';
import type { JobProgress } from '../runtime/jobs';
import { runInWorker } from '../runtime/workers';
import type { RematchThreadData } from './rematch-thread';
import type { RuleChange } from './rematch';

/**
 * Saving rules (or deleting an entity or topic) is a write that a job carries out: the rematch, in its own thread,
 * after the writes before it.
 */
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
        return runInWorker<JobProgress, RematchResult>(
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

/** A rename of an entity or topic, refused when another already has the name. */
function rename(kind: TrackedKind, { id, name }: { id: number; name: string }, { store, writes }: HandlerContext) {
  return writes.write(() => {
    const renamed = renameTracked(store.sqlite, kind, id, name);
    if (renamed === 'taken') throw new Refused({ refusal: `${kind}-name-taken`, name });
    if (renamed === 'gone') throw notFound(kind, id);
    return { id, name };
  });
}

export const entityHandlers = defineHandlers({
  'entities.rename': (input, context) => rename('entity', input, context),
  'topics.rename': (input, context) => rename('topic', input, context),
  'entities.delete': ({ id }, context) => saveRules({ remove: { kind: 'entity', id } }, context),
  'topics.delete': ({ id }, context) => saveRules({ remove: { kind: 'topic', id } }, context),
  'entities.list': ({ mentions }, { store }) => listEntities(store.sqlite, mentions ?? true),
  'entities.save': (entity, context) => saveRules({ entity }, context),
  'rules.preview': ({ rules }, { reads }) => reads.read('rulesPreview', rules),
  'topics.list': ({ mentions }, { store }) => listTopics(store.sqlite, mentions ?? true),
  'topics.save': (topic, context) => saveRules({ topic }, context),
});
