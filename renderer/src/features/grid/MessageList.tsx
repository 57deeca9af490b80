import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { MessageFilter, MessageSort } from '../../../../shared/api/messages';
import { isPending } from '../../../../shared/api/envelope';
import { api } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { VirtualList, type VirtualListHandle } from '../../components/VirtualList';
import { Cells } from './Cells';
import { rowLeastWidth } from './columns';
import { ColumnHeader } from './ColumnHeader';
import { ExportButton } from './ExportButton';
import { FilterBar } from './FilterBar';
import { FilterChips } from './FilterChips';
import { SearchContext } from '../../components/Highlighted';
import { GridOptions } from './GridOptions';
import { commandForKey, keyMaps } from './keymap';
import { MessagePanel } from './MessagePanel';
import { ShortcutHelp } from './ShortcutHelp';
import { NewLeadDialog } from '../leads';
import { useClipboard } from './useClipboard';
import { useGridPrefs } from './useGridPrefs';
import { useLabelCommands } from './useLabelCommands';
import { useMessagePages } from './useMessagePages';
import { useSelection } from './useSelection';

const ROW_HEIGHT = 34;
const WRAPPED_ROW_HEIGHT = 64;

interface Props {
  /** The filter the grid opens with, from elsewhere (an import batch, a chart element): shown as chips like any. */
  initialFilter?: MessageFilter | undefined;
}

/**
 * The labeling grid: its filters and counts, the list, the side panel and the status line; the work is in its hooks.
 */
