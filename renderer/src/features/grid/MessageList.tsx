import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { LabelResult, MessageRow } from '../../../../shared/api/contract';
import { isPending, type PendingWrite } from '../../../../shared/api/envelope';
import type { GridPrefs } from '../../../../shared/api/grid';
import type { MessageFilter, MessageSort } from '../../../../shared/api/messages';
import { parsePastedLabels } from '../../../../shared/domain/paste';
import { api } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { VirtualList, type VirtualListHandle } from '../../components/VirtualList';
import { FilterBar } from './FilterBar';
import { COLUMN_DEFS } from './columns';
import { GridOptions } from './GridOptions';
import { commandForKey, keyMaps, type GridCommand } from './keymap';
import { MessagePanel } from './MessagePanel';
import { ShortcutHelp } from './ShortcutHelp';
import { rowsToTsv } from './tsv';
import { useGridPrefs } from './useGridPrefs';
import { useSelection } from './useSelection';
import { useMessagePages } from './useMessagePages';

const ROW_HEIGHT = 34;
const WRAPPED_ROW_HEIGHT = 64;
/** How far "jump to unlabeled" looks ahead before giving up. */
const UNLABELED_LOOKAHEAD = 2000;

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
  const { counts, total, row, ensureRow, onRange, patch, refresh } = useMessagePages(filter, sort);
  const { prefs, save: savePrefs } = useGridPrefs();
  const maps = useMemo(() => keyMaps(prefs.keys), [prefs.keys]);
  const columns = prefs.columns.filter((column) => !column.hidden);
  const selection = useSelection();
  const { cursor, low, high, onCursor } = selection;
  const [help, setHelp] = useState(false);
  const [panel, setPanel] = useState<number | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const list = useRef<VirtualListHandle>(null);

  // Kept labels are stored once the workspace is free: the rows are read again, without their marks.
  useEffect(() => api.onEvent((event) => {
    if (event.type === 'writes' && event.pending === 0) refresh();
  }), [refresh]);

  const selectedRows = (): MessageRow[] => selection.indexes().flatMap((index) => row(index) ?? []);

  const changeFilter = useCallback((next: MessageFilter) => {
    setUserFilter(next);
    selection.reset();
  }, [selection.reset]);

  /** Runs a labeling command on the selection; the label is stored before the cursor moves on. */
  const run = async (command: GridCommand): Promise<void> => {
    if (command.type === 'help') return setHelp(true);
    if (command.type === 'undo' || command.type === 'redo') {
      const result = await api.call(command.type === 'undo' ? 'labels.undo' : 'labels.redo', {});
      if (isPending(result)) return setStatus(t(`writes.kept.${command.type}`, { count: result.waiting }));
      setStatus(t(result.action === null ? `grid.nothingTo.${command.type}` : `grid.did.${command.type}`, { count: result.changed.length }));
      if (result.changed.length > 0) refresh();
      return;
    }
    if (command.type === 'fillDown') return fillDown();
    const rows = selectedRows();
    if (rows.length === 0) return;
    const change = command.type === 'temperature' ? { temperature: command.value }
      : command.type === 'kind' ? { kind: command.value } : { temperature: null, kind: null };
    const result = await api.call('labels.set', { ids: rows.map((r) => r.id), ...change });
    showLabeled(rows.map((r) => r.id), change, result);
    if (!isPending(result)) setStatus(rows.length > 1 ? t('grid.selected', { count: rows.length }) : null);
    if (selection.single) list.current?.scrollToIndex(prefs.nextUnlabeled ? await nextUnlabeled(cursor) : cursor + 1);
  };
  /** Shows a label on its rows: stored, or kept while a job holds the store (marked pending until it ends). */
  const showLabeled = (ids: number[], change: Partial<MessageRow>, result: LabelResult | PendingWrite): void => {
    const by = { annotator: i18n.settings.annotator, labeledAt: Date.now() };
    if (isPending(result)) {
      patch(ids, { ...change, ...by, pending: true });
      setStatus(t('writes.kept.labels', { count: result.waiting }));
    } else if (result.changed.length > 0) patch(result.changed, { ...change, ...by });
  };
  /** The next row after `from` with no temperature and no kind, reading pages ahead as needed. */
  const nextUnlabeled = async (from: number): Promise<number> => {
    const last = Math.min((total ?? 0) - 1, from + UNLABELED_LOOKAHEAD);
    for (let index = from + 1; index <= last; index++) {
      const message = row(index) ?? await ensureRow(index);
      if (message && message.temperature === null && message.kind === null) return index;
    }
    setStatus(t('grid.noneUnlabeledAhead', { count: UNLABELED_LOOKAHEAD }));
    return from + 1;
  };
  /** Excel's fill down: the first selected row's temperature and kind onto the rest of the selection, as one undoable action. */
  const fillDown = async (): Promise<void> => {
    const [first, ...rest] = selectedRows();
    if (!first || rest.length === 0) return;
    const change = { temperature: first.temperature, kind: first.kind };
    const result = await api.call('labels.set', { ids: rest.map((r) => r.id), ...change });
    showLabeled(rest.map((r) => r.id), change, result);
    if (!isPending(result)) setStatus(t('grid.filledDown', { count: rest.length }));
  };
  /** A label that could not be stored says so where the user looks; the cursor stays on its row. */
  const notSaved = (error: Error): void => setStatus(t('grid.notSaved', { reason: error.message }));
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
    const command = commandForKey(event, maps);
    if (!command) return false;
    run(command).catch(notSaved);
    return true;
  };

  // The copy has the columns on screen, in their order.
  const headers = columns.map((column) => t(`grid.col.${column.id}`));
  const cells = (message: MessageRow): string[] => columns.map((column) => COLUMN_DEFS[column.id].text(message, i18n));
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
    try {
      for (const [key, ids] of byValue) {
        const value = JSON.parse(key) as string | number | null;
        await api.call('labels.set', { ids, ...(pasted.field === 'temperature' ? { temperature: value as number | null } : { kind: value as 'case' | null }) });
      }
    } finally {
      refresh(); // what was stored before a failure shows
    }
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
      <FilterBar filter={userFilter} onChange={changeFilter} views={prefs.views} onSaveViews={(views) => savePrefs({ views })} />
      <GridOptions prefs={prefs} save={savePrefs} />
      <div className="grid-main">
      {total === null ? <div className="loading">{t('app.loading')}</div> : total === 0 ? <p className="empty-state">{t('grid.empty')}</p> : (
        <div className={`grid-body${prefs.wrap ? ' wrap' : ''}`} onCopy={onCopy} onPaste={(event) => void onPaste(event).catch(notSaved)}>
          <VirtualList
            count={total}
            rowHeight={prefs.wrap ? WRAPPED_ROW_HEIGHT : ROW_HEIGHT}
            label={t('grid.title')}
            cursor={cursor}
            onCursor={onCursor}
            isSelected={selection.isSelected}
            onKey={onKey}
            handle={list}
            onRange={onRange}
            header={
              <div role="row" aria-rowindex={1} className="row header">
                {columns.map((column) => {
                  const sortable = COLUMN_DEFS[column.id].sort;
                  const sorted = sortable && sort.column === sortable ? sort.direction : undefined;
                  const name = t(`grid.col.${column.id}`);
                  return (
                    <div key={column.id} role="columnheader" className={`cell col-${column.id}`} style={{ width: column.width }} aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}>
                      {sortable ? <button className="sort" onClick={() => toggleSort(sortable)}>{name}{sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}</button> : name}
                      <ResizeHandle label={t('grid.resize', { column: name })} width={column.width}
                        onResize={(width) => savePrefs({ columns: prefs.columns.map((c) => (c.id === column.id ? { ...c, width } : c)) })} />
                    </div>
                  );
                })}
              </div>
            }
            renderRow={(index) => <Cells message={row(index)} columns={columns} />}
          />
        </div>
      )}
      {panel !== null && <MessagePanel id={panel} onClose={() => setPanel(null)} />}
      </div>
      <footer className="statusbar" role="status">{status ?? (selection.count > 1 ? t('grid.selected', { count: selection.count }) : t('grid.hint', { temperature: prefs.keys.temperature.join(' ').toUpperCase(), kinds: Object.values(prefs.keys.kinds).join(' ').toUpperCase() }))}</footer>
      {help && <ShortcutHelp keys={prefs.keys} onSaveKeys={(keys) => savePrefs({ keys })} onClose={() => setHelp(false)} />}
    </section>
  );
}

