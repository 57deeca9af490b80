import type { ReportRun } from '../../../../shared/api/reports';
import type { Language } from '../../../../shared/domain/vocabulary';
import { api } from '../../api/client';
import { useI18n } from '../../app/i18n';

/** Each language by its own name, as language pickers show them. */
export const LANGUAGE_NAMES: Record<Language, string> = { es: 'Español', en: 'English' };

/** The decks written from this workspace, latest first: their period, file and folder, and a way to them. */
export function RecentReports({ runs }: { runs: ReportRun[] }) {
  const { t, date, dateTime } = useI18n();
  const day = (iso: string): string => date(Date.parse(`${iso}T12:00:00Z`));
  return (
    <div className="recent-reports">
      <h2>{t('reports.recent')}</h2>
      {runs.length === 0 ? (
        <p className="hint">{t('reports.none')}</p>
      ) : (
        <table aria-label={t('reports.recent')}>
          <thead>
            <tr>
              <th>{t('reports.period')}</th>
              <th>{t('reports.file')}</th>
              <th>{t('reports.folder')}</th>
              <th>{t('reports.language')}</th>
              <th>{t('reports.when')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {runs.map((run) => (
              <tr key={run.id} className={run.exists ? undefined : 'gone'}>
                <td>
                  {day(run.from)} – {day(run.to)}
                </td>
                <td>
                  {run.fileName} {run.exists ? '' : <small>({t('reports.gone')})</small>}
                </td>
                <td className="folder" title={run.folder}>
                  {run.folder}
                </td>
                <td>{LANGUAGE_NAMES[run.language as Language] ?? run.language}</td>
                <td>
                  {dateTime(run.createdAt)} · {run.createdBy}
                </td>
                <td>
                  {run.exists && (
                    <button type="button" onClick={() => void api.call('reports.reveal', { id: run.id })}>
                      {t('reports.reveal')}
                    </button>
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
