import type { Envelope } from '../../shared/api/envelope';
import type { Backend } from '../backend/backend';

export const INVOKE_CHANNEL = 'pulso:invoke';
export const EVENT_CHANNEL = 'pulso:event';

/** The subset of Electron's IpcMainInvokeEvent we read; keeps this file free of the electron runtime. */
export interface InvokeEvent {
  senderFrame: { url: string } | null;
}

/**
 * The handler bound to the one IPC channel. Only our own page may call; every input is
 * validated against the contract by backend.invoke before any handler runs. Bound before the
 * back end is open (the window shows while a workspace is upgraded): a call waits for it.
 */
export function createInvokeHandler(backend: () => Backend | Promise<Backend>, isTrustedUrl: (url: string) => boolean) {
  return async (event: InvokeEvent, name: unknown, input: unknown): Promise<Envelope<unknown>> => {
    const url = event.senderFrame?.url ?? '';
    if (!isTrustedUrl(url)) {
      return {
        ok: false,
        error: { code: 'refused', message: `API call from an untrusted page refused: ${url || 'unknown'}` },
      };
    }
    let opened: Backend;
    try {
      opened = await backend();
    } catch (error) {
      return {
        ok: false,
        error: { code: 'failed', message: `The workspace could not be opened: ${(error as Error).message}` },
      };
    }
    return opened.invoke(typeof name === 'string' ? name : String(name), input);
  };
}
