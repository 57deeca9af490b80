import { lazy, Suspense, useState } from 'react';
import { createTranslator, languageFor, type MessageKey } from '../../../shared/i18n';
import { EmptyState } from '../components/EmptyState';
import { JobProgress } from '../components/JobProgress';
import type { MessageFilter } from '../../../shared/api/messages';
import { MessageList } from '../features/grid';
import { I18nProvider, useI18n } from './i18n';
import { AskName } from './AskName';
import { LanguageSwitch } from './LanguageSwitch';

// Screens other than the grid load when first opened (the dashboard brings ECharts).
const Dashboard = lazy(() => import('../features/dashboard').then((m) => ({ default: m.Dashboard })));
const TrackingScreen = lazy(() => import('../features/entities').then((m) => ({ default: m.TrackingScreen })));
const LeadsScreen = lazy(() => import('../features/leads').then((m) => ({ default: m.LeadsScreen })));
const ReportsScreen = lazy(() => import('../features/reports').then((m) => ({ default: m.ReportsScreen })));
const QueueScreen = lazy(() => import('../features/queue').then((m) => ({ default: m.QueueScreen })));
const ImportScreen = lazy(() => import('../features/import').then((m) => ({ default: m.ImportScreen })));
const SettingsScreen = lazy(() => import('../features/settings').then((m) => ({ default: m.SettingsScreen })));

const SECTIONS = ['grid', 'queue', 'dashboard', 'leads', 'reports', 'import', 'tracking', 'settings'] as const;
type Section = (typeof SECTIONS)[number];
const ICONS: Record<Section, string> = {
  grid: '▦',
  queue: '☰',
  dashboard: '◔',
  leads: '◎',
  reports: '▤',
  import: '⇪',
  tracking: '◇',
  settings: '⚙',
};

export function App() {
  return (
    // Until the workspace answers (seconds when one from an earlier Pulso is upgraded), in the system's language.
    <I18nProvider
      fallback={
        <div className="loading" role="status">
          {createTranslator(languageFor(navigator.language), 'UTC').t('app.opening')}
        </div>
      }
    >
      <Frame />
    </I18nProvider>
  );
}

function Frame() {
  const { t } = useI18n();
  const [section, setSection] = useState<Section>('grid');
  // The grid's scope from another screen; a new scope remounts the grid with fresh filters.
  const [scope, setScope] = useState<{ filter: MessageFilter; key: number } | undefined>(undefined);
  const openGrid = (filter: MessageFilter): void => {
    setScope({ filter, key: Date.now() });
    setSection('grid');
  };
  const [dropped, setDropped] = useState<{ path: string; name: string } | null>(null);

  // A file dropped anywhere on the window opens the import wizard on it.
  const onDrop = (event: React.DragEvent): void => {
    const file = event.dataTransfer.files[0];
    const { dropFile } = window.pulso;
    if (!file || !dropFile) return;
    event.preventDefault();
    void dropFile(file).then((answer) => {
      if (!answer.ok) return;
      setDropped(answer.value);
      setSection('import');
    });
  };
  const screen = (() => {
    switch (section) {
      case 'grid':
        return <MessageList key={scope?.key} initialFilter={scope?.filter} />;
      case 'queue':
        return <QueueScreen />;
      case 'dashboard':
        return <Dashboard onOpenGrid={openGrid} />;
      case 'tracking':
        return <TrackingScreen />;
      case 'settings':
        return <SettingsScreen />;
      case 'leads':
        return <LeadsScreen />;
      case 'reports':
        return <ReportsScreen />;
      case 'import':
        return <ImportScreen dropped={dropped} onOpenBatch={(batch) => openGrid({ batch })} />;
      default:
        return <EmptyState title={t(`nav.${section}`)} text={t(`empty.${section}`)} />;
    }
  })();
  return (
    <div className="frame" onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
      <nav className="rail" aria-label={t('nav.label')}>
        <div className="brand" aria-hidden="true">
          P
        </div>
        {SECTIONS.map((name, index) => (
          <button
            key={name}
            className="rail-item"
            aria-current={section === name ? 'page' : undefined}
            title={`${t(`nav.${name}` as MessageKey)} (Alt+${index + 1})`}
            accessKey={String(index + 1)}
            onClick={() => setSection(name)}
          >
            <span className="rail-icon" aria-hidden="true">
              {ICONS[name]}
            </span>
            <span className="rail-label">{t(`nav.${name}` as MessageKey)}</span>
          </button>
        ))}
        <div className="rail-spacer" />
        <LanguageSwitch />
      </nav>
      <main className="work">
        <Suspense fallback={<div className="loading">{t('app.loading')}</div>}>{screen}</Suspense>
      </main>
      <JobProgress shownByScreen={section === 'import' ? ['import'] : section === 'reports' ? ['report'] : []} />
      <AskName />
    </div>
  );
}
