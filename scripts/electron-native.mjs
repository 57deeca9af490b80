// Gets better-sqlite3 for Electron's ABI into .electron-native/, apart from the Node build in node_modules that
// `npm test` uses (DESIGN.md): its prebuilt binary for this Electron first (an analyst's Windows or macOS machine
// rarely has a C++ toolchain), built from source only when none can be had. Skips all of it when already current.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const root = resolve(import.meta.dirname, '..');
const out = join(root, '.electron-native');

/** What to install to build native modules, in one line per platform. */
export const TOOLCHAIN = {
  win32: 'Visual Studio Build Tools with "Desktop development with C++" and Python 3',
  darwin: 'the Xcode command line tools (xcode-select --install)',
  linux: 'a C++ compiler, make and Python 3 (Debian/Ubuntu: apt-get install build-essential python3)',
};

/** Runs the steps in turn until one gives the addon; the last failure's one-line reason otherwise. */
export function firstThatWorks(steps) {
  const failures = [];
  for (const [name, step] of steps) {
    try {
      step();
      return name;
    } catch (error) {
      failures.push(`${name}: ${String(error.message ?? error).split('\n')[0]}`);
    }
  }
  throw new Error(failures.join('; '));
}

export function electronNativeBinding() {
  const electronVersion = require('electron/package.json').version;
  const sqliteVersion = require('better-sqlite3/package.json').version;
  const stamp = `electron ${electronVersion}, better-sqlite3 ${sqliteVersion}`;
  const target = join(out, 'better_sqlite3.node');
  const stampFile = join(out, 'version.txt');
  if (existsSync(target) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return target;

  const source = join(out, 'better-sqlite3');
  rmSync(source, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  cpSync(join(root, 'node_modules', 'better-sqlite3'), source, {
    recursive: true,
    filter: (path) => !path.includes(`${join('better-sqlite3', 'build')}`),
  });
  const run = (script, args) => execFileSync(process.execPath, [script, ...args], { cwd: source, stdio: 'inherit' });
  try {
    const how = firstThatWorks([
      [
        'prebuilt binary',
        () =>
          run(require.resolve('prebuild-install/bin.js'), [
            '--runtime=electron',
            `--target=${electronVersion}`,
            `--arch=${process.arch}`,
            `--platform=${process.platform}`,
          ]),
      ],
      [
        'build from source',
        () => {
          console.log(`No prebuilt better-sqlite3 for ${stamp}: building it (about a minute, once)…`);
          run(require.resolve('node-gyp/bin/node-gyp.js'), [
            'rebuild',
            '--release',
            `--target=${electronVersion}`,
            '--runtime=electron',
            '--dist-url=https://electronjs.org/headers',
          ]);
        },
      ],
    ]);
    console.log(`better-sqlite3 for ${stamp}: ${how}`);
  } catch (error) {
    throw new Error(
      `Pulso needs better-sqlite3 built for Electron ${electronVersion}, and neither a prebuilt binary could be downloaded nor one built (${error.message}). Check the network, or install ${TOOLCHAIN[process.platform] ?? 'a C++ toolchain'}, then run npm start again.`,
    );
  }
  cpSync(join(source, 'build', 'Release', 'better_sqlite3.node'), target);
  writeFileSync(stampFile, stamp);
  return target;
}

if (import.meta.url === `file://${process.argv[1]}`) electronNativeBinding();
