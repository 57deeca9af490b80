import type { Handlers } from '../context';
import { chartHandlers } from './charts';
import { entityHandlers } from './entities';
import { importHandlers } from './import';
import { jobHandlers } from './jobs';
import { kpiHandlers } from './kpis';
import { labelHandlers } from './labels';
import { workspaceHandlers } from './workspace';

/** The one table of handlers: IPC, the CLI and the tests all dispatch through it. */
export const handlers: Handlers = {
  ...workspaceHandlers,
  ...jobHandlers,
  ...importHandlers,
  ...entityHandlers,
  ...labelHandlers,
  ...kpiHandlers,
  ...chartHandlers,
};
