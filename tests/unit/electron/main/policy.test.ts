import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY,
  CONTENT_SECURITY_POLICY,
  denyPermission,
  FUSES,
  isAllowedRequest,
  isTrustedPage,
  rendererDevServer,
  rendererFile,
  WEB_PREFERENCES,
} from '../../../../electron/main/policy';

const DEV = 'http://localhost:5173';

// Electron's security checklist (electronjs.org/docs/latest/tutorial/security), item by item, as the shell applies it.
describe("the Electron shell's security policy", () => {
  it('isolates the renderer: context isolation, sandbox, no Node anywhere, web security on, no webview', () => {
    expect(WEB_PREFERENCES).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
    const shell = readFileSync('electron/main/index.ts', 'utf8');
    expect(shell).toContain('webPreferences: { ...WEB_PREFERENCES,');
    expect(shell).not.toMatch(/nodeIntegration: true|contextIsolation: false|sandbox: false/);
  });

  it('has a strict CSP, also in the page itself', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|\*|https?:/);
    expect(readFileSync(join('renderer', 'index.html'), 'utf8')).toContain("default-src 'none'");
  });

  it('trusts exactly its own origin for the API, and the dev server only when unpackaged', () => {
    expect(isTrustedPage(APP_ENTRY, undefined)).toBe(true);
    for (const url of [
      'file:///home/x/evil.html',
      'file:///app/index.html',
      'https://evil.example/',
      'app://pulso.evil/x',
      'app://other/index.html',
      '',
      'not a url',
    ])
      expect({ url, trusted: isTrustedPage(url, undefined) }).toEqual({ url, trusted: false });
    expect(isTrustedPage(`${DEV}/index.html`, DEV)).toBe(true);
    // A prefix is not an origin: http://localhost:5173.evil.example starts with the dev URL.
    expect(isTrustedPage('http://localhost:5173.evil.example/', DEV)).toBe(false);
    expect(isTrustedPage('http://localhost:51730/', DEV)).toBe(false);
    expect(rendererDevServer(true, { ELECTRON_RENDERER_URL: DEV })).toBeUndefined();
    expect(rendererDevServer(false, { ELECTRON_RENDERER_URL: DEV })).toBe(DEV);
    expect(rendererDevServer(false, { ELECTRON_RENDERER_URL: 'https://remote.example/' })).toBeUndefined();
  });

  it('loads no remote content: only its own files, inline data and, in development, its dev server', () => {
    for (const url of [APP_ENTRY, 'app://pulso/assets/index.js', 'data:image/png;base64,AA', 'blob:app://pulso/1'])
      expect(isAllowedRequest(url, undefined)).toBe(true);
    for (const url of [
      'https://cdn.example/x.js',
      'http://localhost:5173/',
      'file:///etc/passwd',
      'ws://localhost:5173/',
    ])
      expect({ url, allowed: isAllowedRequest(url, undefined) }).toEqual({ url, allowed: false });
    expect(isAllowedRequest(`${DEV}/src/main.tsx`, DEV)).toBe(true);
    expect(isAllowedRequest('ws://localhost:5173/', DEV)).toBe(true);
    expect(isAllowedRequest('https://cdn.example/x.js', DEV)).toBe(false);
  });

  it('serves app:// only from the built renderer folder', () => {
    const root = '/opt/pulso/out/renderer';
    expect(rendererFile(root, APP_ENTRY)).toBe(`${root}/index.html`);
    expect(rendererFile(root, 'app://pulso/')).toBe(`${root}/index.html`);
    expect(rendererFile(root, 'app://pulso/assets/a%20b.js')).toBe(`${root}/assets/a b.js`);
    // Dot segments the URL itself resolves stay inside the folder; an encoded slash that would climb out is refused.
    expect(rendererFile(root, 'app://pulso/../../etc/passwd')).toBe(`${root}/etc/passwd`);
    expect(rendererFile(root, 'app://pulso/%2e%2e/%2e%2e/etc/passwd')).toBe(`${root}/etc/passwd`);
    for (const url of [
      'app://pulso/..%2f..%2fetc/passwd',
      'app://pulso/assets%2f..%2f..%2f..%2fx',
      'app://other/index.html',
      'file:///etc/passwd',
    ])
      expect({ url, file: rendererFile(root, url) }).toEqual({ url, file: null });
  });

  it('grants no permission, denies navigation, new windows and webviews', () => {
    expect(denyPermission()).toBe(false);
    const security = readFileSync('electron/main/security.ts', 'utf8');
    for (const line of [
      'setPermissionCheckHandler(denyPermission)',
      "'will-navigate', (event) => event.preventDefault()",
      "'will-redirect'",
      "'will-attach-webview'",
      "setWindowOpenHandler(() => ({ action: 'deny' }))",
    ])
      expect(security).toContain(line);
  });

  it('packages with the fuses that close the ways around the sandbox: no Node mode, no inspector, its own ASAR only', () => {
    expect(FUSES).toEqual({
      RunAsNode: false,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableCookieEncryption: true,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      GrantFileProtocolExtraPrivileges: false,
    });
  });
});
