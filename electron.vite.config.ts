import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';

// Absolute entries: a bare "electron/…" path would be taken for the electron package and externalized.

export default defineConfig({
  main: {
    // The worker threads are built beside the main bundle as <name>-worker.js (electron/backend/runtime/workers.ts).
    build: {
      // Bundled, not loaded file by file from node_modules: the contract's and the store's libraries are hundreds of
      // small modules, which took most of the CLI's start (tests/bench/MEASUREMENTS.md).
      externalizeDeps: { exclude: ['zod', 'drizzle-orm'] },
      rollupOptions: {
        input: {
          index: resolve('electron/main/index.ts'),
          // The headless CLI, run by bin/pulso.mjs: the same back end and workers as the app.
          cli: resolve('electron/cli/bin.ts'),
          'import-worker': resolve('electron/backend/import/writing-thread.ts'),
          'prepare-worker': resolve('electron/backend/import/reading-thread.ts'),
          'rematch-worker': resolve('electron/backend/entities/rematch-thread.ts'),
          'demo-worker': resolve('electron/backend/demo/demo-thread.ts'),
          'inspect-worker': resolve('electron/backend/import/inspect-thread.ts'),
          'deck-worker': resolve('electron/backend/reports/deck-thread.ts'),
          'export-worker': resolve('electron/backend/messages/export-thread.ts'),
          'read-worker': resolve('electron/backend/runtime/read-worker.ts'),
          'upgrade-worker': resolve('electron/backend/runtime/upgrade-worker.ts'),
        },
      },
    },
  },
  preload: {
    // A sandboxed preload must be CommonJS.
    build: {
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    // Minified, and the dashboard's charts in their own chunk: the grid opens on less script.
    build: { minify: 'esbuild', rollupOptions: { input: resolve('renderer/index.html') } },
    plugins: [react()],
  },
});
