import { useState } from 'react';
import type { LeadSummary } from '../../../../shared/api/leads';
import { foldText } from '../../../../shared/domain/matching';
import { LEAD_STAGES, type LeadStage } from '../../../../shared/domain/vocabulary';
import { useI18n } from '../../app/i18n';

/** What the list narrows by: a stage, and text in the contact, company, owner, product or campaign. */
interface Filter {
  stage: LeadStage | null;
  text: string;
  owner: string;
  campaign: string;
}

export function matchesFilter(lead: LeadSummary, filter: Filter): boolean {
  if (filter.stage && lead.stage !== filter.stage) return false;
  if (filter.owner && lead.owner !== filter.owner) return false;
  if (filter.campaign && lead.campaign !== filter.campaign) return false;
  const text = foldText(filter.text.trim());
  return (
    !text ||
    [lead.contact, lead.name, lead.company, lead.product, lead.email].some((v) => foldText(v ?? '').includes(text))
  );
}

const distinct = (values: (string | null)[]): string[] =>
  [...new Set(values.filter((v): v is string => Boolean(v)))].sort((a, b) => a.localeCompare(b));

/** Every lead as a row, narrowed by stage (with each stage's count), owner, campaign and text; a row opens the lead. */
export function LeadList({
  leads,
  open,
  onOpen,
}: {
  leads: LeadSummary[];
  open: number | null;
  onOpen(id: number): void;
}) {
  const { t, number, date } = useI18n();
  const [filter, setFilter] = useState<Filter>({ stage: null, text: '', owner: '', campaign: '' });
  // The counts per stage follow the other filters, so a chip says what choosing it would show.
  const unstaged = leads.filter((lead) => matchesFilter(lead, { ...filter, stage: null }));
  const shown = unstaged.filter((lead) => !filter.stage || lead.stage === filter.stage);
  const set = (change: Partial<Filter>): void => setFilter({ ...filter, ...change });
  return (
    <div className="lead-list">
      <div className="toolbar">
        <div role="group" aria-label={t('leads.byStage')} className="stage-chips">
          <button aria-pressed={filter.stage === null} onClick={() => set({ stage: null })}>
            {t('leads.allStages')} <span className="count">{number(unstaged.length)}</span>
          </button>
          {LEAD_STAGES.map((stage) => (
            <button key={stage} aria-pressed={filter.stage === stage} onClick={() => set({ stage })}>
              {t(`leads.stage.${stage}`)}{' '}
              <span className="count">{number(unstaged.filter((lead) => lead.stage === stage).length)}</span>
            </button>
          ))}
        </div>
        <input
          type="search"
          aria-label={t('leads.search')}
          placeholder={t('leads.search')}
          value={filter.text}
          onChange={(e) => set({ text: e.target.value })}
        />
        <select aria-label={t('leads.owner')} value={filter.owner} onChange={(e) => set({ owner: e.target.value })}>
          <option value="">{t('leads.anyOwner')}</option>
          {distinct(leads.map((lead) => lead.owner)).map((owner) => (
            <option key={owner}>{owner}</option>
          ))}
        </select>
        <select
          aria-label={t('leads.campaign')}
          value={filter.campaign}
          onChange={(e) => set({ campaign: e.target.value })}
        >
          <option value="">{t('leads.anyCampaign')}</option>
          {distinct(leads.map((lead) => lead.campaign)).map((campaign) => (
            <option key={campaign}>{campaign}</option>
          ))}
        </select>
      </div>
      <table aria-label={t('leads.list')}>
        <thead>
          <tr>
            <th>{t('leads.contact')}</th>
            <th>{t('leads.company')}</th>
            <th>{t('leads.stageColumn')}</th>
            <th>{t('leads.owner')}</th>
            <th>{t('leads.expectedValue')}</th>
            <th>{t('leads.product')}</th>
            <th>{t('leads.campaign')}</th>
            <th>{t('leads.touchesColumn')}</th>
            <th>{t('leads.createdColumn')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((lead) => (
            <tr
              key={lead.id}
              tabIndex={0}
              aria-selected={open === lead.id}
              onClick={() => onOpen(lead.id)}
              onKeyDown={(e) => e.key === 'Enter' && onOpen(lead.id)}
            >
              <td>{lead.contact ?? lead.name}</td>
              <td>{lead.company ?? ''}</td>
              <td>{t(`leads.stage.${lead.stage}`)}</td>
              <td>{lead.owner ?? ''}</td>
              <td className="number">
                {lead.expectedValue === null ? '' : `${number(lead.expectedValue)} ${lead.currency}`}
              </td>
              <td>{lead.product ?? ''}</td>
              <td>{lead.campaign ?? ''}</td>
              <td className="number">{number(lead.messages)}</td>
              <td>{date(lead.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {shown.length === 0 && <p className="hint">{t('leads.noneMatch')}</p>}
    </div>
  );
}
