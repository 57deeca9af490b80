import { parentPort } from 'node:worker_threads';
import { fileProblemOf, type FileProblem } from '../../../shared/domain/import/problems';
import { prepareBatches, type PrepareInput, type PreparedBatch } from './prepare';

/** An error's `problem`: an ImportError's, for the UI to say in its language. */
export type PrepareMessage =
  | { type: 'batch'; batch: PreparedBatch }
  | { type: 'end' }
  | { type: 'error'; message: string; problem?: FileProblem | undefined };
/**
 * `matchRules`: whether the batch asked for is matched with the rules here or left to the writer (the first is matched
 * here).
 */
export type PrepareRequest = { type: 'start'; input: PrepareInput } | { type: 'next'; matchRules: boolean };

// Started before the writer knows what to ask (its code loads meanwhile); then prepares the next
// batch each time the writer asks: the writer keeps a few asks out (prepared.ts), so batches are
// being prepared while it writes.
let batches: AsyncGenerator<PreparedBatch, void, boolean | undefined> | null = null;
const post = (message: PrepareMessage): void => parentPort?.postMessage(message);
let queue = Promise.resolve();
parentPort?.on('message', (request: PrepareRequest) => {
  if (request.type === 'start') {
    batches = prepareBatches(request.input);
    return;
  }
  queue = queue.then(async () => {
    try {
      if (!batches) throw new Error('the reading thread was asked for rows before it was started');
      const next = await batches.next(request.matchRules);
      post(next.done ? { type: 'end' } : { type: 'batch', batch: next.value });
      // Nothing follows the end: the thread finishes on its own.
      if (next.done) parentPort?.close();
    } catch (error) {
      post({ type: 'error', message: (error as Error).message, problem: fileProblemOf(error) });
    }
  });
});
