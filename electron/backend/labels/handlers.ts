import { applyLabels, labelAnnotators, labelHistory, redoLabels, undoLabels } from '../../../db/queries/labels';
import type { Temperature } from '../../../shared/domain/temperature';
import type { HandlerContext } from '../runtime/context';
import { workspaceSettings } from '../runtime/defaults';
import { defineHandlers } from '../runtime/define-handlers';
import { acceptSuggestions } from './suggestions';

const annotator = ({ store }: HandlerContext): string => workspaceSettings(store).annotator;

export const labelHandlers = defineHandlers({
  'labels.set': ({ ids, temperature, kind }, context) =>
    context.writes.write((at) =>
      applyLabels(
        context.store.sqlite,
        ids,
        { temperature: temperature as Temperature | null | undefined, kind },
        annotator(context),
        at,
      ),
    ),
  'labels.undo': (_input, context) => context.writes.write(() => undoLabels(context.store.sqlite, annotator(context))),
  'labels.redo': (_input, context) => context.writes.write(() => redoLabels(context.store.sqlite, annotator(context))),
  'labels.history': ({ messageId }, { store }) => labelHistory(store.sqlite, messageId),
  'labels.annotators': (_input, { store }) => labelAnnotators(store.sqlite),
  // In a read worker: learning from the labels takes a few tenths of a second at a million messages.
  'labels.suggestions': ({ ids }, { reads }) => reads.read('suggestions', ids),
  'labels.acceptSuggestions': async ({ ids }, context) => {
    const suggestions = await context.reads.read('suggestions', ids);
    return context.writes.write((at) => acceptSuggestions(context.store.sqlite, suggestions, annotator(context), at));
  },
});
