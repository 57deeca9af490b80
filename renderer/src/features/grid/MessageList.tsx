import { useRef, useState } from 'react';
import type { MessageRow } from '../../../../shared/api/contract';
import type { MessageKey } from '../../../../shared/i18n';
import { useI18n } from '../../app/i18n';
import { TemperatureChip } from '../../components/TemperatureChip';
import { VirtualList, type VirtualListHandle } from '../../components/VirtualList';
import { api } from '../../api/client';
import { commandForKey, type GridCommand } from './keymap';
import { ShortcutHelp } from './ShortcutHelp';
import { useMessagePages } from './useMessagePages';

const ROW_HEIGHT = 34;
const COLUMNS = ['postedAt', 'source', 'author', 'text', 'temperature', 'kind', 'annotator'] as const;

interface Props {
  /** Show only what one import batch brought in. */
  batch?: number | undefined;
  onClearBatch?: () => void;
}

/** The workspace's messages, newest first, read page by page. */
export function MessageList({ batch, onClearBatch }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const { total, row, onRange, patch, refresh } = useMessagePages(batch);
  const [cursor, setCursor] = useState(0);
  const [help, setHelp] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const list = useRef<VirtualListHandle>(null);

  /** Runs a labeling command on the cursor row; the label is stored before the cursor moves on. */
  const run = async (command: GridCommand): Promise<void> => {
    if (command.type === 'help') return setHelp(true);
    if (command.type === 'undo' || command.type === 'redo') {
      const result = await api.call(command.type === 'undo' ? 'labels.undo' : 'labels.redo', {});
      setStatus(t(result.action === null ? `grid.nothingTo.${command.type}` : `grid.did.${command.type}`, { count: result.changed.length }));
      if (result.changed.length > 0) refresh();
      return;
    }
    const message = row(cursor);
    if (!message) return;
    const change = command.type === 'temperature' ? { temperature: command.value }
      : command.type === 'kind' ? { kind: command.value } : { temperature: null, kind: null };
    const result = await api.call('labels.set', { ids: [message.id], ...change });
    if (result.changed.length > 0) patch(result.changed, { ...change, annotator: i18n.settings.annotator, labeledAt: Date.now() });
    setStatus(null);
    list.current?.scrollToIndex(cursor + 1);
  };
  const onKey = (event: React.KeyboardEvent): boolean => {
    const command = commandForKey(event);
    if (!command) return false;
    void run(command);
    return true;
  };

  if (total === null) return <div className="loading">{t('app.loading')}</div>;

  return (
    <section className="grid-screen" aria-label={t('grid.title')}>
      <header className="toolbar">
        <h1>{t('grid.title')}</h1>
        <span className="count" data-testid="message-count">{t('grid.count', { count: total })}</span>
        {batch !== undefined && (
          <button className="filter-chip" onClick={onClearBatch} title={t('grid.clearFilter')}>
            {t('grid.batchFilter', { batch })} ×
          </button>
        )}
      </header>
      {total === 0 ? <p className="empty-state">{t('grid.empty')}</p> : (
        <VirtualList
          count={total}
          rowHeight={ROW_HEIGHT}
          label={t('grid.title')}
          cursor={cursor}
          onCursor={setCursor}
          onKey={onKey}
          handle={list}
          onRange={onRange}
          header={
            <div role="row" aria-rowindex={1} className="row header">
              {COLUMNS.map((column) => (
                <div key={column} role="columnheader" className={`cell col-${column}`}>{t(`grid.col.${column}`)}</div>
              ))}
            </div>
          }
          renderRow={(index) => <Cells message={row(index)} />}
        />
      )}
      <footer className="statusbar" role="status">{status ?? t('grid.hint')}</footer>
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
      <div role="gridcell" className="cell col-temperature"><TemperatureChip value={message.temperature} /></div>
      <div role="gridcell" className="cell col-kind">{message.kind ? i18n.t(`kind.${message.kind}` as MessageKey) : ''}</div>
      <div role="gridcell" className="cell col-annotator">{message.annotator ?? ''}</div>
    </>
  );
}
