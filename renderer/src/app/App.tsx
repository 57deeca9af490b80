import { useState } from 'react';
import type { MessageKey } from '../../../shared/i18n';
import { EmptyState } from '../components/EmptyState';
import { JobProgress } from '../components/JobProgress';
import { MessageList } from '../features/grid';
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
  return (
    <div className="frame">
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
        {section === 'grid' ? <MessageList /> : <EmptyState title={t(`nav.${section}`)} text={t(`empty.${section}`)} />}
      </main>
      <JobProgress />
    </div>
  );
}
