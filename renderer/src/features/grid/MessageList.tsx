import { useState } from 'react';
import type { MessageRow } from '../../../../shared/api/contract';
import type { MessageKey } from '../../../../shared/i18n';
import { useI18n } from '../../app/i18n';
import { TemperatureChip } from '../../components/TemperatureChip';
import { VirtualList } from '../../components/VirtualList';
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
  const { total, row, onRange } = useMessagePages(batch);
  const [cursor, setCursor] = useState(0);

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
