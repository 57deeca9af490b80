import { useEffect, useRef, useState } from 'react';
import type { QueueFilter, QueueItem } from '../../../../shared/api/cases';
import { SLA_STATES } from '../../../../shared/domain/sla';
import type { Temperature } from '../../../../shared/domain/temperature';
import { SOURCES } from '../../../../shared/domain/vocabulary';
import type { MessageKey } from '../../../../shared/i18n';
import { api } from '../../api/client';
import { useApi } from '../../api/useApi';
import { useI18n } from '../../app/i18n';
import { caseTypeText, sourceText } from '../../../../shared/domain/grid-text';
import { TemperatureChip } from '../../components/TemperatureChip';
import { CasePanel } from './CasePanel';
import { dueTone, formatWait, useNow } from '../../components/wait';

/**
 * The care desk's queue: what waits for an answer, oldest first, with live waits and SLA due times; filters and counts
 * on top, the selected case's page beside it. Keyboard first, like the grid.
 */
export function QueueView() {
  const i18n = useI18n();
  const { t, number, dateTime } = i18n;
  const [filter, setFilter] = useState<QueueFilter>({});
  const queue = useApi('cases.queue', filter, { reloadOn: ['writes'] });
  const now = useNow();
  const items = queue.data?.items ?? [];
  // The cursor follows a message, not a position: opening a case or a reload keeps it on the same row.
  const [selected, setSelected] = useState<number | null>(null);
  const index = Math.max(
    0,
    items.findIndex((item) => item.message === selected),
  );
  const current: QueueItem | undefined = items[index];
  const listRef = useRef<HTMLDivElement>(null);
  const assigneeRef = useRef<HTMLInputElement>(null);
  const replyRef = useRef<HTMLTextAreaElement>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    listRef.current?.querySelector(`[data-index="${index}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [index]);

  const run = async (call: () => Promise<unknown>): Promise<void> => {
    setError(null);
    try {
      await call();
      queue.reload();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const openCase = (): void => {
    if (current && current.case === null) void run(() => api.call('cases.open', { messageIds: [current.message] }));
  };
  const onKeyDown = (event: React.KeyboardEvent): void => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const move = (to: number): void => {
      event.preventDefault();
      const item = items[Math.min(items.length - 1, Math.max(0, to))];
      if (item) setSelected(item.message);
    };
    const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
    if (key === 'ArrowDown' || key === 'j') move(index + 1);
    else if (key === 'ArrowUp' || key === 'k') move(index - 1);
    else if (key === 'Home') move(0);
    else if (key === 'End') move(items.length - 1);
    else if (key === 'n') {
      event.preventDefault();
      openCase();
    } else if (key === 'Enter' || key === 'r') {
      event.preventDefault();
      if (current?.case === null) openCase();
      else replyRef.current?.focus();
    } else if (key === 'a') {
      event.preventDefault();
      assigneeRef.current?.focus();
      assigneeRef.current?.select();
    } else if (key === 'e' && current?.case) {
      event.preventDefault();
      const id = current.case;
      void run(() => api.call('cases.update', { case: id, status: 'resolved' }));
    }
  };

  const set = <K extends keyof QueueFilter>(key: K, value: QueueFilter[K] | undefined): void =>
    setFilter((f) => {
      const next = { ...f };
      if (value === undefined || value === '') delete next[key];
      else next[key] = value;
      return next;
    });
  const counts = queue.data?.counts;
  const options = queue.data?.options ?? { departments: [], assignees: [], types: [] };
  const select = (key: 'department' | 'assignee' | 'type', label: MessageKey, values: string[]) => (
    <label>
      {t(label)}{' '}
      <select value={filter[key] ?? ''} onChange={(e) => set(key, e.target.value)}>
        <option value="">{t('queue.filter.any')}</option>
        {values.map((value) => (
          <option key={value} value={value}>
            {key === 'type' ? caseTypeText(value, i18n) : value}
          </option>
        ))}
      </select>
    </label>
  );
  const filtered = Object.keys(filter).length > 0;
  return (
    <div className="queue-view">
      <div className="filters" role="group" aria-label={t('queue.filters')}>
        {select('department', 'queue.filter.team', options.departments)}
        {select('assignee', 'queue.filter.assignee', options.assignees)}
        {select('type', 'queue.filter.type', options.types)}
        <label>
          {t('queue.filter.sla')}{' '}
          <select
            value={filter.slaState ?? ''}
            onChange={(e) => set('slaState', (e.target.value || undefined) as QueueFilter['slaState'])}
          >
            <option value="">{t('queue.filter.any')}</option>
            {[...SLA_STATES, 'none' as const].map((state) => (
              <option key={state} value={state}>
                {t(`sla.state.${state}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('queue.filter.source')}{' '}
          <select
            value={filter.source ?? ''}
            onChange={(e) => set('source', (e.target.value || undefined) as QueueFilter['source'])}
          >
            <option value="">{t('queue.filter.any')}</option>
            {SOURCES.map((source) => (
              <option key={source} value={source}>
                {t(`source.${source}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('queue.filter.temperature')}{' '}
          <select
            value={filter.temperature ?? ''}
            onChange={(e) => set('temperature', e.target.value === '' ? undefined : Number(e.target.value))}
          >
            <option value="">{t('queue.filter.any')}</option>
            {[-2, -1, 0, 1, 2].map((value) => (
              <option key={value} value={value}>
                {value > 0 ? `+${value}` : value}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input
            type="checkbox"
            checked={filter.waiting ?? false}
            onChange={(e) => set('waiting', e.target.checked || undefined)}
          />{' '}
          {t('queue.filter.waiting')}
        </label>
        {counts && (
          <span className="count" role="status">
            {t('queue.counts', { total: counts.total, waiting: counts.waiting, overdue: counts.overdue })}
          </span>
        )}
      </div>
      <p className="hint queue-keys">{t('queue.keys')}</p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="queue-body">
        <div
          ref={listRef}
          className="queue-list"
          tabIndex={0}
          role="grid"
          aria-label={t('queue.list')}
          aria-rowcount={items.length}
          onKeyDown={onKeyDown}
        >
          {queue.data && items.length === 0 && (
            <p className="empty-state">{filtered ? t('queue.emptyFiltered') : t('queue.empty')}</p>
          )}
          {items.map((item, i) => {
            const tone = dueTone(item.slaDue, now);
            return (
              <div
                key={item.message}
                data-index={i}
                role="row"
                aria-selected={i === index}
                className={`queue-row${i === index ? ' cursor' : ''}`}
                onClick={() => {
                  setSelected(item.message);
                  listRef.current?.focus();
                }}
              >
                <span
                  role="gridcell"
                  className="queue-wait"
                  title={item.waitingSince ? dateTime(item.waitingSince) : ''}
                >
                  {item.waitingSince === null ? (
                    <span className="muted">{t('queue.answered')}</span>
                  ) : (
                    formatWait(now - item.waitingSince, number)
                  )}
                </span>
                <span role="gridcell" className="queue-temperature">
                  <TemperatureChip value={item.temperature as Temperature | null} />
                </span>
                <span role="gridcell" className="queue-main">
                  <span className="queue-meta">
                    <b>{item.author}</b> · {sourceText(item.source, i18n)} ·{' '}
                    {item.case === null ? (
                      <span className="muted">{t('queue.loose')}</span>
                    ) : (
                      `#${item.case} ${item.type === null ? '' : caseTypeText(item.type, i18n)}`
                    )}
                    {(item.assignee ?? item.department) && ` · ${item.assignee ?? item.department}`}
                  </span>
                  <span className="queue-text" title={item.text}>
                    {item.text}
                  </span>
                </span>
                <span
                  role="gridcell"
                  className={`queue-sla${tone ? ` due-${tone}` : ''}`}
                  title={item.slaDue ? dateTime(item.slaDue) : ''}
                >
                  {item.slaDue === null
                    ? item.slaState
                      ? t(`sla.state.${item.slaState}` as MessageKey)
                      : ''
                    : tone === 'overdue'
                      ? `−${formatWait(now - item.slaDue, number)}`
                      : formatWait(item.slaDue - now, number)}
                </span>
              </div>
            );
          })}
        </div>
        {current && (
          <CasePanel
            key={current.case ?? `m${current.message}`}
            ref={assigneeRef}
            item={current}
            options={options}
            replyRef={replyRef}
            onOpenCase={openCase}
          />
        )}
      </div>
    </div>
  );
}
