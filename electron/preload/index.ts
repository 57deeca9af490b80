import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import type { ApiEvent, PulsoBridge } from '../../shared/api/envelope';

// The renderer gets these functions and nothing else (the path of a dropped file is read
// here because sandboxed pages cannot see paths); channel names are repeated here because a
// sandboxed preload cannot import other modules at run time.
const bridge: PulsoBridge = {
  invoke: (name, input) => ipcRenderer.invoke('pulso:invoke', name, input),
  onEvent(listener) {
    const forward = (_event: IpcRendererEvent, payload: ApiEvent): void => listener(payload);
    ipcRenderer.on('pulso:event', forward);
    return () => ipcRenderer.removeListener('pulso:event', forward);
  },
  pathForFile: (file) => webUtils.getPathForFile(file),
};

contextBridge.exposeInMainWorld('pulso', bridge);
