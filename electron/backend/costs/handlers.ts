import { costEntry, periodCosts, setCosts } from '../../../db/queries/roi';
import { defineHandlers } from '../runtime/define-handlers';

export const costHandlers = defineHandlers({
  'costs.set': (entry, { store, writes }) =>
    writes.write(() => {
      setCosts(store.sqlite, entry);
      return periodCosts(store.sqlite, entry.from, entry.to);
    }),
  'costs.get': ({ from, to }, { store }) => periodCosts(store.sqlite, from, to),
  'costs.entry': ({ from, to }, { store }) => costEntry(store.sqlite, from, to),
});
