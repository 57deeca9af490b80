import type Database from 'better-sqlite3';
import { copyLog } from './checkpoint';
import { previewRules } from '../../../db/queries/entities';
import { countMessages } from '../../../db/queries/messages';
import { suggestionsFor } from '../../../db/queries/label-model';
import { periodCosts, roiAggregates } from '../../../db/queries/roi';
import {
  kpiAuthorAggregates,
  kpiPeriodAggregates,
  kpiSummaryAggregates,
  kpiTopicAggregates,
  type Range,
} from '../../../db/queries/kpis';
import type { MessageFilter } from '../../../shared/api/messages';

type Period = MessageFilter & { from: string; to: string };

/**
 * The long reads that run in the read workers (counts, KPIs, the rules preview over every
 * message), and the log's checkpoints, each on its own connection, so the main thread keeps
 * answering (labels, pages) and two cores share a dashboard's work. Each is a plain query function; arguments and
 * results
 * cross threads as structured clones.
 */
export const READS = {
  count: (sqlite: Database.Database, filter: MessageFilter, timeZone: string) =>
    countMessages(sqlite, filter, timeZone),
  kpiSummary: (sqlite: Database.Database, filter: Period, timeZone: string, range: Range) =>
    kpiSummaryAggregates(sqlite, filter, timeZone, range),
  kpiTopics: (sqlite: Database.Database, filter: Period, timeZone: string, range: Range) =>
    kpiTopicAggregates(sqlite, filter, timeZone, range),
  kpiPeriod: (sqlite: Database.Database, filter: Period, timeZone: string, range: Range) =>
    kpiPeriodAggregates(sqlite, filter, timeZone, range),
  kpiAuthors: (sqlite: Database.Database, filter: Period, timeZone: string, range: Range) =>
    kpiAuthorAggregates(sqlite, filter, timeZone, range),
  kpiRoi: (sqlite: Database.Database, from: string, to: string, range: Range) => ({
    ...roiAggregates(sqlite, range),
    costs: periodCosts(sqlite, from, to),
  }),
  rulesPreview: (sqlite: Database.Database, rules: string[]) => previewRules(sqlite, rules),
  /** The grid's suggested labels: the model learnt (again, now and then) from the labels, on this connection. */
  suggestions: (sqlite: Database.Database, ids: number[]) => suggestionsFor(sqlite, ids),
  /** Not a read, but work that must not happen on the main thread either: see ReadPool.checkpointSoon. */
  checkpoint: (sqlite: Database.Database) => copyLog(sqlite),
};
export type ReadName = keyof typeof READS;
type Rest<F> = F extends (sqlite: Database.Database, ...args: infer A) => unknown ? A : never;
export type ReadArgs<K extends ReadName> = Rest<(typeof READS)[K]>;
export type ReadResult<K extends ReadName> = ReturnType<(typeof READS)[K]>;

export interface ReadRequest {
  id: number;
  name: ReadName;
  args: unknown[];
}
export type ReadResponse = { id: number; result: unknown } | { id: number; error: string };
