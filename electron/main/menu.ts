import { Menu } from 'electron';
import type { Translator } from '../../shared/i18n';
import { menuTemplate, type MenuActions } from './shell-text';

export type { MenuActions };

export const buildMenu = (actions: MenuActions, isDev: boolean, t: Translator['t']): Menu =>
  Menu.buildFromTemplate(menuTemplate(actions, isDev, t));
