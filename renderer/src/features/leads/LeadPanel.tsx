import { useEffect, useState } from 'react';
import type { MessageDetail } from '../../../../shared/api/contract';
import { api } from '../../api/client';
import { useApi } from '../../api/useApi';
import { useI18n } from '../../app/i18n';
import { TemperatureChip } from '../../components/TemperatureChip';
import { LeadFields } from './LeadFields';
import { authorText, sourceText } from '../../../../shared/domain/grid-text';

const DAY = 86_400_000;

/** A lead's page beside the board: its contact, its stage history and its conversation. */
export function LeadPanel({ lead, onClose, onChanged }: { lead: number; onClose(): void; onChanged(): void }) {
  const i18n = useI18n();
  const { t, dateTime, date, number } = i18n;
  const detail = useApi('leads.get', { lead }, { reloadOn: ['writes'] });
  const [messages, setMessages] = useState<MessageDetail['message'][]>([]);
  const ids = detail.data?.messageIds;
  useEffect(() => {
    if (!ids) return;
    let current = true;
    void Promise.all(ids.map((id) => api.call('messages.detail', { id }))).then(
      (found) => current && setMessages(found.map((d) => d.message)),
    );
    return () => {
      current = false;
    };
  }, [ids]);
  const data = detail.data;
  return (
    <aside
      className="panel lead-panel"
      aria-label={t('leads.panel')}
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <header>
        <h2>{data ? (data.contact ?? data.name) : '…'}</h2>
        <button onClick={onClose} aria-label={t('panel.close')}>
          ×
        </button>
      </header>
      {data && (
        <>
          <p>
            {[data.company, data.email].filter(Boolean).join(' · ')}
            {data.deal && <> · {t('leads.deal', { deal: data.deal })}</>}
          </p>
          <LeadFields
            lead={data}
            onSaved={() => {
              detail.reload();
              onChanged();
            }}
          />
          <h3>{t('leads.history')}</h3>
          <ol className="stage-history">
            {data.history.map((step, i) => (
              <li key={i}>
                {t(`leads.stage.${step.stage}`)} · {date(step.at)}
                {step.by && <small> · {step.by}</small>}
              </li>
            ))}
          </ol>
          {data.wonAt !== null && messages[0] && (
            <p className="trace" data-testid="trace">
              {t('leads.trace', {
                days: number((data.wonAt - messages[0].postedAt) / DAY, 0),
                touches: number(messages.length),
              })}
            </p>
          )}
          <h3>{t('leads.conversation')}</h3>
          <ul className="thread">
            {messages.map((message) => (
              <li key={message.id}>
                <small>
                  {dateTime(message.postedAt)} · {sourceText(message.source, i18n)} ·{' '}
                  {authorText(message.authorHandle, i18n)}
                  {data.wonAt !== null &&
                    ` · ${t('leads.beforeSale', { days: number((data.wonAt - message.postedAt) / DAY, 0) })}`}
                </small>{' '}
                <TemperatureChip value={message.temperature} />
                <div>{message.text}</div>
              </li>
            ))}
          </ul>
        </>
      )}
    </aside>
  );
}
