import { useRef, useState } from 'react';
import type { LeadSummary } from '../../../../shared/api/leads';
import { LEAD_STAGES, type LeadStage } from '../../../../shared/domain/vocabulary';
import { isPending } from '../../../../shared/api/envelope';
import { api } from '../../api/client';
import { useApi } from '../../api/useApi';
import { useI18n } from '../../app/i18n';
import { EmptyState } from '../../components/EmptyState';
import { LeadPanel } from './LeadPanel';
import { ThreeLegs } from './ThreeLegs';
import { DealsToMatch } from './DealsToMatch';
import { ContactsList } from './ContactsList';
import { LeadList } from './LeadList';

const TAB_NAMES = {
  pipeline: 'legs.pipelineTab',
  list: 'leads.listTab',
  legs: 'legs.tab',
  deals: 'deals.tab',
  contacts: 'contacts.tab',
} as const;

/** The stage a key moves a lead to from `stage`: ← and → step along the pipeline. */
export function stageAfterKey(stage: LeadStage, key: string): LeadStage | null {
  const at = LEAD_STAGES.indexOf(stage);
  const next = key === 'ArrowRight' ? at + 1 : key === 'ArrowLeft' ? at - 1 : -1;
  return next >= 0 && next < LEAD_STAGES.length && next !== at ? (LEAD_STAGES[next] as LeadStage) : null;
}

/**
 * The pipeline board: a column per stage with its count and value; a card moves by dragging it to another column or
 * with ← → while it has the focus (each move dated and attributed, as every stage change is); Enter opens the lead.
 */
export function LeadsScreen() {
  const { t, number } = useI18n();
  const list = useApi('leads.list', {}, { reloadOn: ['writes'] });
  const [open, setOpen] = useState<number | null>(null);
  /** The last move, said in the language shown now. */
  const [moved, setMoved] = useState<{ contact: string; stage: LeadStage; kept: boolean } | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** The card to focus once it shows in the stage it was moved to (the keyboard moves it on from there). */
  const focusAfterMove = useRef<{ lead: number; stage: LeadStage } | null>(null);
  const leads = list.data ?? [];
  const [view, setView] = useState<'pipeline' | 'list' | 'legs' | 'deals' | 'contacts'>('pipeline');

  const move = async (lead: LeadSummary, stage: LeadStage): Promise<void> => {
    focusAfterMove.current = { lead: lead.id, stage };
    setError(null);
    try {
      const result = await api.call('leads.stage', { lead: lead.id, stage });
      setMoved({ contact: lead.contact ?? lead.name, stage, kept: isPending(result) });
      list.reload();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <section className="leads-screen" aria-label={t('nav.leads')}>
      <header className="toolbar">
        <h1>{t('nav.leads')}</h1>
        <div role="tablist" className="tabs">
          {(['pipeline', 'list', 'legs', 'deals', 'contacts'] as const).map((tab) => (
            <button key={tab} role="tab" aria-selected={view === tab} onClick={() => setView(tab)}>
              {t(TAB_NAMES[tab])}
            </button>
          ))}
        </div>
        {view === 'pipeline' && <span className="hint">{t('leads.keys')}</span>}
        {moved && (
          <span className="notice" role="status">
            {t(moved.kept ? 'leads.movedKept' : 'leads.moved', {
              contact: moved.contact,
              stage: t(`leads.stage.${moved.stage}`),
            })}
          </span>
        )}
        {error && (
          <span className="warning" role="alert">
            {error}
          </span>
        )}
      </header>
      {view === 'legs' ? (
        <ThreeLegs />
      ) : view === 'contacts' ? (
        <ContactsList />
      ) : view === 'deals' ? (
        <DealsToMatch />
      ) : view === 'list' && leads.length > 0 ? (
        <div className="leads-body">
          <LeadList leads={leads} open={open} onOpen={setOpen} />
          {open !== null && <LeadPanel lead={open} onClose={() => setOpen(null)} onChanged={list.reload} />}
        </div>
      ) : list.data && leads.length === 0 ? (
        <EmptyState title={t('nav.leads')} text={t('leads.none')} />
      ) : (
        <div className="leads-body">
          <div className="board" role="list" aria-label={t('leads.board')}>
            {LEAD_STAGES.map((stage) => {
              const here = leads.filter((lead) => lead.stage === stage);
              const value = here.reduce((sum, lead) => sum + (lead.expectedValue ?? 0), 0);
              return (
                <section
                  key={stage}
                  className={`stage stage-${stage}`}
                  aria-label={t(`leads.stage.${stage}`)}
                  role="listitem"
                  onDragOver={(e) => e.preventDefault()}
                  onDrop={(e) => {
                    const lead = leads.find((l) => String(l.id) === e.dataTransfer.getData('text/plain'));
                    if (lead && lead.stage !== stage) void move(lead, stage);
                  }}
                >
                  <h2>
                    {t(`leads.stage.${stage}`)} <span className="count">{number(here.length)}</span>
                  </h2>
                  {value > 0 && <p className="stage-value">{number(value)}</p>}
                  {here.map((lead) => (
                    <button
                      key={lead.id}
                      className={`lead-card${open === lead.id ? ' open' : ''}`}
                      draggable
                      ref={(node) => {
                        const target = focusAfterMove.current;
                        if (node && target?.lead === lead.id && target.stage === lead.stage) {
                          node.focus();
                          focusAfterMove.current = null;
                        }
                      }}
                      aria-label={[
                        lead.contact ?? lead.name,
                        lead.company,
                        t('leads.touches', { count: number(lead.messages) }),
                      ]
                        .filter(Boolean)
                        .join(', ')}
                      onDragStart={(e) => e.dataTransfer.setData('text/plain', String(lead.id))}
                      onClick={() => setOpen(lead.id)}
                      onKeyDown={(e) => {
                        const next = stageAfterKey(lead.stage, e.key);
                        if (!next) return;
                        e.preventDefault();
                        void move(lead, next);
                      }}
                    >
                      <strong>{lead.contact ?? lead.name}</strong>
                      {lead.company && <span>{lead.company}</span>}
                      <small>
                        {t('leads.touches', { count: number(lead.messages) })}
                        {lead.expectedValue !== null && ` · ${number(lead.expectedValue)} ${lead.currency}`}
                      </small>
                    </button>
                  ))}
                </section>
              );
            })}
          </div>
          {open !== null && <LeadPanel lead={open} onClose={() => setOpen(null)} onChanged={list.reload} />}
        </div>
      )}
    </section>
  );
}
