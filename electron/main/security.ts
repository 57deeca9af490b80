import { app, session, type WebContents } from 'electron';

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

/** Pages we load: the built files, or the dev server in development. */
export function isAppUrl(url: string, devServer: string | undefined): boolean {
  if (devServer && url.startsWith(devServer)) return true;
  return url.startsWith('file://');
}

/** No remote content, no navigation, no new windows, no permissions: the app is offline. */
export function harden(devServer: string | undefined): void {
  const defaultSession = session.defaultSession;
  defaultSession.setPermissionRequestHandler((_contents, _permission, grant) => grant(false));
  defaultSession.webRequest.onBeforeRequest((details, respond) => {
    const local =
      isAppUrl(details.url, devServer) ||
      details.url.startsWith('devtools://') ||
      details.url.startsWith('data:') ||
      details.url.startsWith('blob:') ||
      (devServer !== undefined && details.url.startsWith('ws://localhost'));
    respond({ cancel: !local });
  });
  defaultSession.webRequest.onHeadersReceived((details, respond) => {
    const headers = {
      ...details.responseHeaders,
      'Content-Security-Policy': [devServer ? devPolicy() : CONTENT_SECURITY_POLICY],
    };
    respond({ responseHeaders: headers });
  });
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

// Vite's dev server injects its HMR client inline and over a websocket.
const devPolicy = (): string =>
  CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
    .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
    .replace("connect-src 'self'", "connect-src 'self' ws://localhost:*");
