import { describe, expect, it } from 'vitest';
import { createInvokeHandler } from '../../electron/main/ipc';
import { openBackend } from '../helpers/workspace';

describe('the IPC binding', () => {
  const trusted = (url: string) => url.startsWith('file://');

  it('validates what a page sends before any handler runs', async () => {
    const { backend } = openBackend();
    const invoke = createInvokeHandler(() => backend, trusted);
    const page = { senderFrame: { url: 'file:///app/index.html' } };
    expect(await invoke(page, 'messages.page', { offset: 0, limit: -1 }))
      .toMatchObject({ ok: false, error: { code: 'invalid-input', issues: [expect.stringMatching(/^limit/)] } });
    expect(await invoke(page, 'messages.page', { offset: '0', limit: 5 }))
      .toMatchObject({ ok: false, error: { code: 'invalid-input', issues: [expect.stringMatching(/^offset/)] } });
    expect(await invoke(page, { toString: () => 'x' }, null)).toMatchObject({ ok: false, error: { code: 'unknown-call' } });
    expect(await invoke(page, 'messages.page', { offset: 0, limit: 5 })).toMatchObject({ ok: true, value: { offset: 0, rows: [] } });
  });

  it('refuses calls from any page that is not ours', async () => {
    const { backend } = openBackend();
    const invoke = createInvokeHandler(() => backend, trusted);
    expect(await invoke({ senderFrame: { url: 'https://evil.example/' } }, 'workspace.info', {}))
      .toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(await invoke({ senderFrame: null }, 'workspace.info', {})).toMatchObject({ ok: false, error: { code: 'refused' } });
  });
});
