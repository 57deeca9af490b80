import type { CallInput, CallName, CallOutput, JobResultOf } from './contract';
import { ApiError, type ApiEvent, type JobEvent, type PulsoBridge } from './envelope';
import type { Problem } from './refusals';

const TERMINAL = new Set(['finished', 'failed', 'cancelled']);

/** A job's last event, its result typed by the call that started it (set when finished). */
export type JobEnd<R> =
  | (Omit<JobEvent, 'result' | 'state'> & { state: 'finished'; result: R })
  | (Omit<JobEvent, 'result' | 'state'> & { state: 'failed' | 'cancelled'; result?: undefined });

/**
 * The typed client over any bridge: the preload in the app, the backend in the CLI and tests. `say` gives an error's
 * problem in the reader's language (the UI's), which then becomes its message; without it, messages stay the back
 * end's English.
 */
export function createClient(bridge: PulsoBridge, say: (problem: Problem) => string | null = () => null) {
  const spoken = <E extends { message?: string | undefined; problem?: Problem | undefined }>(error: E): E => {
    const message = error.problem ? say(error.problem) : null;
    return message === null ? error : { ...error, message };
  };

  /** An event with its failure said as `say` says it: a job's, or a waiting write's. */
  const spokenEvent = (event: ApiEvent): ApiEvent => {
    if (event.type === 'job' && event.job.state === 'failed') return { ...event, job: spoken(event.job) };
    if (event.type === 'writes' && event.failed) return { ...event, failed: spoken(event.failed) };
    return event;
  };
  const listen = (listener: (event: ApiEvent) => void): (() => void) =>
    bridge.onEvent((event) => listener(spokenEvent(event)));

  async function call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>> {
    const envelope = await bridge.invoke(name, input);
    if (!envelope.ok) throw new ApiError(spoken(envelope.error));
    return envelope.value as CallOutput<K>;
  }

  /**
   * Starts a job call and resolves with its last event (finished, failed or cancelled).
   * Events are buffered from before the call, so a fast job's events are never missed.
   */
  async function runJob<K extends CallName>(
    name: K,
    input: CallInput<K>,
    onEvent?: (event: JobEvent) => void,
  ): Promise<JobEnd<JobResultOf<K>>> {
    const early: JobEvent[] = [];
    let jobId: string | undefined;
    let settle: (event: JobEvent) => void = () => undefined;
    const done = new Promise<JobEvent>((resolve) => (settle = resolve));
    const handle = (event: JobEvent): void => {
      onEvent?.(event);
      if (TERMINAL.has(event.state)) settle(event);
    };
    const off = listen((event) => {
      if (event.type !== 'job') return;
      if (jobId === undefined) early.push(event.job);
      else if (event.job.jobId === jobId) handle(event.job);
    });
    try {
      const started = (await call(name, input)) as { jobId: string };
      jobId = started.jobId;
      early.filter((event) => event.jobId === jobId).forEach(handle);
      return (await done) as JobEnd<JobResultOf<K>>;
    } finally {
      off();
    }
  }

  return { call, runJob, onEvent: listen };
}
export type Client = ReturnType<typeof createClient>;
