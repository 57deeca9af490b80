import { useState } from 'react';
import type { GridColumn } from '../../../../shared/api/grid';
import type { MessageFilter, MessageSort } from '../../../../shared/api/messages';
import { api } from '../../api/client';
import { useI18n } from '../../app/i18n';

interface Props {
  filter: MessageFilter;
  sort: MessageSort;
  columns: GridColumn[];
  onDone(status: string): void;
}

/** Exports what the grid shows (filter, order, visible columns) as a job: its progress bar is the jobs' own. */
export function ExportButton({ filter, sort, columns, onDone }: Props) {
  const { t, language } = useI18n();
  const [running, setRunning] = useState(false);
  const run = async (): Promise<void> => {
    const chosen = await api.call('files.choose', {
      purpose: 'gridExport',
      suggestedName: `${language === 'es' ? 'menciones' : 'messages'}.xlsx`,
    });
    if (!chosen.path) return;
    setRunning(true);
    try {
      const end = await api.runJob('messages.export', { path: chosen.path, filter, sort, columns });
      if (end.state === 'finished') onDone(t('grid.exported', { count: end.result.rows, file: chosen.name ?? '' }));
    } catch (error) {
      onDone((error as Error).message);
    } finally {
      setRunning(false);
    }
  };
  return (
    <button title={t('grid.exportTitle')} disabled={running} onClick={() => void run()}>
      {t('grid.export')}
    </button>
  );
}
