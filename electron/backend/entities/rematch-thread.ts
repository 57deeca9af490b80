import type { RematchResult } from '../../../shared/api/contract';
import { checkpoint } from '../runtime/checkpoint';
import { runJobThread, type JobThreadData } from '../runtime/job-thread';
import type { JobProgress } from '../runtime/jobs';
import { changeRulesAndRematch, type RuleChange } from './rematch';

export interface RematchThreadData extends JobThreadData {
  change: RuleChange;
  appliedWrite: string | null;
}

await runJobThread<RematchThreadData, JobProgress, RematchResult>(
  (sqlite, data, progress) => changeRulesAndRematch(sqlite, data.change, progress, data.appliedWrite),
  { afterDone: checkpoint },
);
