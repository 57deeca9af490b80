import type { MessagePage, ParsedInput } from '../../../shared/api/contract';
import { DEFAULT_GRID_PREFS, gridPrefsSchema } from '../../../shared/api/grid';
import type { Temperature } from '../../../shared/domain/temperature';
import { loadJsonSetting, saveJsonSetting } from '../../../db/queries/settings';
import { messageDetail, messageSpan, messageIds, pageMessages } from '../../../db/queries/messages';
import { labelHistory } from '../../../db/queries/labels';
import { extname } from 'node:path';
import { notFound, Refused } from '../runtime/context';
import type { JobProgress } from '../runtime/jobs';
import { checkOutputPath, removePartials } from '../runtime/output-file';
import { runInWorker } from '../runtime/workers';
import type { GridExportData } from './export';
import { workspaceLanguage, workspaceSettings } from '../runtime/defaults';
import { defineHandlers } from '../runtime/define-handlers';

const GRID_PREFS = 'gridPrefs';

type LabelChange = Pick<ParsedInput<'labels.set'>, 'ids' | 'temperature' | 'kind'>;

/**
 * Labels still waiting for a job to end, shown on the rows they change (marked pending), in the order they were made.
 */
function withWaitingLabels(page: MessagePage, waiting: readonly LabelChange[]): MessagePage {
  if (waiting.length === 0) return page;
  const rows = page.rows.map((row) => {
    let next = row;
    for (const change of waiting) {
      if (!change.ids.includes(row.id)) continue;
      next = { ...next, pending: true };
      if (change.temperature !== undefined) next.temperature = change.temperature as Temperature | null;
      if (change.kind !== undefined) next.kind = change.kind;
    }
    return next;
  });
  return { ...page, rows };
}

export const messageHandlers = defineHandlers({
  'messages.page': (request, { store, writer }) =>
    withWaitingLabels(
      pageMessages(store.sqlite, request, workspaceSettings(store).timeZone),
      writer.waitingInputs('labels.set') as LabelChange[],
    ),
  'messages.ids': (request, { store }) => messageIds(store.sqlite, request, workspaceSettings(store).timeZone),
  'messages.count': ({ filter }, { store, reads }) =>
    reads.read('count', filter ?? {}, workspaceSettings(store).timeZone),
  'messages.span': (_input, { store }) => messageSpan(store.sqlite, workspaceSettings(store).timeZone),
  'messages.export': ({ path, filter, sort, columns }, { store, jobs, options }) => {
    const extension = extname(path).toLowerCase();
    if (extension !== '.csv' && extension !== '.xlsx')
      throw new Refused({ refusal: 'output-extensions', file: path, first: '.xlsx', second: '.csv' });
    checkOutputPath(path, 'export', { workspace: store.path });
    const settings = workspaceSettings(store);
    const data: GridExportData = {
      workspacePath: store.path,
      nativeBinding: options.nativeBinding,
      path,
      filter: filter ?? {},
      sort,
      columns,
      language: workspaceLanguage(settings),
      timeZone: settings.timeZone,
    };
    // Reads only: it runs beside labeling and imports, and a cancel leaves no half-written file.
    return {
      jobId: jobs.start('export', (context) =>
        runInWorker<JobProgress, { rows: number; path: string }>(
          'export',
          data,
          options,
          context.signal,
          context.progress,
          'The export',
        ).finally(() => removePartials(path)),
      ),
    };
  },
  'messages.detail': ({ id }, { store }) => {
    const detail = messageDetail(store.sqlite, id);
    if (!detail) throw notFound('message', id);
    return { ...detail, history: labelHistory(store.sqlite, id) };
  },
  'grid.prefs.get': (_input, { store }) => loadJsonSetting(store.db, GRID_PREFS, gridPrefsSchema, DEFAULT_GRID_PREFS),
  'grid.prefs.save': (patch, { store, writes }) =>
    writes.write(() => {
      const next = { ...loadJsonSetting(store.db, GRID_PREFS, gridPrefsSchema, DEFAULT_GRID_PREFS), ...patch };
      saveJsonSetting(store.db, GRID_PREFS, next);
      return next;
    }),
});
