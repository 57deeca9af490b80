#!/usr/bin/env node
// The headless CLI: runs the TypeScript back end through tsx, so no build step is needed.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../electron/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