function Cells({ message, columns }: { message: MessageRow | undefined; columns: GridPrefs['columns'] }) {
  const i18n = useI18n();
  if (!message) return <div role="gridcell" className="cell placeholder" aria-busy="true">…</div>;
  return (
    <>
      {columns.map((column) => {
        const def = COLUMN_DEFS[column.id];
        const text = def.text(message, i18n);
        return <div key={column.id} role="gridcell" className={`cell col-${column.id}`} style={{ width: column.width }} title={text.length > 20 ? text : undefined}>{def.cell(message, i18n)}</div>;
      })}
    </>
  );
}

const MIN_WIDTH = 40;

/** Drag a column's right edge to resize it, or focus the handle and use ← → (Shift for bigger steps). */
function ResizeHandle({ label, width, onResize }: { label: string; width: number; onResize(width: number): void }) {
  const [dragging, setDragging] = useState<{ x: number; width: number; now: number } | null>(null);
  const clamp = (value: number): number => Math.max(MIN_WIDTH, Math.min(2000, Math.round(value)));
  return (
    <span
      role="separator" aria-orientation="vertical" aria-label={label} aria-valuenow={dragging?.now ?? width} tabIndex={0}
      className={`resize-handle${dragging ? ' dragging' : ''}`}
      onPointerDown={(e) => { e.currentTarget.setPointerCapture(e.pointerId); setDragging({ x: e.clientX, width, now: width }); }}
      onPointerMove={(e) => dragging && setDragging({ ...dragging, now: clamp(dragging.width + e.clientX - dragging.x) })}
      onPointerUp={() => { if (dragging && dragging.now !== width) onResize(dragging.now); setDragging(null); }}
      onKeyDown={(e) => {
        const step = e.shiftKey ? 40 : 10;
        if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
          e.preventDefault();
          e.stopPropagation();
          onResize(clamp(width + (e.key === 'ArrowRight' ? step : -step)));
        }
      }}
    />
  );
}
