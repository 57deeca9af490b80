import { app, net, protocol, session, type WebContents } from 'electron';
import { pathToFileURL } from 'node:url';
import {
  APP_SCHEME,
  CONTENT_SECURITY_POLICY,
  denyPermission,
  devPolicy,
  isAllowedRequest,
  rendererFile,
} from './policy';

/** Before the app is ready: app:// is a standard, secure scheme (its pages get an origin and the CSP's 'self'). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** No remote content, no navigation, no new windows, no permissions: the app is offline. */
export function harden(devServer: string | undefined, rendererRoot: string): void {
  const defaultSession = session.defaultSession;
  // The built renderer, served from app://pulso/ only from its own folder.
  protocol.handle(APP_SCHEME, (request) => {
    const file = rendererFile(rendererRoot, request.url);
    return file ? net.fetch(pathToFileURL(file).href) : new Response('Not found', { status: 404 });
  });
  defaultSession.setPermissionRequestHandler((_contents, _permission, grant) => grant(denyPermission()));
  defaultSession.setPermissionCheckHandler(denyPermission);
  defaultSession.webRequest.onBeforeRequest((details, respond) =>
    respond({ cancel: !isAllowedRequest(details.url, devServer) }),
  );
  defaultSession.webRequest.onHeadersReceived((details, respond) => {
    const headers = {
      ...details.responseHeaders,
      'Content-Security-Policy': [devServer ? devPolicy() : CONTENT_SECURITY_POLICY],
    };
    respond({ responseHeaders: headers });
  });
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}
