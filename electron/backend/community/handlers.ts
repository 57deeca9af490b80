import { listSnapshots, recordSnapshot, removeSnapshot } from '../../../db/queries/community';
import { notFound } from '../runtime/context';
import { defineHandlers } from '../runtime/define-handlers';

export const communityHandlers = defineHandlers({
  'community.list': ({ from, to }, { store }) => listSnapshots(store.sqlite, from, to),
  'community.record': (snapshot, { store, writes }) =>
    writes.write(() =>
      recordSnapshot(store.sqlite, {
        ...snapshot,
        followers: snapshot.followers ?? null,
        members: snapshot.members ?? null,
        activeMembers: snapshot.activeMembers ?? null,
      }),
    ),
  'community.remove': ({ id }, { store, writes }) =>
    writes.write(() => {
      if (!removeSnapshot(store.sqlite, id)) throw notFound('snapshot', id);
      return { id };
    }),
});
