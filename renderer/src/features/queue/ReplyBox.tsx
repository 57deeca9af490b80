import { forwardRef, useState } from 'react';
import type { CannedReply } from '../../../../shared/api/cases';
import { isPending } from '../../../../shared/api/envelope';
import { api } from '../../api/client';
import { useApi } from '../../api/useApi';
import { useI18n } from '../../app/i18n';

/** The `/code` being typed at the end of the answer, if any. */
const slashQuery = (text: string): string | null => /(?:^|\s)\/([\p{L}\p{N}_-]*)$/u.exec(text)?.[1] ?? null;

function matching(list: readonly CannedReply[], query: string, language: string): CannedReply[] {
  const q = query.toLowerCase();
  return list
    .filter((c) => c.code.toLowerCase().startsWith(q) || (q.length > 2 && c.text.toLowerCase().includes(q)))
    .sort((a, b) => Number(b.language === language) - Number(a.language === language) || a.code.localeCompare(b.code))
    .slice(0, 8);
}

/**
 * The answer to a case, written here and recorded on it (Pulso stays offline: it is copied to paste on the network).
 * Typing `/` looks up canned replies by code; Enter or Tab takes the highlighted one; Ctrl+Enter records the answer.
 */
export const ReplyBox = forwardRef<HTMLTextAreaElement, { caseId: number; source: string; onSent(): void }>(
  function ReplyBox({ caseId, source, onSent }, ref) {
    const { t, language } = useI18n();
    const canned = useApi('canned.list', {}, { reloadOn: ['writes'] });
    const [text, setText] = useState('');
    const [code, setCode] = useState<string | null>(null);
    const [highlight, setHighlight] = useState(0);
    const [notice, setNotice] = useState<{ text: string; warnings: string[] } | null>(null);
    const [error, setError] = useState<string | null>(null);
    const query = slashQuery(text);
    const suggestions = query === null ? [] : matching(canned.data ?? [], query, language);
    const chosen = canned.data?.find((c) => c.code === code);

    const pick = (reply: CannedReply): void => {
      setCode(reply.code);
      setText((current) => current.replace(/(^|\s)\/[\p{L}\p{N}_-]*$/u, '$1').trimEnd());
      setHighlight(0);
    };
    const send = async (): Promise<void> => {
      if (!text.trim() && !code) return;
      setError(null);
      try {
        const result = await api.call('cases.respond', {
          case: caseId,
          ...(text.trim() ? { text: text.trim() } : {}),
          ...(code ? { canned: code } : {}),
        });
        if (isPending(result)) return;
        await navigator.clipboard?.writeText(result.text).catch(() => undefined);
        setNotice({ text: t('case.copied', { source }), warnings: result.warnings.map((w) => w.message) });
        setText('');
        setCode(null);
        onSent();
      } catch (e) {
        setError((e as Error).message);
      }
    };
    const onKeyDown = (event: React.KeyboardEvent<HTMLTextAreaElement>): void => {
      event.stopPropagation();
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        void send();
      } else if (suggestions.length > 0 && (event.key === 'Enter' || event.key === 'Tab')) {
        event.preventDefault();
        pick(suggestions[highlight] ?? (suggestions[0] as CannedReply));
      } else if (suggestions.length > 0 && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setHighlight((h) => (h + step + suggestions.length) % suggestions.length);
      } else if (event.key === 'Escape') {
        (event.currentTarget as HTMLElement).blur();
        document.querySelector<HTMLElement>('.queue-list')?.focus();
      }
    };
    return (
      <section className="reply-box" aria-label={t('case.reply')}>
        {chosen && (
          <div className="canned-chosen">
            <span className="filter-chip">{t('case.canned', { code: chosen.code })}</span>
            <button className="link" aria-label={t('case.cannedRemove')} onClick={() => setCode(null)}>
              ×
            </button>
            <p className="muted canned-text">{chosen.text}</p>
          </div>
        )}
        <textarea
          ref={ref}
          rows={3}
          aria-label={t('case.reply')}
          placeholder={t('case.replyPlaceholder')}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setHighlight(0);
          }}
          onKeyDown={onKeyDown}
        />
        {query !== null && (
          <ul className="canned-suggestions" role="listbox" aria-label={t('case.cannedSearch')}>
            {suggestions.length === 0 && <li className="muted">{t('case.noCanned')}</li>}
            {suggestions.map((reply, i) => (
              <li
                key={reply.id}
                role="option"
                aria-selected={i === highlight}
                onMouseDown={(e) => {
                  e.preventDefault();
                  pick(reply);
                }}
              >
                <b>/{reply.code}</b> <span className="muted">{reply.text}</span>
              </li>
            ))}
          </ul>
        )}
        <div className="reply-actions">
          <button className="primary" disabled={!text.trim() && !code} onClick={() => void send()}>
            {t('case.send')}
          </button>
          <button
            title={t('case.openOnNetworkHint')}
            onClick={() =>
              void api
                .call('cases.openOnNetwork', { case: caseId })
                .then((result) => !result.opened && setError(t('case.noLink')))
                .catch((e: Error) => setError(e.message))
            }
          >
            {t('case.openOnNetwork', { source })}
          </button>
        </div>
        {notice && (
          <p className="notice" role="status">
            {notice.text}
          </p>
        )}
        {notice?.warnings.map((warning) => (
          <p key={warning} className="warning" role="alert">
            {warning}
          </p>
        ))}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
      </section>
    );
  },
);
