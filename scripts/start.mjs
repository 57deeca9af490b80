// `npm start`: builds the app and its Electron-ABI sqlite addon, then opens the app
// (on the demo workspace the first time). Extra arguments go to Electron.
import { execFileSync, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { electronNativeBinding } from './electron-native.mjs';

const require = createRequire(import.meta.url);
const root = resolve(import.meta.dirname, '..');

let electron;
try {
  electron = require('electron'); // the binary's path; throws when the download was skipped
} catch {
  console.log('Downloading the Electron binary…');
  execFileSync(process.execPath, [require.resolve('electron/install.js')], { stdio: 'inherit' });
  electron = require('electron');
}
try {
  electronNativeBinding();
} catch (error) {
  // One line that says what to do, not a compiler's log.
  console.error(error.message);
  process.exit(1);
}
execFileSync(process.execPath, [require.resolve('electron-vite/bin/electron-vite.js'), 'build'], {
  cwd: root,
  stdio: 'inherit',
});
const app = spawn(electron, [root, ...process.argv.slice(2)], { stdio: 'inherit' });
app.on('exit', (code) => process.exit(code ?? 0));
