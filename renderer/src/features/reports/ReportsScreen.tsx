import { useCallback, useRef, useState } from 'react';
import type { JobEvent } from '../../../../shared/api/envelope';
import { DECK_SECTIONS, type DeckFormat, type DeckSectionKey, type ReportResult } from '../../../../shared/api/reports';
import { LANGUAGES, type Language } from '../../../../shared/domain/vocabulary';
import type { MessageKey } from '../../../../shared/i18n';
import { api } from '../../api/client';
import { useApi } from '../../api/useApi';
import { useI18n } from '../../app/i18n';
import { EmptyState } from '../../components/EmptyState';
import { FallbackNotice, PeriodPicker, useDefaultPeriod } from '../../components/PeriodPicker';
import { Branding } from './Branding';
import { LANGUAGE_NAMES, RecentReports } from './RecentReports';

type Run =
  | { state: 'idle' }
  | { state: 'running'; done: number; total: number }
  | { state: 'finished'; result: ReportResult }
  | { state: 'failed'; message: string }
  | { state: 'cancelled' };

/** The quarterly deck: period, sections, language and format; progress with cancel; the decks written before. */
export function ReportsScreen() {
  const { t, language: uiLanguage, number } = useI18n();
  // Last quarter until the user picks a period (or the latest with messages, when that one has none).
  const periodState = useDefaultPeriod('lastQuarter');
  const { period, span, today, setPeriod } = periodState;
  const [sections, setSections] = useState<DeckSectionKey[]>([...DECK_SECTIONS]);
  // The deck's language follows the app's until the user picks one for it.
  const [chosenLanguage, setLanguage] = useState<Language | null>(null);
  const language = chosenLanguage ?? uiLanguage;
  const [format, setFormat] = useState<DeckFormat>('xlsx');
  const [run, setRun] = useState<Run>({ state: 'idle' });
  const jobId = useRef<string | undefined>(undefined);
  const recent = useApi('reports.list', {});

  const write = useCallback(async () => {
    if (!period) return;
    const suggestedName = `Pulso ${period.from} – ${period.to}.${format}`;
    const { path } = await api.call('files.choose', {
      purpose: format === 'xlsx' ? 'reportXlsx' : 'reportPptx',
      suggestedName,
    });
    if (!path) return;
    setRun({ state: 'running', done: 0, total: 1 });
    try {
      const last = await api.runJob(
        'reports.write',
        { ...period, path, format, language, sections },
        (event: JobEvent) => {
          jobId.current = event.jobId;
          if (event.state === 'progress') setRun({ state: 'running', done: event.done ?? 0, total: event.total ?? 1 });
        },
      );
      if (last.state === 'finished') setRun({ state: 'finished', result: last.result });
      else if (last.state === 'cancelled') setRun({ state: 'cancelled' });
      else setRun({ state: 'failed', message: last.message ?? '' });
    } catch (error) {
      setRun({ state: 'failed', message: (error as Error).message });
    } finally {
      jobId.current = undefined;
      recent.reload();
    }
  }, [period, format, language, sections, recent]);

  if (periodState.empty) return <EmptyState title={t('reports.title')} text={t('reports.noData')} />;
  const toggle = (key: DeckSectionKey, on: boolean): void =>
    setSections((list) => DECK_SECTIONS.filter((s) => (s === key ? on : list.includes(s))));
  const running = run.state === 'running';
  return (
    <section className="reports-screen" aria-label={t('reports.title')}>
      <header className="toolbar">
        <h1>{t('reports.title')}</h1>
        {period && span && <PeriodPicker period={period} today={today} span={span} onChange={setPeriod} />}
      </header>
      <FallbackNotice state={periodState} />
      <form
        className="report-form"
        onSubmit={(e) => {
          e.preventDefault();
          void write();
        }}
      >
        <fieldset>
          <legend>{t('reports.sections')}</legend>
          <label className="fixed">
            <input type="checkbox" checked disabled /> {t('deck.sheet.summary')}
          </label>
          {DECK_SECTIONS.map((key) => (
            <label key={key}>
              <input type="checkbox" checked={sections.includes(key)} onChange={(e) => toggle(key, e.target.checked)} />{' '}
              {t(`deck.sheet.${key}` as MessageKey)}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('reports.format')}</legend>
          {(['xlsx', 'pptx'] as const).map((value) => (
            <label key={value}>
              <input type="radio" name="format" checked={format === value} onChange={() => setFormat(value)} />{' '}
              {t(value === 'xlsx' ? 'reports.excel' : 'reports.powerpoint')}
            </label>
          ))}
          <label>
            {t('reports.language')}{' '}
            <select value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
              {LANGUAGES.map((value) => (
                <option key={value} value={value}>
                  {LANGUAGE_NAMES[value]}
                </option>
              ))}
            </select>
          </label>
        </fieldset>
        <Branding />
        <div className="actions">
          <button className="primary" type="submit" disabled={running || !period || sections.length === 0}>
            {t('reports.write')}
          </button>
          {running && (
            <>
              <progress max={run.total} value={run.done} aria-label={t('reports.writing')} />
              <span role="status">{t('reports.writing')}</span>
              <button
                type="button"
                onClick={() => jobId.current && void api.call('jobs.cancel', { jobId: jobId.current })}
              >
                {t('import.cancel')}
              </button>
            </>
          )}
        </div>
      </form>
      {run.state === 'finished' && (
        <p className="notice" role="status" data-testid="report-written">
          {t(run.result.fileName.toLowerCase().endsWith('.pptx') ? 'reports.writtenPptx' : 'reports.writtenXlsx', {
            file: run.result.fileName,
            sheets: number(run.result.sheets),
            charts: number(run.result.charts),
            seconds: number(run.result.seconds, 1),
          })}{' '}
          {/* Id 0: its record waits for a job's write lock; the recent list shows it once stored. */}
          {run.result.id > 0 && (
            <button type="button" onClick={() => void api.call('reports.reveal', { id: run.result.id })}>
              {t('reports.reveal')}
            </button>
          )}
        </p>
      )}
      {run.state === 'cancelled' && (
        <p className="notice" role="status">
          {t('reports.cancelled')}
        </p>
      )}
      {run.state === 'failed' && (
        <div className="error" role="alert">
          <pre>{run.message}</pre>
        </div>
      )}
      <RecentReports runs={recent.data ?? []} />
    </section>
  );
}
