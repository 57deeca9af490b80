import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ApiEvent, PulsoBridge } from '../../shared/api/envelope';

// The renderer gets exactly two functions; channel names are repeated here because a
// sandboxed preload cannot import other modules at run time.
const bridge: PulsoBridge = {
  invoke: (name, input) => ipcRenderer.invoke('pulso:invoke', name, input),
  onEvent(listener) {
    const forward = (_event: IpcRendererEvent, payload: ApiEvent): void => listener(payload);
    ipcRenderer.on('pulso:event', forward);
    return () => ipcRenderer.removeListener('pulso:event', forward);
  },
};

contextBridge.exposeInMainWorld('pulso', bridge);
