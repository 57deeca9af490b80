import type { MessageCounts } from '../../shared/api/contract';
import type { MessageFilter } from '../../shared/api/messages';
import { startWorker, type WorkerOptions } from './workers';

export interface CountRequest { id: number; filter: MessageFilter; timeZone: string }
export type CountResponse = { id: number; counts: MessageCounts } | { id: number; error: string };

export interface Counter {
  count(filter: MessageFilter, timeZone: string): Promise<MessageCounts>;
  close(): Promise<void>;
}

/** The grid's counts, in a long-lived worker thread with its own read-only connection; started on first use. */
export function createCounter(workspacePath: string, options: WorkerOptions & { nativeBinding?: string | undefined }): Counter {
  let worker: ReturnType<typeof startWorker> | null = null;
  let next = 0;
  const waiting = new Map<number, { resolve(counts: MessageCounts): void; reject(error: Error): void }>();
  const fail = (error: Error): void => {
    for (const pending of waiting.values()) pending.reject(error);
    waiting.clear();
    worker = null;
  };
  const started = () => {
    if (worker) return worker;
    const thread = startWorker('count', { workspacePath, nativeBinding: options.nativeBinding }, options);
    thread.on('message', (response: CountResponse) => {
      const pending = waiting.get(response.id);
      waiting.delete(response.id);
      if ('error' in response) pending?.reject(new Error(response.error));
      else pending?.resolve(response.counts);
      if (waiting.size === 0) thread.unref();
    });
    thread.on('error', fail);
    thread.on('exit', () => fail(new Error('The count worker stopped')));
    thread.unref();
    worker = thread;
    return thread;
  };
  return {
    count(filter, timeZone) {
      const id = ++next;
      const request: CountRequest = { id, filter, timeZone };
      return new Promise<MessageCounts>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        // An idle worker does not keep the process alive; one with a question does.
        const thread = started();
        thread.ref();
        thread.postMessage(request);
      });
    },
    async close() {
      const thread = worker;
      worker = null;
      if (thread) await thread.terminate();
    },
  };
}
