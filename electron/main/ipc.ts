import type { Envelope } from '../../shared/api/envelope';
import type { Backend } from '../backend/backend';
import { createFileGrants, type FileGrants } from './file-grants';

export const INVOKE_CHANNEL = 'pulso:invoke';
export const EVENT_CHANNEL = 'pulso:event';
export const DROP_CHANNEL = 'pulso:drop';

/** The subset of Electron's IpcMainInvokeEvent we read; keeps this file free of the electron runtime. */
export interface InvokeEvent {
  senderFrame: { url: string } | null;
}

const untrusted = (url: string): Envelope<never> => ({
  ok: false,
  error: { code: 'refused', message: `API call from an untrusted page refused: ${url || 'unknown'}` },
});

/**
 * The handler bound to the one IPC channel. Only our own page may call; every input is
 * validated against the contract by backend.invoke before any handler runs. Bound before the
 * back end is open (the window shows while a workspace is upgraded): a call waits for it.
 * Files are named by tokens (file-grants.ts): the file dialog's answer leaves as one, and one
 * coming in is turned back into its path here, the only place that knows it.
 */
export function createInvokeHandler(
  backend: () => Backend | Promise<Backend>,
  isTrustedUrl: (url: string) => boolean,
  grants: FileGrants = createFileGrants(),
) {
  return async (event: InvokeEvent, name: unknown, given: unknown): Promise<Envelope<unknown>> => {
    const url = event.senderFrame?.url ?? '';
    if (!isTrustedUrl(url)) return untrusted(url);
    const resolved = grants.resolve(given);
    if ('refused' in resolved) return { ok: false, error: { code: 'refused', message: resolved.refused } };
    let opened: Backend;
    try {
      opened = await backend();
    } catch (error) {
      return {
        ok: false,
        error: { code: 'failed', message: `The workspace could not be opened: ${(error as Error).message}` },
      };
    }
    const result = await opened.invoke(typeof name === 'string' ? name : String(name), resolved.input);
    if (name === 'files.choose' && result.ok) {
      const chosen = result.value as { path: string | null };
      return {
        ok: true,
        value: chosen.path === null ? { path: null, name: null } : asToken(grants.grant(chosen.path)),
      };
    }
    return result;
  };
}

const asToken = ({ token, name }: { token: string; name: string }) => ({ path: token, name });

/** The handler of the drop channel: the preload sends the path of a file dropped on our page, the page gets a token. */
export function createDropHandler(isTrustedUrl: (url: string) => boolean, grants: FileGrants) {
  return (event: InvokeEvent, path: unknown): Envelope<{ path: string; name: string }> => {
    const url = event.senderFrame?.url ?? '';
    if (!isTrustedUrl(url)) return untrusted(url);
    // A File the page made itself has no path: only a file the user dropped gets a token.
    if (typeof path !== 'string' || path === '')
      return { ok: false, error: { code: 'invalid-input', message: 'Only a file from the disk can be dropped' } };
    return { ok: true, value: asToken(grants.grant(path)) };
  };
}
