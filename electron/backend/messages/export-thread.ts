import { runJobThread } from '../runtime/job-thread';
import type { JobProgress } from '../runtime/jobs';
import { writeGridExport, type GridExportData } from './export';

await runJobThread<GridExportData, JobProgress, { rows: number; path: string }>(writeGridExport);
