import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Backend } from '../../electron/backend/backend';
import { createInvokeHandler } from '../../electron/main/ipc';
import { createClient } from '../../shared/api/client';
import type { ApiEvent } from '../../shared/api/envelope';
import { findBrowser } from '../helpers/find-browser';

export const RENDERER_DIR = resolve('out/renderer');
export const ARTIFACTS_DIR = resolve('tests/e2e/artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? findBrowser() ?? '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** Serves the built renderer on loopback: Chromium refuses module scripts from file://. */
async function serveRenderer(): Promise<Server> {
  if (!existsSync(join(RENDERER_DIR, 'index.html')))
    throw new Error('No built renderer in out/renderer: run `npm run build` first.');
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(
      /^(\.\.[/\\])+/,
      '',
    );
    const file = join(RENDERER_DIR, path === '/' ? 'index.html' : path);
    if (!file.startsWith(RENDERER_DIR) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response
      .writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' })
      .end(readFileSync(file));
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  return server;
}

export interface App {
  page: Page;
  /** Errors the page logged or threw (CSP violations included); a test expects none. */
  errors: string[];
  close(): Promise<void>;
}

let browser: Browser | undefined;

export async function launchBrowser(): Promise<Browser> {
  browser ??= await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
  return browser;
}

export async function closeBrowser(): Promise<void> {
  await browser?.close();
  browser = undefined;
}

/**
 * Opens the real renderer with the preload's API stood in for by a binding to the real
 * back-end handlers in this process (DESIGN.md, "Testing without the Electron binary").
 */
export async function openApp(
  backend: Backend,
  options: { locale?: string; beforeLoad?: string; now?: Date; askName?: boolean } = {},
): Promise<App> {
  // The first start's question (who labels) answered with the name it offers, unless the test is about it.
  const settings = await createClient(backend).call('settings.get', {});
  if (!options.askName && !settings.annotatorChosen)
    await createClient(backend).call('settings.update', { annotator: settings.annotator });
  const server = await serveRenderer();
  const context = await (
    await launchBrowser()
  ).newContext({ locale: options.locale ?? 'en-US', viewport: { width: 1360, height: 860 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  // Through the app's own IPC binding: the page is trusted by its address, and names files by token as in the app.
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const invoke = createInvokeHandler(
    () => backend,
    (url) => url.startsWith(origin),
  );
  await page.exposeBinding('__pulsoInvoke', (source, name: string, input: unknown) =>
    invoke({ senderFrame: { url: source.frame.url() } }, name, input),
  );
  // Functions sent to the page are serialized; under tsx (benchmarks) esbuild wraps named
  // functions in a __name() helper that the page lacks.
  await page.addInitScript({ content: 'window.__name = (fn) => fn;' });
  if (options.beforeLoad) await page.addInitScript({ content: options.beforeLoad });
  await page.addInitScript(() => {
    const listeners = new Set<(event: unknown) => void>();
    const target = window as unknown as Record<string, unknown>;
    target.__pulsoEmit = (event: unknown) => listeners.forEach((listener) => listener(event));
    target.pulso = {
      invoke: (name: string, input: unknown) =>
        (target.__pulsoInvoke as (n: string, i: unknown) => Promise<unknown>)(name, input),
      onEvent: (listener: (event: unknown) => void) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
  });
  const off = backend.onEvent((event: ApiEvent) => {
    page
      .evaluate((payload) => (window as unknown as { __pulsoEmit(e: unknown): void }).__pulsoEmit(payload), event)
      .catch(() => undefined);
  });
  // The page's clock, for screens whose defaults follow the calendar (this quarter), fixed where a test says.
  if (options.now) await page.clock.setFixedTime(options.now);
  await page.goto(origin);
  return {
    page,
    errors,
    async close() {
      off();
      await context.close();
      await new Promise((done) => server.close(done));
    },
  };
}

/** The page at the two window sizes people work at, each a screenshot a person looks at: `<name>-<width>.png`. */
export async function screenshotsAtSizes(page: Page, name: string): Promise<void> {
  for (const [width, height] of [
    [1280, 720],
    [1440, 900],
  ] as const) {
    await page.setViewportSize({ width, height });
    // Charts redraw at their new size on the next frames.
    await page.waitForTimeout(250);
    await page.screenshot({ path: screenshotPath(`${name}-${width}.png`) });
  }
}

export function screenshotPath(name: string): string {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return join(ARTIFACTS_DIR, name);
}
