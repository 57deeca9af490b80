import { applyLabels, labelAnnotators, labelHistory, redoLabels, undoLabels } from '../../../db/queries/labels';
import type { Temperature } from '../../../shared/domain/temperature';
import type { Handlers, HandlerContext } from '../context';
import { workspaceSettings } from '../defaults';

const annotator = ({ store }: HandlerContext): string => workspaceSettings(store).annotator;

export const labelHandlers = {
  'labels.set': ({ ids, temperature, kind }, context) =>
    applyLabels(context.store.sqlite, ids, { temperature: temperature as Temperature | null | undefined, kind }, annotator(context), Date.now()),
  'labels.undo': (_input, context) => undoLabels(context.store.sqlite, annotator(context)),
  'labels.redo': (_input, context) => redoLabels(context.store.sqlite, annotator(context)),
  'labels.history': ({ messageId }, { store }) => labelHistory(store.sqlite, messageId),
  'labels.annotators': (_input, { store }) => labelAnnotators(store.sqlite),
} satisfies Partial<Handlers>;
