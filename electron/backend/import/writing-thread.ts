import { openLoadConnection } from '../../../db/connection';
import type { ImportSummary } from '../../../shared/api/import';
import { checkpoint } from '../runtime/checkpoint';
import { runJobThread, type JobThreadData } from '../runtime/job-thread';
import type { WorkerOptions } from '../runtime/workers';
import { runImport, type ImportProgress, type ImportRequest, type ImportSettings } from './run';

export interface ImportThreadData extends JobThreadData {
  request: ImportRequest;
  settings: ImportSettings;
  workers: WorkerOptions;
}

// The import's writing thread; the rows are read and planned in a thread beside it (reading-thread.ts).
await runJobThread<ImportThreadData, ImportProgress, ImportSummary>(
  (sqlite, data, progress) =>
    runImport(sqlite, data.request, data.settings, progress, {
      workers: data.workers,
      nativeBinding: data.nativeBinding,
    }),
  { connect: openLoadConnection, afterDone: checkpoint },
);
