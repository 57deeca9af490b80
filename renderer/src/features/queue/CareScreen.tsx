import { useState } from 'react';
import type { MessageKey } from '../../../../shared/i18n';
import { useI18n } from '../../app/i18n';
import { CareRules } from './CareRules';
import { IdeasBoard } from './IdeasBoard';
import { QueueView } from './QueueScreen';
import { Workload } from './Workload';

const TABS = {
  queue: 'care.tab.queue',
  ideas: 'care.tab.ideas',
  workload: 'care.tab.workload',
  rules: 'care.tab.rules',
} as const;

/** The care desk: the queue a community manager works in, the ideas board and the team's workload. */
export function QueueScreen() {
  const { t } = useI18n();
  const [tab, setTab] = useState<keyof typeof TABS>('queue');
  return (
    <div className="queue-screen">
      <div role="tablist" className="tabs care-tabs">
        {(Object.keys(TABS) as (keyof typeof TABS)[]).map((name) => (
          <button key={name} role="tab" aria-selected={tab === name} onClick={() => setTab(name)}>
            {t(TABS[name] as MessageKey)}
          </button>
        ))}
      </div>
      {tab === 'queue' && <QueueView />}
      {tab === 'ideas' && <IdeasBoard />}
      {tab === 'workload' && <Workload />}
      {tab === 'rules' && <CareRules />}
    </div>
  );
}
