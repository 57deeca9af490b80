import { type ZodError } from 'zod';
import type { Store } from '../../db/open';
import { contract, type CallName } from '../../shared/api/contract';
import type { ApiErrorBody, ApiEvent, Envelope, ErrorCode } from '../../shared/api/envelope';
import type { BackendOptions, HandlerContext } from './runtime/context';
import { handlers } from './handlers';
import { createReadPool } from './runtime/read-pool';
import { createJobs } from './runtime/jobs';
import { workersFinished } from './runtime/workers';
import { openWorkspace, upgradeWorkspace } from './runtime/workspace-file';
import { createWriter, type Writer } from './runtime/writer';
import { diskFullMessage, isDiskFull } from './runtime/disk-full';
import { openPendingQueue } from '../../db/pending';
import { problemOf } from '../../shared/api/refusals';

export interface Backend {
  /** Validates `input` against the contract, runs the handler, never throws. */
  invoke(name: string, input: unknown): Promise<Envelope<unknown>>;
  onEvent(listener: (event: ApiEvent) => void): () => void;
  /**
   * Switches to another workspace file, upgraded first as openBackend does (the shell's menu; never a renderer call).
   */
  open(path: string): Promise<void>;
  readonly workspacePath: string;
  close(): Promise<void>;
}

/** The app's way in: a workspace from an earlier Pulso is upgraded off this thread first (upgradeWorkspace). */
export async function openBackend(workspacePath: string, options: BackendOptions = {}): Promise<Backend> {
  await upgradeWorkspace(workspacePath, options);
  return createBackend(workspacePath, options);
}

export function createBackend(workspacePath: string, options: BackendOptions = {}): Backend {
  const listeners = new Set<(event: ApiEvent) => void>();
  const emit = (event: ApiEvent): void => {
    // A job on this thread (the demo, a rematch) writes after its call has returned.
    if (event.type === 'job' && event.job.state !== 'started') afterWrites();
    listeners.forEach((listener) => listener(event));
  };
  const jobs = createJobs(emit);
  let store = openWorkspace(workspacePath, options);
  let reads = createReadPool(store.path, options);
  const context = (): Omit<HandlerContext, 'writes'> => ({ store, jobs, options, reads, writer });
  let writer = startWriter();
  /** The write rule's lane for the open store; what a crash left waiting is applied first. */
  function startWriter(): Writer {
    const next = createWriter({
      sqlite: store.sqlite,
      queue: openPendingQueue(store.path, options.nativeBinding),
      perform: async (entry, writes) => {
        const result = await dispatch(entry.call, entry.input, { ...context(), writes });
        afterWrites();
        return result.ok ? { ok: true } : { ok: false, message: result.error.message, problem: result.error.problem };
      },
      onPending: (pending) => emit({ type: 'writes', pending }),
      onFailed: (entry, failure) =>
        emit({ type: 'writes', pending: next.pending(), failed: { call: entry.call, ...failure } }),
    });
    // What a crash left waiting is applied once this lane is the back end's.
    queueMicrotask(() => next.recover());
    return next;
  }
  // Asked after every call: prepared once per connection.
  let totalChanges = changesOf(store);
  let changesSeen = totalChanges();
  /** After this connection wrote, a read worker copies the log into the database (ReadPool.checkpointSoon). */
  function afterWrites(): void {
    if (!store.sqlite.open) return; // a call after close() gets its error, not a throw
    const changes = totalChanges();
    if (changes === changesSeen) return;
    changesSeen = changes;
    reads.checkpointSoon();
  }

  return {
    get workspacePath() {
      return store.path;
    },
    async invoke(name, input) {
      const result = await dispatch(name, input, { ...context(), writes: writer.forCall(name, input) });
      afterWrites();
      return result;
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async open(path) {
      await upgradeWorkspace(path, options);
      const next = openWorkspace(path, options);
      await jobs.drain();
      await writer.idle(CLOSE_WAIT_MS);
      writer.close();
      store.close();
      void reads.close();
      store = next;
      reads = createReadPool(store.path, options);
      totalChanges = changesOf(store);
      changesSeen = totalChanges();
      writer = startWriter();
      emit({ type: 'workspace-changed', path });
    },
    async close() {
      await jobs.drain();
      // What still waits (another process holds the lock) stays on disk for the next open.
      await writer.idle(CLOSE_WAIT_MS);
      writer.close();
      await workersFinished();
      await reads.close();
      store.close();
    },
  };
}

const CLOSE_WAIT_MS = 2000;

/** Rows the store's connection has written since it opened: a call that changed it wrote. */
function changesOf(store: Store): () => number {
  const statement = store.sqlite.prepare('SELECT total_changes()').pluck();
  return () => statement.get() as number;
}

function isCallName(name: string): name is CallName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

async function dispatch(name: string, input: unknown, context: HandlerContext): Promise<Envelope<unknown>> {
  if (typeof name !== 'string' || !isCallName(name)) {
    return { ok: false, error: { code: 'unknown-call', message: `Unknown API call "${String(name)}"` } };
  }
  const parsed = contract[name].input.safeParse(input ?? {});
  if (!parsed.success) return { ok: false, error: invalidInput(name, parsed.error) };
  try {
    const handler = handlers[name] as (input: unknown, context: HandlerContext) => unknown;
    return { ok: true, value: await handler(parsed.data, context) };
  } catch (error) {
    if (isDiskFull(error))
      return { ok: false, error: { code: 'failed', message: diskFullMessage(context.store.path) } };
    return { ok: false, error: toErrorBody(error) };
  }
}

function invalidInput(name: string, error: ZodError): ApiErrorBody {
  const issues = error.issues.map((issue) => `${issue.path.join('.') || '(input)'}: ${issue.message}`);
  return { code: 'invalid-input', message: `Invalid input for ${name}: ${issues.join('; ')}`, issues };
}

/** By the error's class name: errors from worker threads keep it (runtime/workers.ts) though not their class. */
const ERROR_CODES: Record<string, ErrorCode> = {
  NotFound: 'not-found',
  PasswordRequired: 'password-required',
  StoreRefused: 'refused',
  ImportError: 'refused',
  OutputRefused: 'refused',
  Refused: 'refused',
};

function toErrorBody(error: unknown): ApiErrorBody {
  const message = error instanceof Error ? error.message : String(error);
  const problem = problemOf(error);
  return {
    code: (error instanceof Error && ERROR_CODES[error.name]) || 'failed',
    message,
    ...(problem ? { problem } : {}),
  };
}
