#!/usr/bin/env node
// The headless CLI: runs the built back end (out/main/cli.js, the app's own code and worker threads). A checkout that
// was never built is built once first (`npm run build` builds it again after a change to the sources).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const cli = new URL('../out/main/cli.js', import.meta.url);
if (!existsSync(cli)) {
  console.error('pulso: building the app once (npm run build)…');
  const require = createRequire(import.meta.url);
  // Its output to stderr: what `pulso` prints on stdout may be piped into another program.
  execFileSync(process.execPath, [require.resolve('electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: new URL('..', import.meta.url),
    stdio: ['ignore', 2, 2],
  });
}
await import(cli.href);
