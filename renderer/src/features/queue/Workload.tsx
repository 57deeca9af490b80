import { useState } from 'react';
import type { CareTeamKpis } from '../../../../shared/api/kpis';
import { api } from '../../api/client';
import { useApi } from '../../api/useApi';
import { useI18n } from '../../app/i18n';
import { FallbackNotice, PeriodPicker, useDefaultPeriod } from '../../components/PeriodPicker';
import { formatWait } from '../../components/wait';

/** Workload per community manager and team for a period, and the per-case export (CSV or XLSX). */
export function Workload() {
  const { t, number } = useI18n();
  const periodState = useDefaultPeriod('lastQuarter');
  const { period, span, today, setPeriod } = periodState;
  const kpis = useApi('kpis.get', period, { reloadOn: ['writes'] });
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const care = kpis.data?.care;
  const percent = (value: number | null): string => (value === null ? '—' : `${number(value * 100, 1)} %`);
  const minutes = (value: number | null): string => (value === null ? '—' : formatWait(value * 60_000, number));
  const exportCases = async (): Promise<void> => {
    if (!period) return;
    setError(null);
    try {
      const chosenFile = await api.call('files.choose', {
        purpose: 'casesExport',
        suggestedName: `cases-${period.from}.xlsx`,
      });
      if (!chosenFile.path) return;
      const written = await api.call('cases.export', { ...period, path: chosenFile.path });
      setNotice(t('workload.exported', { count: written.cases, file: chosenFile.name ?? '' }));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const rows = (
    byWho: Record<string, CareTeamKpis & { replies?: number; cannedShare?: number | null; labeled?: number }>,
  ) =>
    Object.entries(byWho).map(([who, k]) => (
      <tr key={who}>
        <th scope="row">{who}</th>
        <td className="number">{number(k.requested)}</td>
        <td className="number">{number(k.resolved)}</td>
        <td className="number">{minutes(k.firstResponseMinutes)}</td>
        <td className="number">{percent(k.slaHitRate)}</td>
        <td className="number">{number(k.slaBreaches)}</td>
        {k.replies !== undefined && (
          <>
            <td className="number">{number(k.replies)}</td>
            <td className="number">{percent(k.cannedShare ?? null)}</td>
            <td className="number">{number(k.labeled ?? 0)}</td>
          </>
        )}
      </tr>
    ));
  const head = (first: string, agents: boolean) => (
    <thead>
      <tr>
        <th>{first}</th>
        <th>{t('workload.cases')}</th>
        <th>{t('workload.resolved')}</th>
        <th>{t('workload.firstResponse')}</th>
        <th>{t('workload.slaHitRate')}</th>
        <th>{t('workload.breaches')}</th>
        {agents && (
          <>
            <th>{t('workload.replies')}</th>
            <th>{t('workload.canned')}</th>
            <th>{t('workload.labeled')}</th>
          </>
        )}
      </tr>
    </thead>
  );
  return (
    <div className="workload">
      <div className="toolbar">
        {period && span && <PeriodPicker period={period} today={today} span={span} onChange={setPeriod} />}
        <button onClick={() => void exportCases()}>{t('workload.export')}</button>
        {notice && (
          <span className="notice" role="status">
            {notice}
          </span>
        )}
        {error && (
          <span className="error" role="alert">
            {error}
          </span>
        )}
      </div>
      <FallbackNotice state={periodState} />
      {care && (
        <>
          <p className="workload-summary">
            {t('workload.summary', {
              requested: care.requested,
              resolved: care.resolved,
              hit: percent(care.slaHitRate),
              canned: percent(care.cannedShare),
            })}
          </p>
          <table aria-label={t('workload.byAgent')}>
            {head(t('workload.agent'), true)}
            <tbody>{rows(care.byAgent)}</tbody>
          </table>
          <table aria-label={t('workload.byTeam')}>
            {head(t('workload.team'), false)}
            <tbody>{rows(care.byTeam)}</tbody>
          </table>
        </>
      )}
    </div>
  );
}
