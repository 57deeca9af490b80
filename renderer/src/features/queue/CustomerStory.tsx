import { useEffect, useRef, useState } from 'react';
import { isPending } from '../../../../shared/api/envelope';
import { nearestTemperature, type Temperature } from '../../../../shared/domain/temperature';
import type { MessageKey } from '../../../../shared/i18n';
import { api } from '../../api/client';
import { useApi } from '../../api/useApi';
import { useI18n } from '../../app/i18n';
import { accountText, caseTypeText, sourceText } from '../../../../shared/domain/grid-text';
import { TemperatureChip } from '../../components/TemperatureChip';
import { Sparkline } from './Sparkline';

/**
 * A customer's whole story, from any of their accounts: who they are, their mood over time, cases, leads, what they
 * like and dislike, their influence; a copy of their data, and erasing them (with a confirmation).
 */
export function CustomerStory({ author, onClose }: { author: number; onClose(): void }) {
  const i18n = useI18n();
  const { t, number, date } = i18n;
  const story = useApi('customers.story', { author }, { reloadOn: ['writes'] });
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => dialog.current?.showModal(), []);
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const s = story.data;
  const run = async (call: () => Promise<string | null>): Promise<void> => {
    setError(null);
    try {
      const said = await call();
      if (said) setNotice(said);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const exportData = () =>
    run(async () => {
      const chosen = await api.call('files.choose', {
        purpose: 'personJson',
        suggestedName: `${s?.name ?? 'person'}.json`,
      });
      if (!chosen.path) return null;
      const written = await api.call('customers.export', { author, path: chosen.path });
      return t('story.exported', { file: chosen.name ?? written.file });
    });
  const erase = () =>
    run(async () => {
      const erased = await api.call('customers.erase', { author });
      if (isPending(erased)) return null;
      onClose();
      return null;
    });
  const likes = [...(s?.topics ?? []), ...(s?.entities ?? [])].filter((x) => x.meanTemperature !== null);
  return (
    <dialog ref={dialog} className="help story" aria-label={t('story.title')} onClose={onClose}>
      <div>
        <header className="story-head">
          <h2>{s ? s.name : t('app.loading')}</h2>
          <button className="link" aria-label={t('story.close')} onClick={onClose}>
            ×
          </button>
        </header>
        {story.error && <p className="error">{story.error}</p>}
        {s && (
          <>
            <p className="muted">
              {s.contact?.company && `${s.contact.company} · `}
              {s.accounts.map((a) => accountText(a.source, a.handle, i18n)).join(' · ')}
            </p>
            <section className="story-mood">
              <div>
                <div className="kpi-label">{t('story.mood')}</div>
                <TemperatureChip value={nearestTemperature(s.mood)} />
              </div>
              <Sparkline points={s.temperatures} label={t('story.sparkline', { count: s.temperatures.length })} />
              <div>
                <div className="kpi-label">{t('story.messages')}</div>
                <b>{number(s.messages.total)}</b>{' '}
                <span className="muted">({t('story.labeled', { count: s.messages.labeled })})</span>
              </div>
              <div>
                <div className="kpi-label">{t('story.influence')}</div>
                <b>{number(s.influence.score, 2)}</b>{' '}
                <span className="muted">{t('story.followers', { count: s.influence.followers ?? 0 })}</span>
              </div>
            </section>
            <div className="story-columns">
              <section>
                <h3>{t('story.likes')}</h3>
                <ul className="plain">
                  {likes
                    .sort((a, b) => (b.meanTemperature ?? 0) - (a.meanTemperature ?? 0))
                    .map((x) => (
                      <li key={x.name}>
                        <TemperatureChip value={nearestTemperature(x.meanTemperature)} /> {x.name}{' '}
                        <span className="muted">({number(x.messages)})</span>
                      </li>
                    ))}
                </ul>
              </section>
              <section>
                <h3>{t('story.cases')}</h3>
                <ul className="plain">
                  {s.cases.length === 0 && <li className="muted">—</li>}
                  {s.cases.map((c) => (
                    <li key={c.id}>
                      #{c.id} {c.type === null ? '' : caseTypeText(c.type, i18n)} ·{' '}
                      {t(`case.status.${c.status}` as MessageKey)} · {date(c.openedAt)}
                    </li>
                  ))}
                </ul>
                <h3>{t('story.leads')}</h3>
                <ul className="plain">
                  {s.leads.length === 0 && <li className="muted">—</li>}
                  {s.leads.map((l) => (
                    <li key={l.id}>
                      {l.name} · {l.stage}
                    </li>
                  ))}
                </ul>
              </section>
            </div>
            <h3>{t('story.latest')}</h3>
            <ol className="thread story-messages">
              {s.messages.latest.slice(0, 8).map((m) => (
                <li key={m.id} className="thread-customer">
                  <span className="muted">
                    {sourceText(m.source, i18n)} · {date(m.postedAt)}
                  </span>{' '}
                  <TemperatureChip value={m.temperature as Temperature | null} />
                  <p>{m.text}</p>
                </li>
              ))}
            </ol>
            <footer className="actions">
              <button onClick={() => void exportData()}>{t('story.export')}</button>
              {confirming ? (
                <>
                  <span className="warning">{t('story.eraseConfirm', { name: s.name })}</span>
                  <button className="danger" onClick={() => void erase()}>
                    {t('story.eraseYes')}
                  </button>
                  <button onClick={() => setConfirming(false)}>{t('story.eraseNo')}</button>
                </>
              ) : (
                <button onClick={() => setConfirming(true)}>{t('story.erase')}</button>
              )}
              {notice && (
                <span className="notice" role="status">
                  {notice}
                </span>
              )}
              {error && (
                <span className="error" role="alert">
                  {error}
                </span>
              )}
            </footer>
          </>
        )}
      </div>
    </dialog>
  );
}
