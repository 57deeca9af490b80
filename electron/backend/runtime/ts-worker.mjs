// Runs a TypeScript worker from source (the CLI and tests): registers tsx, then loads the entry.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.entry);
