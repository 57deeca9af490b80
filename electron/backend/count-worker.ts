import { parentPort, workerData } from 'node:worker_threads';
import { openConnection } from '../../db/connection';
import { countMessages } from '../../db/queries/messages';
import type { CountRequest, CountResponse } from './counter';

// Counting a million rows takes up to a second: here it does not hold up the main thread's answers (labels, pages).
const data = workerData as { workspacePath: string; nativeBinding?: string | undefined };
const sqlite = openConnection(data.workspacePath, data.nativeBinding, 32);
sqlite.pragma('query_only = ON');
parentPort?.on('message', (request: CountRequest) => {
  let response: CountResponse;
  try {
    response = { id: request.id, counts: countMessages(sqlite, request.filter, request.timeZone) };
  } catch (error) {
    response = { id: request.id, error: (error as Error).message };
  }
  parentPort?.postMessage(response);
});
