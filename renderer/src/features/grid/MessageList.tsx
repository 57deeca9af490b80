import { useCallback, useMemo, useRef, useState } from 'react';
import type { MessageRow } from '../../../../shared/api/contract';
import type { MessageFilter, MessageSort } from '../../../../shared/api/messages';
import { parsePastedLabels } from '../../../../shared/domain/paste';
import type { MessageKey } from '../../../../shared/i18n';
import { api } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { TemperatureChip } from '../../components/TemperatureChip';
import { VirtualList, type VirtualListHandle } from '../../components/VirtualList';
import { FilterBar } from './FilterBar';
import { commandForKey, type GridCommand } from './keymap';
import { MessagePanel } from './MessagePanel';
import { ShortcutHelp } from './ShortcutHelp';
import { rowsToTsv } from './tsv';
import { useMessagePages } from './useMessagePages';

const ROW_HEIGHT = 34;
const COLUMNS = ['postedAt', 'source', 'author', 'text', 'entities', 'topics', 'temperature', 'kind', 'case', 'annotator', 'labeledAt'] as const;
const SORTABLE: Partial<Record<(typeof COLUMNS)[number], MessageSort['column']>> = {
  postedAt: 'postedAt', source: 'source', author: 'author', temperature: 'temperature', kind: 'kind', annotator: 'annotator', labeledAt: 'labeledAt',
};

interface Props {
  /** A filter from elsewhere (an import batch, a chart element), shown as a chip that clears it. */
  scope?: { filter: MessageFilter; label: string } | undefined;
  onClearScope?: () => void;
}

