import { listEntities, listTopics, saveEntity, saveTopic } from '../../../db/queries/entities';
import type { Handlers } from '../context';
import { changeRulesAndRematch } from '../rematch';

export const entityHandlers = {
  'entities.list': ({ mentions }, { store }) => listEntities(store.sqlite, mentions ?? true),
  'entities.save': (entity, { store, jobs }) => {
    const change = () => saveEntity(store.sqlite, entity);
    return { jobId: jobs.start('rematch', (context) => changeRulesAndRematch(store.sqlite, change, context)) };
  },
  'rules.preview': ({ rules }, { reads }) => reads.read('rulesPreview', rules),
  'topics.list': ({ mentions }, { store }) => listTopics(store.sqlite, mentions ?? true),
  'topics.save': (topic, { store, jobs }) => {
    const change = () => saveTopic(store.sqlite, topic);
    return { jobId: jobs.start('rematch', (context) => changeRulesAndRematch(store.sqlite, change, context)) };
  },
} satisfies Partial<Handlers>;
