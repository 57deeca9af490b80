#!/usr/bin/env node
// The headless CLI: runs the TypeScript back end through tsx, so no build step is needed.
import { register } from 'tsx/esm/api';

register();
// `pulso cases | head` closes the pipe early: that is the reader being done, not a failure.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
const { main } = await import('../electron/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
