import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { screen, type BrowserWindow } from 'electron';

export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

const DEFAULT_STATE: WindowState = { width: 1360, height: 860, maximized: false };

/** Last window bounds, if they still fit on a connected display. */
export function loadWindowState(folder: string): WindowState {
  try {
    const state = JSON.parse(readFileSync(join(folder, 'window-state.json'), 'utf8')) as WindowState;
    const visible = screen
      .getAllDisplays()
      .some(
        ({ workArea: a }) =>
          state.x !== undefined &&
          state.y !== undefined &&
          state.x >= a.x &&
          state.y >= a.y &&
          state.x < a.x + a.width &&
          state.y < a.y + a.height,
      );
    return visible ? state : { ...DEFAULT_STATE, width: state.width, height: state.height };
  } catch {
    return DEFAULT_STATE;
  }
}

export function trackWindowState(window: BrowserWindow, folder: string): void {
  window.on('close', () => {
    const bounds = window.getNormalBounds();
    const state: WindowState = { ...bounds, maximized: window.isMaximized() };
    writeFileSync(join(folder, 'window-state.json'), JSON.stringify(state));
  });
}
