import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Where Chromium-based browsers are on Linux, macOS and Windows, most likely first. */
const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/microsoft-edge',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  ...['PROGRAMFILES', 'PROGRAMFILES(X86)', 'LOCALAPPDATA'].flatMap((root) =>
    process.env[root]
      ? [
          join(process.env[root] as string, 'Google/Chrome/Application/chrome.exe'),
          join(process.env[root] as string, 'Microsoft/Edge/Application/msedge.exe'),
        ]
      : [],
  ),
];

/** The browser the end-to-end tests drive: CHROMIUM_PATH, else the first one installed. */
export function findBrowser(): string | null {
  const chosen = process.env.CHROMIUM_PATH;
  if (chosen) return existsSync(chosen) ? chosen : null;
  return CANDIDATES.find((path) => existsSync(path)) ?? null;
}

/**
 * Finds a browser before any test runs; on Debian or Ubuntu as root (a fresh CI machine) installs
 * Debian's Chromium; else stops the run with one line saying how to get one.
 */
export default function setup(): void {
  // A run of named test files none of which is end-to-end needs no browser.
  const filters = process.argv
    .slice(2)
    .filter(
      (arg) =>
        !arg.startsWith('-') &&
        !['run', 'watch'].includes(arg) &&
        !arg.endsWith('vitest') &&
        !arg.endsWith('vitest.mjs'),
    );
  if (filters.length > 0 && !filters.some((filter) => filter.includes('e2e'))) return;
  let path = findBrowser();
  if (
    !path &&
    !process.env.CHROMIUM_PATH &&
    process.platform === 'linux' &&
    process.getuid?.() === 0 &&
    existsSync('/usr/bin/apt-get')
  ) {
    process.stderr.write("No browser for the end-to-end tests: installing Debian's chromium (apt-get)…\n");
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    path = findBrowser();
  }
  if (!path) {
    const named = process.env.CHROMIUM_PATH
      ? `CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist`
      : 'no Chromium, Chrome or Edge found';
    // One line, before any test runs: not a stack trace per end-to-end test.
    process.stderr.write(
      `End-to-end tests need a browser (${named}): install one (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH\n`,
    );
    process.exit(1);
  }
  process.env.CHROMIUM_PATH = path;
}
