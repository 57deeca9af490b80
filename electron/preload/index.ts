import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import type { ApiEvent, PulsoBridge } from '../../shared/api/envelope';

// The renderer gets these functions and nothing else. A dropped file's path is read here (sandboxed pages cannot see
// paths) and handed to the main process, which gives the page a token for it. Channel names are repeated here because
// a sandboxed preload cannot import other modules at run time.
const bridge: PulsoBridge = {
  invoke: (name, input) => ipcRenderer.invoke('pulso:invoke', name, input),
  onEvent(listener) {
    const forward = (_event: IpcRendererEvent, payload: ApiEvent): void => listener(payload);
    ipcRenderer.on('pulso:event', forward);
    return () => ipcRenderer.removeListener('pulso:event', forward);
  },
  dropFile: (file) => ipcRenderer.invoke('pulso:drop', webUtils.getPathForFile(file)),
};

contextBridge.exposeInMainWorld('pulso', bridge);
