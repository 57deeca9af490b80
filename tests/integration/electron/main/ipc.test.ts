import { describe, expect, it } from 'vitest';
import { createInvokeHandler } from '../../../../electron/main/ipc';
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
});
