// The built CLI (out/main/cli.js, which bin/pulso.mjs runs): the app's own back end and worker threads, with the
// checkout's migrations and font, as the app finds them unpackaged.
import { join } from 'node:path';
import { main } from './main';
import { processIo } from './io';

const root = join(import.meta.dirname, '..', '..');
// `pulso cases | head` closes the pipe early: that is the reader being done, not a failure.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
process.exitCode = await main(process.argv.slice(2), processIo, {
  workerDir: import.meta.dirname,
  migrationsFolder: join(root, 'db', 'migrations'),
  fontFile: join(root, 'resources', 'fonts', 'DejaVuSans.ttf'),
});
