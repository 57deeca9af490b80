// A separate process that starts a writing job, makes the analyst's writes while it holds the lock,
// says so on stdout and waits: the write-rule test kills it there (kill -9) and reopens the workspace.
import { createBackend } from '../../electron/backend/backend';
import { createClient } from '../../shared/api/client';
import { sendWrites, startJob, type JobKind } from './write-rule';

const [path, kind, file] = process.argv.slice(2) as [string, JobKind, string];
const client = createClient(createBackend(path));
await startJob(client, kind, file);
const sent = await sendWrites(client, kind !== 'demo');
process.stdout.write(`${JSON.stringify(sent)}\n`);
setInterval(() => undefined, 60_000);
