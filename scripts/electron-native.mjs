// Builds better-sqlite3 for Electron's ABI into .electron-native/, apart from the Node build in
// node_modules that `npm test` uses (DESIGN.md). Skips the build when it is already current.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const root = resolve(import.meta.dirname, '..');
const out = join(root, '.electron-native');

export function electronNativeBinding() {
  const electronVersion = require('electron/package.json').version;
  const sqliteVersion = require('better-sqlite3/package.json').version;
  const stamp = `electron ${electronVersion}, better-sqlite3 ${sqliteVersion}`;
  const target = join(out, 'better_sqlite3.node');
  const stampFile = join(out, 'version.txt');
  if (existsSync(target) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return target;

  console.log(`Building better-sqlite3 for ${stamp} (about a minute, once)…`);
  const source = join(out, 'better-sqlite3');
  rmSync(source, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  cpSync(join(root, 'node_modules', 'better-sqlite3'), source, {
    recursive: true,
    filter: (path) => !path.includes(`${join('better-sqlite3', 'build')}`),
  });
  execFileSync(
    process.execPath,
    [
      require.resolve('node-gyp/bin/node-gyp.js'),
      'rebuild',
      '--release',
      `--target=${electronVersion}`,
      '--runtime=electron',
      '--dist-url=https://electronjs.org/headers',
    ],
    { cwd: source, stdio: 'inherit' },
  );
  cpSync(join(source, 'build', 'Release', 'better_sqlite3.node'), target);
  writeFileSync(stampFile, stamp);
  return target;
}

if (import.meta.url === `file://${process.argv[1]}`) electronNativeBinding();
