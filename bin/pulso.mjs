#!/usr/bin/env node
// The headless CLI: runs the built back end (out/main/cli.js, the app's own code and worker threads). A checkout that
// was never built is built once first (`npm run build` builds it again after a change to the sources).
import { existsSync } from 'node:fs';

const cli = new URL('../out/main/cli.js', import.meta.url);
// The builder only when out/ is missing: child_process brings streams, net and dgram with it, milliseconds of every
// call's start.
if (!existsSync(cli)) (await import('./build-once.mjs')).buildOnce();
await import(cli.href);
