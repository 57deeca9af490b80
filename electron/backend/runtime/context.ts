import type { OpenOptions, Store } from '../../../db/open';
import { ProblemError, type Refusal, type Thing } from '../../../shared/api/refusals';
import type { CallName, CallOutput, ParsedInput } from '../../../shared/api/contract';
import type { ReadPool } from './read-pool';
import type { Jobs } from './jobs';
import type { WorkerOptions } from './workers';
import type { Writer, Writes } from './writer';

export type FilePurpose =
  | 'import'
  | 'rejects'
  | 'chartPng'
  | 'chartSvg'
  | 'reportXlsx'
  | 'reportPptx'
  | 'logo'
  | 'casesExport'
  | 'personJson'
  | 'gridExport'
  | 'backup';

/** What the host gives the back end: store and worker locations, and the OS file dialog. */
export interface BackendOptions extends OpenOptions, WorkerOptions {
  chooseFile?: (purpose: FilePurpose, suggestedName?: string) => Promise<string | null>;
  /** The font the deck's pictures are drawn with; by default the one in resources/fonts. */
  fontFile?: string | undefined;
  /** Shows a file in the system's file manager (the shell's; absent headless). */
  revealFile?: (path: string) => void;
  /** Opens a web page in the system's browser (the shell's; absent headless): never in the app's window. */
  openExternal?: (url: string) => void;
  /**
   * How long a write on this thread may wait for another's write lock: 0 in the app (the write is kept for later
   * instead).
   */
  lockWaitMs?: number | undefined;
  /** How long the wizard's first look at a file may take (tests shorten it). */
  inspectTimeLimitMs?: number | undefined;
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
  /** Every write goes through these (the write rule: runtime/writer.ts). */
  writes: Writes;
  /** The writes that wait for the write lock, for showing them as pending. */
  writer: Pick<Writer, 'waitingInputs'>;
}

export type Handler<K extends CallName> = (
  input: ParsedInput<K>,
  context: HandlerContext,
) => CallOutput<K> | Promise<CallOutput<K>>;
export type Handlers = { [K in CallName]: Handler<K> };

/** A handler for a missing thing; the binding turns it into a 'not-found' error. */
export class NotFound extends ProblemError<Refusal> {
  override name = 'NotFound';
}

/** The thing a call named by its id, missing from the workspace. */
export const notFound = (thing: Thing, id: number | string): NotFound =>
  new NotFound({ refusal: 'not-found', thing, id: String(id) });

/** A call the store cannot do as asked (a lead from no message): the binding turns it into a 'refused' error. */
export class Refused extends ProblemError<Refusal> {
  override name = 'Refused';
}
