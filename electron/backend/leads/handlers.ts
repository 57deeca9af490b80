import type Database from 'better-sqlite3';
import {
  createLead,
  leadDetail,
  leadExists,
  linkMessages,
  listLeads,
  setLeadStage,
  updateLead,
} from '../../../db/queries/leads';
import { listDeals, matchDeal } from '../../../db/queries/deals';
import { dayStart } from '../../../shared/domain/time';
import { notFound, Refused, type HandlerContext } from '../runtime/context';
import { namedMessages } from '../runtime/named-messages';
import { workspaceSettings } from '../runtime/defaults';
import { defineHandlers } from '../runtime/define-handlers';

/** A day given (YYYY-MM-DD, in the workspace's zone) as the instant it starts, or the time the write was asked. */
const dayOrNow = (context: HandlerContext, day: string | undefined, now: number): number =>
  day === undefined ? now : dayStart(day, workspaceSettings(context.store).timeZone);

const mustExist = (sqlite: Database.Database, lead: number): void => {
  if (!leadExists(sqlite, lead)) throw notFound('lead', lead);
};

export const leadHandlers = defineHandlers({
  'leads.list': ({ stage }, { store }) => listLeads(store.sqlite, stage),
  'leads.get': ({ lead }, { store }) => {
    const detail = leadDetail(store.sqlite, lead);
    if (!detail) throw notFound('lead', lead);
    return detail;
  },
  'leads.create': ({ messageIds, externalIds, at, ...lead }, context) =>
    context.writes.write((now) => {
      const sqlite = context.store.sqlite;
      const messages = namedMessages(sqlite, { messageIds, externalIds });
      if (messages.length === 0) throw new Refused({ refusal: 'lead-no-message' });
      const by = workspaceSettings(context.store).annotator;
      return sqlite.transaction(() => ({
        lead: createLead(sqlite, { ...lead, at: dayOrNow(context, at, now) }, messages, by),
      }))();
    }),
  'leads.link': ({ lead, ...ids }, context) =>
    context.writes.write(() => {
      const sqlite = context.store.sqlite;
      mustExist(sqlite, lead);
      const by = workspaceSettings(context.store).annotator;
      return { lead, linked: linkMessages(sqlite, lead, namedMessages(sqlite, ids), by) };
    }),
  'leads.update': ({ lead, ...fields }, context) =>
    context.writes.write(() => {
      mustExist(context.store.sqlite, lead);
      updateLead(context.store.sqlite, lead, fields);
      return { lead };
    }),
  'leads.deals': ({ state }, { store }) => listDeals(store.sqlite, state),
  'leads.matchDeal': ({ deal, lead }, context) =>
    context.writes.write(() => {
      mustExist(context.store.sqlite, lead);
      if (!matchDeal(context.store.sqlite, deal, lead)) throw notFound('deal', deal);
      return { deal, lead };
    }),
  'leads.stage': ({ lead, stage, at }, context) =>
    context.writes.write((now) => {
      const sqlite = context.store.sqlite;
      mustExist(sqlite, lead);
      const by = workspaceSettings(context.store).annotator;
      return { lead, changed: setLeadStage(sqlite, lead, stage, dayOrNow(context, at, now), by) };
    }),
});
