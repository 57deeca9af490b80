import { parentPort, workerData } from 'node:worker_threads';
import { openConnection } from '../../../db/connection';
import { READS, type ReadRequest, type ReadResponse } from './reads';

// Reads only (a KPI keeps a TEMP table, which is the connection's own): a long count or KPI here
// never holds up the main thread's answers.
const data = workerData as { workspacePath: string; nativeBinding?: string | undefined };
const sqlite = openConnection(data.workspacePath, data.nativeBinding, 32);
parentPort?.on('message', (request: ReadRequest) => {
  let response: ReadResponse;
  try {
    const read = READS[request.name] as (...args: unknown[]) => unknown;
    response = { id: request.id, result: read(sqlite, ...request.args) };
  } catch (error) {
    response = { id: request.id, error: (error as Error).message };
  }
  parentPort?.postMessage(response);
});
