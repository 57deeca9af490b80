import type { MessageRow } from '../../../../shared/api/contract';
import type { MessageKey } from '../../../../shared/i18n';
import { useApi } from '../../api/useApi';
import { useI18n } from '../../app/i18n';
import { TemperatureChip } from '../../components/TemperatureChip';
import { ContactCard } from '../leads';
import { StoryButton } from '../queue';
import { annotatorText, authorText } from '../../../../shared/domain/grid-text';
import { Highlighted } from '../../components/Highlighted';

/** The side panel: the whole message, its thread, its label history, and the author's other messages. */
export function MessagePanel({ id, onClose }: { id: number; onClose(): void }) {
  const translator = useI18n();
  const { t, dateTime, number } = translator;
  const { data: detail, error } = useApi('messages.detail', { id }, { reloadOn: ['writes'] });
  if (!detail || detail.message.id !== id)
    return (
      <aside className="panel" aria-label={t('panel.title')}>
        {error ?? '…'}
      </aside>
    );
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
    <aside className="panel" aria-label={t('panel.title')} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <header>
        <h2>{authorText(message.authorHandle, translator)}</h2>
        <button onClick={onClose} aria-label={t('panel.close')}>
          ×
        </button>
      </header>
      <p className="meta">
        {dateTime(message.postedAt)} · {message.source}
        {message.followers !== null ? ` · ${t('grid.followers', { count: message.followers })}` : ''}
      </p>
      <p className="full-text" data-testid="panel-text">
        <Highlighted text={message.text} />
      </p>
      {message.textAsWritten !== null && (
        <details className="as-written">
          <summary>{t('panel.asWritten')}</summary>
          <pre data-testid="panel-as-written">{message.textAsWritten}</pre>
        </details>
      )}
      <p>
        <TemperatureChip value={message.temperature} /> {message.kind ? t(`kind.${message.kind}` as MessageKey) : ''}
      </p>
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
        <ul>
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
    </aside>
  );
}
