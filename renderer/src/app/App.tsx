import { useState } from 'react';
import type { MessageKey } from '../../../shared/i18n';
import { EmptyState } from '../components/EmptyState';
import { JobProgress } from '../components/JobProgress';
import { MessageList } from '../features/grid';
import { ImportScreen } from '../features/import';
import { I18nProvider, useI18n } from './i18n';
import { LanguageSwitch } from './LanguageSwitch';

const SECTIONS = ['grid', 'queue', 'dashboard', 'leads', 'reports', 'import'] as const;
type Section = (typeof SECTIONS)[number];
const ICONS: Record<Section, string> = { grid: '▦', queue: '☰', dashboard: '◔', leads: '◎', reports: '▤', import: '⇪' };

export function App() {
  return (
    <I18nProvider fallback={<div className="loading">…</div>}>
      <Frame />
    </I18nProvider>
  );
}

function Frame() {
  const { t } = useI18n();
  const [section, setSection] = useState<Section>('grid');
  const [batch, setBatch] = useState<number | undefined>(undefined);
  const [droppedPath, setDroppedPath] = useState<string | null>(null);

  // A file dropped anywhere on the window opens the import wizard on it.
  const onDrop = (event: React.DragEvent): void => {
    const file = event.dataTransfer.files[0];
    if (!file || !window.pulso.pathForFile) return;
    event.preventDefault();
    setDroppedPath(window.pulso.pathForFile(file));
    setSection('import');
  };
  const screen = (() => {
    switch (section) {
      case 'grid': return <MessageList batch={batch} onClearBatch={() => setBatch(undefined)} />;
      case 'import': return <ImportScreen droppedPath={droppedPath} onOpenBatch={(id) => { setBatch(id); setSection('grid'); }} />;
      default: return <EmptyState title={t(`nav.${section}`)} text={t(`empty.${section}`)} />;
    }
  })();
  return (
    <div className="frame" onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
      <nav className="rail" aria-label={t('nav.label')}>
        <div className="brand" aria-hidden="true">P</div>
        {SECTIONS.map((name, index) => (
          <button
            key={name}
            className="rail-item"
            aria-current={section === name ? 'page' : undefined}
            title={`${t(`nav.${name}` as MessageKey)} (Alt+${index + 1})`}
            accessKey={String(index + 1)}
            onClick={() => setSection(name)}
          >
            <span className="rail-icon" aria-hidden="true">{ICONS[name]}</span>
            <span className="rail-label">{t(`nav.${name}` as MessageKey)}</span>
          </button>
        ))}
        <div className="rail-spacer" />
        <LanguageSwitch />
      </nav>
      <main className="work">
        {screen}
      </main>
      <JobProgress />
    </div>
  );
}
