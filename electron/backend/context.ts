import type { OpenOptions, Store } from '../../db/open';
import type { CallName, CallOutput, ParsedInput } from '../../shared/api/contract';
import type { ReadPool } from './read-pool';
import type { Jobs } from './jobs';
import type { WorkerOptions } from './workers';

export type FilePurpose = 'import' | 'rejects' | 'chartPng' | 'chartSvg';

/** What the host gives the back end: store and worker locations, and the OS file dialog. */
export interface BackendOptions extends OpenOptions, WorkerOptions {
  chooseFile?: (purpose: FilePurpose, suggestedName?: string) => Promise<string | null>;
  /** How long after the app's writes the log is copied into the database (ReadPool.checkpointSoon). */
  checkpointAfterMs?: number | undefined;
}

/** What every handler gets besides its validated input. */
export interface HandlerContext {
  store: Store;
  jobs: Jobs;
  options: BackendOptions;
  /** Long reads (the grid's counts, KPIs) in worker threads. */
  reads: ReadPool;
}

export type Handler<K extends CallName> = (input: ParsedInput<K>, context: HandlerContext) => CallOutput<K> | Promise<CallOutput<K>>;
export type Handlers = { [K in CallName]: Handler<K> };

/** A handler for a missing thing; the binding turns it into a 'not-found' error. */
export class NotFound extends Error {
  override name = 'NotFound';
}