export function MessageList({ initialFilter }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const [filter, setFilter] = useState<MessageFilter>(initialFilter ?? {});
  const [sort, setSort] = useState<MessageSort>({ column: 'postedAt', direction: 'desc' });
  const pages = useMessagePages(filter, sort);
  const { counts, total, row, onRange, refresh } = pages;
  const { prefs, save: savePrefs } = useGridPrefs();
  const maps = useMemo(() => keyMaps(prefs.keys), [prefs.keys]);
  const columns = prefs.columns.filter((column) => !column.hidden);
  const selection = useSelection();
  const [help, setHelp] = useState(false);
  /** The side panel, on the cursor's row while it is open. */
  const [panel, setPanel] = useState(false);
  /** The selection a lead is being made from (key L). */
  const [leadFrom, setLeadFrom] = useState<{ ids: number[]; author: string } | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const list = useRef<VirtualListHandle>(null);
  const { run, selectedRows, selectedIds } = useLabelCommands({
    i18n,
    pages,
    selection,
    prefs,
    list,
    setStatus,
    openHelp: () => setHelp(true),
  });
  const { onCopy, onPaste } = useClipboard({ i18n, pages, selection, columns, selectedRows, setStatus });

  // Kept labels are stored once the workspace is free: the rows are read again, without their marks.
  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.type === 'writes' && event.pending === 0) refresh();
      }),
    [refresh],
  );

  const changeFilter = useCallback(
    (next: MessageFilter) => {
      setFilter(next);
      selection.reset();
    },
    [selection.reset],
  );

  /** A label that could not be stored says so where the user looks; the cursor stays on its row. */
  const notSaved = (error: Error): void => setStatus(t('grid.notSaved', { reason: error.message }));
  const onKey = (event: React.KeyboardEvent): boolean => {
    if (event.key === 'Enter') {
      if (row(selection.cursor)) setPanel(true);
      return true;
    }
    if (event.key === 'Escape' && panel) {
      setPanel(false);
      return true;
    }
    const command = commandForKey(event, maps);
    if (!command) return false;
    // A lead or a case takes every selected message, as a label does, read or not.
    if (command.type === 'lead') {
      const author = row(selection.indexes()[0] as number)?.authorHandle ?? '';
      selectedIds('link')
        .then((ids) => ids && ids.length > 0 && setLeadFrom({ ids, author }))
        .catch(notSaved);
      return true;
    }
    if (command.type === 'case') {
      selectedIds('link')
        .then(async (ids) => {
          if (!ids || ids.length === 0) return;
          const opened = await api.call('cases.open', { messageIds: ids });
          if (isPending(opened)) return;
          setStatus(t('grid.caseOpened', { id: opened.case, count: ids.length }));
          refresh();
        })
        .catch(notSaved);
      return true;
    }
    run(command).catch(notSaved);
    return true;
  };
  const toggleSort = (column: MessageSort['column']): void =>
    setSort((current) => ({
      column,
      direction: current.column === column && current.direction === 'desc' ? 'asc' : 'desc',
    }));

  return (
    <SearchContext.Provider value={filter.search ?? ''}>
      <section className="grid-screen" aria-label={t('grid.title')}>
        <header className="toolbar">
          <h1>{t('grid.title')}</h1>
          <span className="count" data-testid="message-count">
            {counts
              ? counts.total === counts.all
                ? t('grid.count', { count: counts.total })
                : t('grid.counts', { ...counts })
              : '…'}
          </span>
          {counts && counts.total === counts.all && (
            <span className="count">· {t('grid.unlabeledCount', { count: counts.unlabeled })}</span>
          )}
          <span className="toolbar-spacer" />
          <ExportButton filter={filter} sort={sort} columns={columns.map((c) => c.id)} onDone={setStatus} />
        </header>
        <FilterBar
          filter={filter}
          onChange={changeFilter}
          views={prefs.views}
          onSaveViews={(views) => savePrefs({ views })}
        />
        <FilterChips filter={filter} onChange={changeFilter} />
        <GridOptions prefs={prefs} save={savePrefs} />
        <div className="grid-main">
          {total === null ? (
            <div className="loading">{t('app.loading')}</div>
          ) : total === 0 && counts && counts.all > 0 ? (
            // Nothing passes the filters, but the workspace has messages: say so, and offer the way back.
            <div className="empty-state" data-testid="no-match">
              <p>{t('grid.noMatch')}</p>
              <button onClick={() => changeFilter({})}>{t('grid.clearFilters')}</button>
            </div>
          ) : total === 0 ? (
            <p className="empty-state">{t('grid.empty')}</p>
          ) : (
            <div
              className={`grid-body${prefs.wrap ? ' wrap' : ''}`}
              style={{ '--row-least': `${rowLeastWidth(columns)}px` } as React.CSSProperties}
              onCopy={onCopy}
              onPaste={(event) => void onPaste(event).catch(notSaved)}
            >
              <VirtualList
                count={total}
                rowHeight={prefs.wrap ? WRAPPED_ROW_HEIGHT : ROW_HEIGHT}
                label={t('grid.title')}
                cursor={selection.cursor}
                onCursor={selection.onCursor}
                isSelected={selection.isSelected}
                onKey={onKey}
                handle={list}
                onRange={onRange}
                header={<ColumnHeader prefs={prefs} sort={sort} onSort={toggleSort} savePrefs={savePrefs} />}
                renderRow={(index) => {
                  const message = row(index);
                  return <Cells message={message} columns={columns} suggestion={pages.suggestion(message?.id)} />;
                }}
              />
            </div>
          )}
          {panel && (
            <MessagePanel
              row={row(selection.cursor)}
              suggestion={pages.suggestion(row(selection.cursor)?.id)}
              onAccept={() => run({ type: 'accept' }).catch(notSaved)}
              onClose={() => setPanel(false)}
            />
          )}
        </div>
        <footer className="statusbar" role="status">
          {status ??
            (selection.count > 1
              ? t('grid.selected', { count: selection.count })
              : t('grid.hint', {
                  temperature: prefs.keys.temperature.join(' ').toUpperCase(),
                  kinds: Object.values(prefs.keys.kinds).join(' ').toUpperCase(),
                }))}
        </footer>
        {leadFrom && (
          <NewLeadDialog
            messageIds={leadFrom.ids}
            author={leadFrom.author}
            onDone={(result) => {
              setLeadFrom(null);
              if (result) setStatus(result);
              list.current?.scrollToIndex(selection.cursor);
            }}
          />
        )}
        {help && (
          <ShortcutHelp keys={prefs.keys} onSaveKeys={(keys) => savePrefs({ keys })} onClose={() => setHelp(false)} />
        )}
      </section>
    </SearchContext.Provider>
  );
}