/** The labeling grid: filters, counts, keyboard labeling of one row or a range, copy and paste. */
export function MessageList({ scope, onClearScope }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const [userFilter, setUserFilter] = useState<MessageFilter>({});
  const [sort, setSort] = useState<MessageSort>({ column: 'postedAt', direction: 'desc' });
  const filter = useMemo(() => ({ ...userFilter, ...scope?.filter }), [userFilter, scope]);
  const { counts, total, row, onRange, patch, refresh } = useMessagePages(filter, sort);
  const [cursor, setCursor] = useState(0);
  const [anchor, setAnchor] = useState<number | null>(null);
  const [help, setHelp] = useState(false);
  const [panel, setPanel] = useState<number | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const list = useRef<VirtualListHandle>(null);

  const [low, high] = anchor === null ? [cursor, cursor] : [Math.min(anchor, cursor), Math.max(anchor, cursor)];
  const selectedRows = (): MessageRow[] => {
    const rows: MessageRow[] = [];
    for (let index = low; index <= high; index++) {
      const message = row(index);
      if (message) rows.push(message);
    }
    return rows;
  };
  const onCursor = useCallback((index: number, extend: boolean) => {
    setAnchor((current) => (extend ? (current ?? cursorRef.current) : null));
    setCursor(index);
  }, []);
  const cursorRef = useRef(cursor);
  cursorRef.current = cursor;

  const changeFilter = useCallback((next: MessageFilter) => {
    setUserFilter(next);
    setCursor(0);
    setAnchor(null);
  }, []);

  /** Runs a labeling command on the selection; the label is stored before the cursor moves on. */
  const run = async (command: GridCommand): Promise<void> => {
    if (command.type === 'help') return setHelp(true);
    if (command.type === 'undo' || command.type === 'redo') {
      const result = await api.call(command.type === 'undo' ? 'labels.undo' : 'labels.redo', {});
      setStatus(t(result.action === null ? `grid.nothingTo.${command.type}` : `grid.did.${command.type}`, { count: result.changed.length }));
      if (result.changed.length > 0) refresh();
      return;
    }
    const rows = selectedRows();
    if (rows.length === 0) return;
    const change = command.type === 'temperature' ? { temperature: command.value }
      : command.type === 'kind' ? { kind: command.value } : { temperature: null, kind: null };
    const result = await api.call('labels.set', { ids: rows.map((r) => r.id), ...change });
    if (result.changed.length > 0) patch(result.changed, { ...change, annotator: i18n.settings.annotator, labeledAt: Date.now() });
    setStatus(rows.length > 1 ? t('grid.selected', { count: rows.length }) : null);
    if (anchor === null) list.current?.scrollToIndex(cursor + 1);
  };
  const onKey = (event: React.KeyboardEvent): boolean => {
    if (event.key === 'Enter') {
      const message = row(cursor);
      if (message) setPanel(message.id);
      return true;
    }
    if (event.key === 'Escape' && panel !== null) {
      setPanel(null);
      return true;
    }
    const command = commandForKey(event);
    if (!command) return false;
    void run(command);
    return true;
  };

  const headers = COLUMNS.map((column) => t(`grid.col.${column}`));
  const cells = (message: MessageRow): string[] => [
    i18n.dateTime(message.postedAt), message.source, message.authorHandle, message.text, message.entities.join(', '), message.topics.join(', '),
    message.temperature === null ? '' : String(message.temperature), message.kind ? t(`kind.${message.kind}` as MessageKey) : '',
    message.caseId === null ? '' : String(message.caseId), message.annotator ?? '', message.labeledAt === null ? '' : i18n.dateTime(message.labeledAt),
  ];
  const onCopy = (event: React.ClipboardEvent): void => {
    const rows = selectedRows();
    if (rows.length === 0) return;
    event.preventDefault();
    event.clipboardData.setData('text/plain', rowsToTsv(rows, headers, cells));
    setStatus(t('grid.copied', { count: rows.length }));
  };
  const onPaste = async (event: React.ClipboardEvent): Promise<void> => {
    event.preventDefault();
    const pasted = parsePastedLabels(event.clipboardData.getData('text/plain'));
    if (!pasted.ok) return setStatus(t('grid.pasteRefused', { reason: pasted.error }));
    // One value fills the selection; a column fills down from the first selected row.
    const start = low;
    const count = pasted.values.length === 1 ? high - low + 1 : pasted.values.length;
    const byValue = new Map<string, number[]>();
    for (let i = 0; i < count; i++) {
      const message = row(start + i);
      if (!message) continue;
      const value = pasted.values.length === 1 ? pasted.values[0] : pasted.values[i];
      const key = JSON.stringify(value ?? null);
      byValue.set(key, [...(byValue.get(key) ?? []), message.id]);
    }
    for (const [key, ids] of byValue) {
      const value = JSON.parse(key) as string | number | null;
      await api.call('labels.set', { ids, ...(pasted.field === 'temperature' ? { temperature: value as number | null } : { kind: value as 'case' | null }) });
    }
    refresh();
    setStatus(t('grid.pasted', { count }));
  };

  const toggleSort = (column: MessageSort['column']): void =>
    setSort((current) => ({ column, direction: current.column === column && current.direction === 'desc' ? 'asc' : 'desc' }));

  return (
    <section className="grid-screen" aria-label={t('grid.title')}>
      <header className="toolbar">
        <h1>{t('grid.title')}</h1>
        <span className="count" data-testid="message-count">
          {counts ? (counts.total === counts.all ? t('grid.count', { count: counts.total }) : t('grid.counts', { ...counts })) : '…'}
        </span>
        {counts && counts.total === counts.all && <span className="count">· {t('grid.unlabeledCount', { count: counts.unlabeled })}</span>}
        {scope && (
          <button className="filter-chip" onClick={onClearScope} title={t('grid.clearFilter')}>
            {scope.label} ×
          </button>
        )}
      </header>
      <FilterBar filter={userFilter} onChange={changeFilter} />
      <div className="grid-main">
      {total === null ? <div className="loading">{t('app.loading')}</div> : total === 0 ? <p className="empty-state">{t('grid.empty')}</p> : (
        <div className="grid-body" onCopy={onCopy} onPaste={(event) => void onPaste(event)}>
          <VirtualList
            count={total}
            rowHeight={ROW_HEIGHT}
            label={t('grid.title')}
            cursor={cursor}
            onCursor={onCursor}
            isSelected={(index) => index >= low && index <= high}
            onKey={onKey}
            handle={list}
            onRange={onRange}
            header={
              <div role="row" aria-rowindex={1} className="row header">
                {COLUMNS.map((column) => {
                  const sortable = SORTABLE[column];
                  const sorted = sortable && sort.column === sortable ? sort.direction : undefined;
                  return (
                    <div key={column} role="columnheader" className={`cell col-${column}`} aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}>
                      {sortable ? <button className="sort" onClick={() => toggleSort(sortable)}>{t(`grid.col.${column}`)}{sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}</button> : t(`grid.col.${column}`)}
                    </div>
                  );
                })}
              </div>
            }
            renderRow={(index) => <Cells message={row(index)} />}
          />
        </div>
      )}
      {panel !== null && <MessagePanel id={panel} onClose={() => setPanel(null)} />}
      </div>
      <footer className="statusbar" role="status">{status ?? (high > low ? t('grid.selected', { count: high - low + 1 }) : t('grid.hint'))}</footer>
      {help && <ShortcutHelp onClose={() => setHelp(false)} />}
    </section>
  );
}

function Cells({ message }: { message: MessageRow | undefined }) {
  const i18n = useI18n();
  if (!message) return <div role="gridcell" className="cell placeholder" aria-busy="true">…</div>;
  return (
    <>
      <div role="gridcell" className="cell col-postedAt">{i18n.dateTime(message.postedAt)}</div>
      <div role="gridcell" className="cell col-source">{message.source}</div>
      <div role="gridcell" className="cell col-author" title={message.followers === null ? undefined : i18n.t('grid.followers', { count: message.followers })}>
        {message.authorHandle}
      </div>
      <div role="gridcell" className="cell col-text" title={message.text}>{message.text}</div>
      <div role="gridcell" className="cell col-entities" title={message.entities.join(', ')}>{message.entities.join(', ')}</div>
      <div role="gridcell" className="cell col-topics" title={message.topics.join(', ')}>{message.topics.join(', ')}</div>
      <div role="gridcell" className="cell col-temperature"><TemperatureChip value={message.temperature} /></div>
      <div role="gridcell" className="cell col-kind">{message.kind ? i18n.t(`kind.${message.kind}` as MessageKey) : ''}</div>
      <div role="gridcell" className="cell col-case">{message.caseId === null ? '' : `#${message.caseId}`}</div>
      <div role="gridcell" className="cell col-annotator">{message.annotator ?? ''}</div>
      <div role="gridcell" className="cell col-labeledAt">{message.labeledAt === null ? '' : i18n.dateTime(message.labeledAt)}</div>
    </>
  );
}

