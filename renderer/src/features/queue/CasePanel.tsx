import { forwardRef, useState, type RefObject } from 'react';
import { CASE_PRIORITIES, type CaseDetail, type QueueItem } from '../../../../shared/api/cases';
import { CASE_STATUSES } from '../../../../shared/domain/vocabulary';
import type { MessageKey } from '../../../../shared/i18n';
import type { Temperature } from '../../../../shared/domain/temperature';
import { api } from '../../api/client';
import { useApi } from '../../api/useApi';
import { useI18n } from '../../app/i18n';
import { caseTypeFromText, caseTypeText, sourceText } from '../../../../shared/domain/grid-text';
import { TemperatureChip } from '../../components/TemperatureChip';
import { ReplyBox } from './ReplyBox';
import { StoryButton } from './StoryButton';

interface Props {
  item: QueueItem;
  options: { departments: string[]; assignees: string[]; types: string[] };
  replyRef: RefObject<HTMLTextAreaElement | null>;
  onOpenCase(): void;
}

/** The selected queue row: a case's page (fields, SLA, conversation, answer, notes, history) or a message to open. */
export const CasePanel = forwardRef<HTMLInputElement, Props>(function CasePanel(
  { item, options, replyRef, onOpenCase },
  assigneeRef,
) {
  const i18n = useI18n();
  const { t } = i18n;
  if (item.case === null)
    return (
      <aside className="panel case-panel" aria-label={t('queue.messageTitle')}>
        <h2>{t('queue.messageTitle')}</h2>
        <p className="muted">
          {item.author} · {sourceText(item.source, i18n)}
        </p>
        <p className="full-text">{item.text}</p>
        <button className="primary" onClick={onOpenCase}>
          {t('queue.openCase')}
        </button>
      </aside>
    );
  return <CasePage id={item.case} options={options} replyRef={replyRef} assigneeRef={assigneeRef} />;
});

