import { checkpoint } from '../runtime/checkpoint';
import { runJobThread, type JobThreadData } from '../runtime/job-thread';
import type { JobProgress } from '../runtime/jobs';
import type { DemoResult } from '../../../shared/api/contract';
import { writeDemo } from './write';

export interface DemoThreadData extends JobThreadData {
  messages: number;
  seed: number;
}

await runJobThread<DemoThreadData, JobProgress, DemoResult>(
  (sqlite, data, progress) => writeDemo(sqlite, data.messages, data.seed, progress),
  { afterDone: checkpoint },
);
