import { useEffect, useState } from 'react';
import { useApi } from '../../api/useApi';
import { useI18n } from '../../app/i18n';
import { Highlighted, SearchContext } from '../../components/Highlighted';

const PREVIEW_DELAY_MS = 350;

/** What the rules being typed match in the workspace now, refreshed as they change. */
export function RulePreviewPanel({ rules }: { rules: string[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const key = JSON.stringify(rules);
  // Asked once typing pauses; no rules, no preview.
  const [asked, setAsked] = useState<string[] | null>(null);
  useEffect(() => {
    const list = JSON.parse(key) as string[];
    const timer = setTimeout(
      () => setAsked(list.length > 0 ? list.slice(0, 100) : null),
      list.length > 0 ? PREVIEW_DELAY_MS : 0,
    );
    return () => clearTimeout(timer);
  }, [key]);
  const { data, error } = useApi('rules.preview', asked ? { rules: asked } : null);
  const preview = asked ? data : undefined;

  if (error)
    return (
      <p className="error" role="alert">
        {error}
      </p>
    );
  if (!preview) return <p className="muted">{t('tracking.previewEmpty')}</p>;
  return (
    <section className="rule-preview" aria-label={t('tracking.previewTitle')}>
      <h3 data-testid="preview-count">{t('tracking.preview', { count: preview.matches })}</h3>
      <table>
        <thead>
          <tr>
            <th>{t('tracking.rule')}</th>
            <th>{t('tracking.matches')}</th>
          </tr>
        </thead>
        <tbody>
          {preview.byRule.map((row) => (
            <tr key={row.rule} className={row.matches === 0 ? 'muted' : undefined}>
              <td>{row.rule}</td>
              <td className="number">{i18n.number(row.matches)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {/* Each rule's words marked where they appear (any case and accents), as a quoted phrase. */}
      <SearchContext.Provider value={(asked ?? []).map((rule) => `"${rule.replace(/"/g, ' ')}"`).join(' ')}>
        <ul className="preview-sample">
          {preview.sample.map((message) => (
            <li key={message.id}>
              <time>{i18n.dateTime(message.postedAt)}</time> <Highlighted text={message.text} />
            </li>
          ))}
        </ul>
      </SearchContext.Provider>
    </section>
  );
}
