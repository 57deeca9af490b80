import { isAbsolute, join, normalize, relative } from 'node:path';

/**
 * The shell's security policy as plain data and pure functions (security.ts applies it with
 * Electron's APIs), so a test in Node checks each item of Electron's security checklist.
 */

/** The renderer is served from this origin (a custom protocol), and only it may call the API. */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://pulso';
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

/** The production CSP; the renderer's index.html carries the same policy as a meta tag. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

// Vite's dev server injects its HMR client inline and over a websocket.
export const devPolicy = (): string =>
  CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
    .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
    .replace("connect-src 'self'", "connect-src 'self' ws://localhost:*");

/** Every window's web preferences (the preload's path is added where it is known). */
export const WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  spellcheck: false,
} as const;

/** The dev server's URL, only in an unpackaged app: a packaged one never loads (or trusts) another page. */
export function rendererDevServer(isPackaged: boolean, env: Record<string, string | undefined>): string | undefined {
  if (isPackaged) return undefined;
  const url = env.ELECTRON_RENDERER_URL;
  if (!url) return undefined;
  const { protocol, hostname } = new URL(url);
  return protocol === 'http:' && (hostname === 'localhost' || hostname === '127.0.0.1') ? url : undefined;
}

const originOf = (url: string): string | null => {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
};

/** Whether a page may call the API: exactly our origin (or, unpackaged, exactly the dev server's). */
export function isTrustedPage(url: string, devServer: string | undefined): boolean {
  const origin = originOf(url);
  if (origin === null) return false;
  if (url.startsWith(`${APP_ORIGIN}/`)) return true;
  return devServer !== undefined && origin === originOf(devServer);
}

/** Whether a request may leave the page: our own files and inline data only (the app is offline). */
export function isAllowedRequest(url: string, devServer: string | undefined): boolean {
  if (
    url.startsWith(`${APP_ORIGIN}/`) ||
    url.startsWith('data:') ||
    url.startsWith('blob:') ||
    url.startsWith('devtools://')
  )
    return true;
  if (devServer === undefined) return false;
  const origin = originOf(url);
  const dev = new URL(devServer);
  return origin === dev.origin || origin === `ws://${dev.host}`;
}

/** The built renderer's file an app:// URL names, or null for anything outside its folder. */
export function rendererFile(root: string, url: string): string | null {
  if (!url.startsWith(`${APP_ORIGIN}/`)) return null;
  let path: string;
  try {
    path = decodeURIComponent(new URL(url).pathname);
  } catch {
    return null;
  }
  const file = normalize(join(root, path === '/' ? 'index.html' : path));
  const inside = relative(root, file);
  return inside.startsWith('..') || isAbsolute(inside) ? null : file;
}

/** Permissions asked or checked (camera, notifications, clipboard…): none is granted. */
export const denyPermission = (): boolean => false;

/**
 * Electron's fuses for a packaged app, by @electron/fuses' names (scripts/fuses.ts flips them in the packaged binary):
 * it cannot be run as plain Node, nor take Node options or an inspector from its command line or environment; cookies
 * are encrypted; it loads only its own ASAR archive, checked against the hash embedded at packaging; file:// gets no
 * extra privileges (the renderer is served from app://).
 */
export const FUSES = {
  RunAsNode: false,
  EnableCookieEncryption: true,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  GrantFileProtocolExtraPrivileges: false,
} as const;
