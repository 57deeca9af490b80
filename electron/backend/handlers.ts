import { careHandlers } from './care/handlers';
import { chartHandlers } from './charts/handlers';
import { communityHandlers } from './community/handlers';
import { contactHandlers } from './contacts/handlers';
import { costHandlers } from './costs/handlers';
import { customerHandlers } from './customers/handlers';
import { demoHandlers } from './demo/handlers';
import { entityHandlers } from './entities/handlers';
import { fileHandlers } from './files/handlers';
import { importHandlers } from './import/handlers';
import { jobHandlers } from './jobs/handlers';
import { kpiHandlers } from './kpis/handlers';
import { labelHandlers } from './labels/handlers';
import { leadHandlers } from './leads/handlers';
import { messageHandlers } from './messages/handlers';
import { reportHandlers } from './reports/handlers';
import { registerHandlers } from './runtime/define-handlers';
import { workspaceHandlers } from './workspace/handlers';

/** The one table of handlers: IPC, the CLI and the tests all dispatch through it. */
export const handlers = registerHandlers({
  workspace: workspaceHandlers,
  messages: messageHandlers,
  labels: labelHandlers,
  import: importHandlers,
  files: fileHandlers,
  entities: entityHandlers,
  kpis: kpiHandlers,
  charts: chartHandlers,
  demo: demoHandlers,
  jobs: jobHandlers,
  leads: leadHandlers,
  costs: costHandlers,
  community: communityHandlers,
  reports: reportHandlers,
  contacts: contactHandlers,
  care: careHandlers,
  customers: customerHandlers,
});
