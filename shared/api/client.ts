import type { CallInput, CallName, CallOutput, JobResultOf } from './contract';
import { ApiError, type JobEvent, type PulsoBridge } from './envelope';

const TERMINAL = new Set(['finished', 'failed', 'cancelled']);

/** A job's last event, its result typed by the call that started it (set when finished). */
export type JobEnd<R> =
  | (Omit<JobEvent, 'result' | 'state'> & { state: 'finished'; result: R })
  | (Omit<JobEvent, 'result' | 'state'> & { state: 'failed' | 'cancelled'; result?: undefined });

/** The typed client over any bridge: the preload in the app, the backend in the CLI and tests. */
export function createClient(bridge: PulsoBridge) {
  async function call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>> {
    const envelope = await bridge.invoke(name, input);
    if (!envelope.ok) throw new ApiError(envelope.error);
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
    const off = bridge.onEvent((event) => {
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

  return { call, runJob, onEvent: bridge.onEvent.bind(bridge) };
}
export type Client = ReturnType<typeof createClient>;