function CasePage({
  id,
  options,
  replyRef,
  assigneeRef,
}: {
  id: number;
  options: Props['options'];
  replyRef: Props['replyRef'];
  assigneeRef: React.ForwardedRef<HTMLInputElement>;
}) {
  const i18n = useI18n();
  const { t, dateTime } = i18n;
  const detail = useApi('cases.get', { case: id }, { reloadOn: ['writes'] });
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const update = async (
    changes: Partial<Pick<CaseDetail, 'status' | 'priority' | 'type' | 'assignee' | 'department'>>,
  ) => {
    setError(null);
    try {
      await api.call('cases.update', { case: id, ...changes });
      detail.reload();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const c = detail.data;
  if (!c) return <aside className="panel case-panel">{detail.error ?? t('app.loading')}</aside>;
  const text = (
    name: 'type' | 'assignee' | 'department',
    list: string[],
    ref?: React.ForwardedRef<HTMLInputElement>,
  ) => {
    // A type is shown and picked in the UI's language, stored as its word ("facturación" is billing).
    const shown = (value: string): string => (name === 'type' ? caseTypeText(value, i18n) : value);
    return (
      <label>
        {t(name === 'department' ? 'case.team' : name === 'type' ? 'case.type' : 'case.assignee')}
        <input
          key={`${name}-${c[name] ?? ''}-${i18n.language}`}
          ref={ref}
          list={`case-${name}-options`}
          defaultValue={shown(c[name] ?? '')}
          onKeyDown={(e) => {
            e.stopPropagation();
            if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
            if (e.key === 'Escape') document.querySelector<HTMLElement>('.queue-list')?.focus();
          }}
          onBlur={(e) => {
            const typed = e.target.value.trim();
            const value = name === 'type' ? caseTypeFromText(typed, i18n) : typed;
            if (value === (c[name] ?? '')) return;
            if (name === 'type') {
              if (value) void update({ type: value });
            } else void update({ [name]: value || null });
          }}
        />
        <datalist id={`case-${name}-options`}>
          {list.map((option) => (
            <option key={option} value={shown(option)} />
          ))}
        </datalist>
      </label>
    );
  };
  return (
    <aside className="panel case-panel" aria-label={t('queue.caseTitle', { id })}>
      <h2>{t('queue.caseTitle', { id })}</h2>
      <div className="case-fields">
        <label>
          {t('case.status')}
          <select value={c.status} onChange={(e) => void update({ status: e.target.value as CaseDetail['status'] })}>
            {CASE_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`case.status.${status}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('case.priority')}
          <select
            value={c.priority}
            onChange={(e) => void update({ priority: e.target.value as CaseDetail['priority'] })}
          >
            {CASE_PRIORITIES.map((priority) => (
              <option key={priority} value={priority}>
                {t(`case.priority.${priority}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        {text('type', options.types)}
        {text('department', options.departments)}
        {text('assignee', options.assignees, assigneeRef)}
      </div>
      {c.sla && (
        <p className="case-sla">
          {t('case.sla', { policy: c.sla.policy })} · {t(`sla.state.${c.sla.state}` as MessageKey)}
          {c.sla.misses.map((miss) => (
            <span key={`${miss.target}${miss.at}`} className="sla-miss">
              {' '}
              · ✕ {t(`sla.target.${miss.target}` as MessageKey)} {dateTime(Date.parse(miss.at))}
            </span>
          ))}
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <h3>{t('case.customer')}</h3>
      <p>
        {c.customer.handle} · {sourceText(c.customer.source, i18n)}
        {c.customer.contact && ` · ${c.customer.contact}`} <StoryButton author={c.customer.authorId} />
      </p>
      <h3>{t('case.thread')}</h3>
      <ol className="thread">
        {c.thread.map((entry) =>
          entry.kind === 'message' ? (
            <li key={`m${entry.message}`} className="thread-customer">
              <span className="muted">
                {entry.author} · {dateTime(entry.at)}
              </span>{' '}
              <TemperatureChip value={entry.temperature as Temperature | null} />
              <p>{entry.text}</p>
            </li>
          ) : (
            <li key={`r${entry.reply}`} className="thread-brand">
              <span className="muted">
                {t('case.brand', { agent: entry.agent })} · {dateTime(entry.at)}
                {entry.canned && ` · /${entry.canned}`}
              </span>
              <p>{entry.text}</p>
            </li>
          ),
        )}
      </ol>
      <ReplyBox ref={replyRef} caseId={id} source={sourceText(c.customer.source, i18n)} onSent={detail.reload} />
      <div className="case-actions">
        {['resolved', 'closed'].includes(c.status) ? (
          <button onClick={() => void update({ status: 'attended' })}>{t('case.reopen')}</button>
        ) : (
          <button onClick={() => void update({ status: 'resolved' })}>{t('case.resolve')}</button>
        )}
        {c.status === 'resolved' && (
          <button onClick={() => void update({ status: 'closed' })}>{t('case.close')}</button>
        )}
      </div>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!note.trim()) return;
          void api.call('cases.note', { case: id, text: note.trim() }).then(() => {
            setNote('');
            detail.reload();
          });
        }}
      >
        <input
          aria-label={t('case.note')}
          placeholder={t('case.note')}
          value={note}
          onKeyDown={(e) => e.stopPropagation()}
          onChange={(e) => setNote(e.target.value)}
        />
        <button type="submit">{t('case.addNote')}</button>
      </form>
      <h3>{t('case.history')}</h3>
      <ol className="history">
        {c.history.map((event, i) => (
          <li key={i}>
            <span className="muted">
              {dateTime(event.at)} · {event.actor}
            </span>{' '}
            {t(`case.event.${event.action}` as MessageKey, {
              value: historyValue(t, event.action, event.value),
              previous: historyValue(t, event.action, event.previous),
            })}
          </li>
        ))}
      </ol>
    </aside>
  );
}

/** A status or priority in the UI's words; other values as they are. */
function historyValue(t: (key: MessageKey) => string, action: string, value: string | null): string {
  if (value === null) return '—';
  if (action === 'status') return t(`case.status.${value}` as MessageKey);
  if (action === 'priority') return t(`case.priority.${value}` as MessageKey);
  return value;
}
