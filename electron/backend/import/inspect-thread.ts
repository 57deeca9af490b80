import type { ImportRequest } from './run';
import { runThread } from '../runtime/job-thread';
import { inspectFile } from './inspect';
import { readerOptions } from './readers';
import type { Mapping } from '../../../shared/domain/import/mapping';

export interface InspectThreadData {
  request: Pick<ImportRequest, 'path' | 'part' | 'password' | 'headerRow' | 'encoding'>;
  mapping: Mapping | undefined;
  timeZone: string;
}

// The wizard's first look at a file, with a heap cap and a time limit: a crafted file takes this thread down.
await runThread<InspectThreadData, Awaited<ReturnType<typeof inspectFile>>>(({ request, mapping, timeZone }) =>
  inspectFile(request.path, readerOptions(request), mapping, timeZone),
);
