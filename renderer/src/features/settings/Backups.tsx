import { useState } from 'react';
import { api } from '../../api/client';
import { useApi } from '../../api/useApi';
import { BACKUPS_KEPT } from '../../../../shared/api/contract';
import { useI18n } from '../../app/i18n';

/** Backups shown: the latest few (the folder keeps them all). */
const LISTED = 5;

/**
 * Copies of the whole workspace: one now into the backups folder beside it, or into a file the user names; the latest
 * ones listed. The jobs bar shows a copy's progress, with cancel.
 */
export function Backups() {
  const { t, number, dateTime } = useI18n();
  const backups = useApi('workspace.backups', {});
  const [running, setRunning] = useState(false);
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const megabytes = (bytes: number): string => number(bytes / 1_000_000, 1);

  const backUp = async (toFile: boolean): Promise<void> => {
    let path: string | undefined;
    if (toFile) {
      const chosen = await api.call('files.choose', {
        purpose: 'backup',
        suggestedName: `${t('backup.fileName')} ${new Date().toISOString().slice(0, 10)}.pulso`,
      });
      if (!chosen.path) return;
      path = chosen.path;
    }
    setRunning(true);
    setStatus(null);
    try {
      const end = await api.runJob('workspace.backup', path === undefined ? {} : { path });
      if (end.state === 'finished')
        setStatus({
          text: t('backup.done', { file: end.result.name, size: megabytes(end.result.bytes) }),
          error: false,
        });
      else if (end.state === 'cancelled') setStatus({ text: t('backup.cancelled'), error: false });
      else setStatus({ text: end.message ?? '', error: true });
    } catch (error) {
      setStatus({ text: (error as Error).message, error: true });
    } finally {
      setRunning(false);
      backups.reload();
    }
  };

  const list = backups.data ?? [];
  return (
    <fieldset className="backups">
      <legend>{t('backup.title')}</legend>
      <p className="muted">{t('backup.help', { kept: BACKUPS_KEPT })}</p>
      <div className="backup-buttons">
        <button type="button" disabled={running} onClick={() => void backUp(false)}>
          {t('backup.now')}
        </button>
        <button type="button" disabled={running} onClick={() => void backUp(true)}>
          {t('backup.toFile')}
        </button>
      </div>
      {status && (
        <p role={status.error ? 'alert' : 'status'} className={status.error ? 'error' : undefined}>
          {status.text}
        </p>
      )}
      {backups.data &&
        (list.length === 0 ? (
          <p className="muted">{t('backup.none')}</p>
        ) : (
          <>
            <p className="muted">{t('backup.latest', { count: list.length })}</p>
            <table>
              <tbody>
                {list.slice(0, LISTED).map((backup) => (
                  <tr key={backup.path} title={backup.path}>
                    <td>{dateTime(backup.at)}</td>
                    <td className="num">{t('backup.size', { size: megabytes(backup.bytes) })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ))}
    </fieldset>
  );
}
