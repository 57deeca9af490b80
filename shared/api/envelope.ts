import type { Problem } from './refusals';

/** What crosses the process boundary: a result or an error, never a thrown exception. */
export type ErrorCode = 'unknown-call' | 'invalid-input' | 'not-found' | 'refused' | 'password-required' | 'failed';

export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  /** For invalid input: one line per offending field, "path: problem". */
  issues?: string[];
  /** Why, as data (a file an import cannot read, a refusal): the UI says it in its language (problemText). */
  problem?: Problem;
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly issues: string[];
  readonly problem: Problem | undefined;
  constructor(body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.code = body.code;
    this.issues = body.issues ?? [];
    this.problem = body.problem;
  }
}

export type JobState = 'started' | 'progress' | 'finished' | 'failed' | 'cancelled';
/** 'waiting': another job holds the store's write lock; this one starts when it ends. */
/** Besides plain progress: opening the file before rows come, building indexes at the end, waiting for the writer. */
export type JobStage = 'starting' | 'indexing' | 'waiting';

export interface JobEvent {
  jobId: string;
  kind: string;
  state: JobState;
  /** Progress in the job's unit (bytes of a text file, rows otherwise) … */
  done?: number;
  total?: number;
  /** … and, where they differ, the records handled so far. */
  rows?: number;
  /**
   * Set once a load's rows are all in and it builds its indexes (a large import's last quarter):
   * done and total then count those steps, rows stays the records read.
   */
  stage?: JobStage;
  message?: string;
  /** Why a job failed, as data: as ApiErrorBody.problem. */
  problem?: Problem;
  result?: unknown;
}

/**
 * What a write call answers when a job holds the store's write lock: the write is kept on disk
 * and applied, in order, as soon as the lock is free (a `writes` event says when none wait).
 */
export interface PendingWrite {
  pending: true;
  /** Writes waiting, this one included. */
  waiting: number;
}

export const isPending = (value: unknown): value is PendingWrite =>
  typeof value === 'object' && value !== null && (value as { pending?: unknown }).pending === true;

export type ApiEvent =
  | { type: 'job'; job: JobEvent }
  /** How many writes wait for the write lock; `failed` names one that could not be applied when its turn came. */
  | { type: 'writes'; pending: number; failed?: { call: string; message: string; problem?: Problem | undefined } }
  | { type: 'workspace-changed'; path: string };

/** The only thing the preload exposes to the renderer (and the test bridge stands in for). */
export interface PulsoBridge {
  invoke(name: string, input: unknown): Promise<Envelope<unknown>>;
  onEvent(listener: (event: ApiEvent) => void): () => void;
  /** A token for a file dropped on the window (the desktop app only): pages name files by token, never by path. */
  dropFile?(file: File): Promise<Envelope<{ path: string; name: string }>>;
}
