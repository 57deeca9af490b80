import { useState } from 'react';
import type { Batch, BatchUndoPreview } from '../../../../shared/api/import';
import { isPending } from '../../../../shared/api/envelope';
import { api } from '../../api/client';
import { useApi } from '../../api/useApi';
import { useI18n } from '../../app/i18n';

/** Past imports, each undoable as a whole; `onUndone` hears of each batch undone. */
export function Batches({ onUndone }: { onUndone?: (batch: number) => void } = {}) {
  const { t, number, dateTime } = useI18n();
  const list = useApi('import.batches', {}, { reloadOn: ['writes'] });
  const batches = list.data ?? [];
  const [notice, setNotice] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<BatchUndoPreview | null>(null);

  // What the undo takes is asked of the store when the user asks, not shown from the list's counts: labels made
  // since and batches sharing rows change.
  const ask = async (batch: Batch): Promise<void> => {
    setConfirming(await api.call('import.undoPreview', { batch: batch.id }));
  };
  const undo = async (batch: Batch): Promise<void> => {
    const result = await api.call('import.undo', { batch: batch.id });
    setConfirming(null);
    if (!isPending(result)) onUndone?.(result.batch);
    setNotice(
      isPending(result)
        ? t('writes.keptUndo', { batch: batch.id })
        : t('import.undone', { batch: result.batch, count: number(result.messages) }),
    );
    list.reload();
  };

  return (
    <div className="batches">
      <h2>{t('import.batches')}</h2>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {batches.length === 0 ? (
        <p className="hint">{t('import.noBatches')}</p>
      ) : (
        <table aria-label={t('import.batches')}>
          <thead>
            <tr>
              <th>#</th>
              <th>{t('import.file')}</th>
              <th>{t('import.col.when')}</th>
              <th>{t('import.col.rows')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {batches.map((batch) => (
              <tr key={batch.id}>
                <td>{batch.id}</td>
                <td title={batch.sha256}>{batch.fileName}</td>
                <td>{dateTime(batch.importedAt)}</td>
                <td>
                  {number(batch.rowsNew)} / {number(batch.rowsDuplicate)} / {number(batch.rowsRejected)}
                </td>
                <td>
                  {confirming?.batch === batch.id ? (
                    <>
                      <UndoPreview preview={confirming} />{' '}
                      <button className="danger" onClick={() => void undo(batch)}>
                        {t('import.undo')}
                      </button>{' '}
                      <button onClick={() => setConfirming(null)}>{t('import.cancel')}</button>
                    </>
                  ) : (
                    <button onClick={() => void ask(batch)}>{t('import.undo')}</button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** What an undo takes (and keeps), said before the user confirms. */
function UndoPreview({ preview }: { preview: BatchUndoPreview }) {
  const { t, number } = useI18n();
  const takes = [
    t('import.confirmUndo', { batch: preview.batch, count: number(preview.messages) }),
    preview.labelsSince > 0 && t('import.undoLabelsSince', { count: number(preview.labelsSince) }),
    preview.cases > 0 && t('import.undoCases', { count: number(preview.cases) }),
    preview.deals > 0 && t('import.undoDeals', { count: number(preview.deals) }),
    preview.dealsChanged > 0 && t('import.undoDealsChanged', { count: number(preview.dealsChanged) }),
  ].filter(Boolean);
  return (
    <span className="undo-preview" role="alert">
      {takes.join(', ')}.{preview.kept > 0 && <> {t('import.undoKept', { count: number(preview.kept) })}.</>}
    </span>
  );
}
