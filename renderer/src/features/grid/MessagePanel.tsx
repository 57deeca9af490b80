import { useEffect, useRef, useState } from 'react';
import type { LabelSuggestionRow, MessageDetail, MessageRow } from '../../../../shared/api/contract';
import type { MessageKey } from '../../../../shared/i18n';
import { useApi } from '../../api/useApi';
import { useI18n } from '../../app/i18n';
import { TemperatureChip } from '../../components/TemperatureChip';
import { ContactCard } from '../leads';
import { StoryButton } from '../queue';
import { annotatorText, authorText, sourceText } from '../../../../shared/domain/grid-text';
import { Highlighted } from '../../components/Highlighted';

/**
 * The side panel on the grid's cursor row: the whole message and its label at once (from the grid's row, so it follows
 * the cursor and each label as it is set), then its thread, label history and the author's other messages.
 */
export function MessagePanel({
  row,
  suggestion,
  onAccept,
  onClose,
}: {
  row: MessageRow | undefined;
  /** What the model suggests for the labels the row lacks, taken by onAccept (as the A key does). */
  suggestion: LabelSuggestionRow | undefined;
  onAccept(): void;
  onClose(): void;
}) {
  const translator = useI18n();
  const { t, dateTime } = translator;
  // A row not read yet (the cursor far down, the page on its way) keeps the last one on show.
  const [last, setLast] = useState(row);
  if (row && row !== last) setLast(row);
  const message = row ?? last;
  // Read again too when kept labels are stored (a job held the store).
  const detail = useApi('messages.detail', message ? { id: message.id } : null, { reloadOn: ['writes'] });
  // The history and the thread are read again when the same row's label changes (a label, an undo, a paste); another
  // row is read anyway, its id being the call's input.
  const id = message?.id;
  const label = message ? `${message.temperature}|${message.kind}|${message.labeledAt}` : '';
  const seen = useRef({ id, label });
  const { reload } = detail;
  useEffect(() => {
    const before = seen.current;
    seen.current = { id, label };
    if (before.id === id && before.label !== label) reload();
  }, [id, label, reload]);
  if (!message)
    return (
      <aside className="panel" aria-label={t('panel.title')}>
        …
      </aside>
    );
  const current = detail.data?.message.id === message.id ? detail.data : undefined;
  return (
    <aside
      className="panel"
      aria-label={t('panel.title')}
      aria-busy={current === undefined}
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <header>
        <h2>{authorText(message.authorHandle, translator)}</h2>
        <button onClick={onClose} aria-label={t('panel.close')} title={`${t('panel.close')} (Esc)`}>
          ×
        </button>
      </header>
      <p className="meta">
        {dateTime(message.postedAt)} · {sourceText(message.source, translator)}
        {message.followers !== null ? ` · ${t('grid.followers', { count: message.followers })}` : ''}
      </p>
      <p className="full-text" data-testid="panel-text">
        <Highlighted text={message.text} />
      </p>
      <p data-testid="panel-label">
        <TemperatureChip value={message.temperature} /> {message.kind ? t(`kind.${message.kind}` as MessageKey) : ''}
      </p>
      <SuggestedLabels message={message} suggestion={suggestion} onAccept={onAccept} />
      {current ? <PanelDetail detail={current} /> : <p className="hint">{detail.error ?? '…'}</p>}
    </aside>
  );
}

/** The labels the model suggests for what the message lacks, with a button for those who label with the mouse. */
function SuggestedLabels({
  message,
  suggestion,
  onAccept,
}: {
  message: MessageRow;
  suggestion: LabelSuggestionRow | undefined;
  onAccept(): void;
}) {
  const { t } = useI18n();
  const temperature = message.temperature === null ? suggestion?.temperature : null;
  const kind = message.kind === null ? suggestion?.kind : null;
  if (!temperature && !kind) return null;
  return (
    <p data-testid="panel-suggestion">
      {t('panel.suggested')}{' '}
      <span className="suggested">
        {temperature && <TemperatureChip value={temperature.value} />} {kind && t(`kind.${kind.value}` as MessageKey)}
      </span>{' '}
      <button onClick={onAccept}>{t('panel.accept')}</button>
    </p>
  );
}

/** What only the detail call has: engagement, the contact, the thread, the label history and the author's messages. */
function PanelDetail({ detail }: { detail: MessageDetail }) {
  const translator = useI18n();
  const { t, dateTime, number } = translator;
  const { message } = detail;
  const small = (row: MessageRow) => (
    <li key={row.id}>
      <small>
        {dateTime(row.postedAt)} · {authorText(row.authorHandle, translator)}
      </small>{' '}
      <TemperatureChip value={row.temperature} />
      <div>{row.text}</div>
    </li>
  );
  return (
    <>
      {message.textAsWritten !== null && (
        <details className="as-written">
          <summary>{t('panel.asWritten')}</summary>
          <pre data-testid="panel-as-written">{message.textAsWritten}</pre>
        </details>
      )}
      <p className="meta">
        ♥ {number(message.likes ?? 0)} · ⇄ {number(message.shares ?? 0)} · ↩ {number(message.replies ?? 0)}
        {message.entities.length ? ` · ${message.entities.join(', ')}` : ''}
        {message.topics.length ? ` · ${message.topics.join(', ')}` : ''}
      </p>
      <ContactCard message={message.id} />
      <StoryButton message={message.id} />
      {detail.parent && (
        <>
          <h3>{t('panel.repliesTo')}</h3>
          <ul>{small(detail.parent)}</ul>
        </>
      )}
      {detail.replies.length > 0 && (
        <>
          <h3>{t('panel.replies')}</h3>
          <ul>{detail.replies.map(small)}</ul>
        </>
      )}
      <h3>{t('panel.history')}</h3>
      {detail.history.length === 0 ? (
        <p className="hint">{t('panel.noHistory')}</p>
      ) : (
        <ul data-testid="panel-history">
          {detail.history.map((h) => (
            <li key={h.id} className={h.undone ? 'undone' : undefined}>
              <small>
                {dateTime(h.labeledAt)} · {annotatorText(h.annotator, translator)}
              </small>{' '}
              {h.temperature ?? '—'} / {h.kind ? t(`kind.${h.kind}` as MessageKey) : '—'}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('panel.byAuthor', { count: detail.byAuthor.length })}</h3>
      <ul>{detail.byAuthor.map(small)}</ul>
    </>
  );
}
