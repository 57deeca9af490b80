import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDropHandler, createInvokeHandler } from '../../../../electron/main/ipc';
import { createFileGrants } from '../../../../electron/main/file-grants';
import { tempFolder } from '../../../helpers/files';
import type { Backend } from '../../../../electron/backend/backend';
import { testBackend } from '../../../helpers/workspace';

describe('the IPC binding', () => {
  const trusted = (url: string) => url.startsWith('file://');

  it('validates what a page sends before any handler runs', async () => {
    const { backend } = testBackend();
    const invoke = createInvokeHandler(() => backend, trusted);
    const page = { senderFrame: { url: 'file:///app/index.html' } };
    expect(await invoke(page, 'messages.page', { offset: 0, limit: -1 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', issues: [expect.stringMatching(/^limit/)] },
    });
    expect(await invoke(page, 'messages.page', { offset: '0', limit: 5 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', issues: [expect.stringMatching(/^offset/)] },
    });
    expect(await invoke(page, { toString: () => 'x' }, null)).toMatchObject({
      ok: false,
      error: { code: 'unknown-call' },
    });
    expect(await invoke(page, 'messages.page', { offset: 0, limit: 5 })).toMatchObject({
      ok: true,
      value: { offset: 0, rows: [] },
    });
  });

  it('refuses calls from any page that is not ours', async () => {
    const { backend } = testBackend();
    const invoke = createInvokeHandler(() => backend, trusted);
    expect(await invoke({ senderFrame: { url: 'https://evil.example/' } }, 'workspace.info', {})).toMatchObject({
      ok: false,
      error: { code: 'refused' },
    });
    expect(await invoke({ senderFrame: null }, 'workspace.info', {})).toMatchObject({
      ok: false,
      error: { code: 'refused' },
    });
  });

  it('holds a call made while the workspace is still opening until it is open; a failed opening is its error', async () => {
    const { backend } = testBackend();
    const page = { senderFrame: { url: 'file:///app/index.html' } };
    let open: (backend: Backend) => void = () => undefined;
    const opening = new Promise<Backend>((resolve) => {
      open = resolve;
    });
    const invoke = createInvokeHandler(() => opening, trusted);
    let answered = false;
    const answer = invoke(page, 'messages.page', { offset: 0, limit: 5 }).finally(() => {
      answered = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(answered).toBe(false);
    open(backend);
    expect(await answer).toMatchObject({ ok: true, value: { offset: 0, rows: [] } });

    const failed = createInvokeHandler(() => Promise.reject(new Error('/x/old.pulso is locked')), trusted);
    expect(await failed(page, 'workspace.info', {})).toMatchObject({
      ok: false,
      error: { code: 'failed', message: 'The workspace could not be opened: /x/old.pulso is locked' },
    });
  });

  it('lets a page name files only by the token a dialog or a drop gave it, never by path', async () => {
    const folder = tempFolder();
    const csv = join(folder, 'mentions.csv');
    writeFileSync(csv, 'fecha,texto\n2026-01-05,hola\n');
    const { backend, path: workspace } = testBackend(undefined, { chooseFile: async () => csv });
    const grants = createFileGrants();
    const invoke = createInvokeHandler(() => backend, trusted, grants);
    const page = { senderFrame: { url: 'file:///app/index.html' } };

    const chosen = await invoke(page, 'files.choose', { purpose: 'import' });
    expect(chosen).toMatchObject({
      ok: true,
      value: { path: expect.stringMatching(/^pulso-file:/), name: 'mentions.csv' },
    });
    const token = (chosen as { value: { path: string } }).value.path;
    expect(token).not.toContain(folder);
    expect(await invoke(page, 'import.inspect', { path: token })).toMatchObject({
      ok: true,
      value: { file: 'mentions.csv', headers: ['fecha', 'texto'] },
    });

    // A path, or a token made up, is refused before the back end sees it: the workspace itself, say.
    for (const input of [{ path: csv }, { path: workspace }, { path: 'pulso-file:made-up' }])
      expect(await invoke(page, 'import.inspect', input)).toMatchObject({
        ok: false,
        error: { code: 'refused', message: expect.stringMatching(/^path: a page names a file only by the token/) },
      });
    expect(await invoke(page, 'import.start', { path: token, rejectsPath: workspace })).toMatchObject({
      ok: false,
      error: { code: 'refused', message: expect.stringMatching(/^rejectsPath: /) },
    });

    // A dropped file: the preload sends its path from our page; a file the page made itself has none.
    const drop = createDropHandler(trusted, grants);
    expect(drop(page, csv)).toMatchObject({ ok: true, value: { path: expect.stringMatching(/^pulso-file:/) } });
    expect(drop(page, '')).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(drop({ senderFrame: { url: 'https://evil.example/' } }, csv)).toMatchObject({
      ok: false,
      error: { code: 'refused' },
    });
  });
});
