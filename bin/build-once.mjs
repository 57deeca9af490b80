// Builds a checkout that was never built (out/ missing), for the CLI's first run.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** electron-vite's command line, found by its package.json's bin: the package exports no other path. */
export function electronViteBin() {
  const manifest = createRequire(import.meta.url).resolve('electron-vite/package.json');
  const bin = JSON.parse(readFileSync(manifest, 'utf8')).bin['electron-vite'];
  return fileURLToPath(new URL(bin, pathToFileURL(manifest)));
}

export function buildOnce() {
  console.error('pulso: building the app once (npm run build)…');
  // Its output to stderr: what `pulso` prints on stdout may be piped into another program.
  execFileSync(process.execPath, [electronViteBin(), 'build'], {
    cwd: new URL('..', import.meta.url),
    stdio: ['ignore', 2, 2],
  });
}
