import { useState } from 'react';
import { IDEA_STATUSES, type IdeaStatus } from '../../../../shared/api/customers';
import { nearestTemperature } from '../../../../shared/domain/temperature';
import type { MessageKey } from '../../../../shared/i18n';
import { api } from '../../api/client';
import { useApi } from '../../api/useApi';
import { useI18n } from '../../app/i18n';
import { accountText, sourceText } from '../../../../shared/domain/grid-text';
import { TemperatureChip } from '../../components/TemperatureChip';

/**
 * Ideas from customers (co-creation): suggestions grouped into ideas, most asked first, with their status and the
 * customers to tell when one ships; duplicates merged (the first one checked is kept); suggestions not grouped yet
 * below, to start an idea from or add to one.
 */
export function IdeasBoard() {
  const i18n = useI18n();
  const { t, number, date } = i18n;
  const board = useApi('ideas.list', {}, { reloadOn: ['writes'] });
  const [checked, setChecked] = useState<number[]>([]);
  const [picked, setPicked] = useState<number[]>([]);
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const run = async (call: () => Promise<unknown>): Promise<void> => {
    setError(null);
    try {
      await call();
      board.reload();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const ideas = board.data?.ideas ?? [];
  const inbox = board.data?.inbox;
  const toMerge = checked.flatMap((id) => ideas.filter((idea) => idea.id === id));
  return (
    <div className="ideas-board">
      <div className="toolbar">
        <button
          disabled={toMerge.length < 2}
          onClick={() =>
            void run(async () => {
              const [into, ...from] = toMerge;
              if (into) await api.call('ideas.merge', { into: into.id, from: from.map((idea) => idea.id) });
              setChecked([]);
            })
          }
        >
          {toMerge.length < 2
            ? t('ideas.mergeHint')
            : t('ideas.merge', { count: toMerge.length, title: toMerge[0]?.title ?? '' })}
        </button>
        {error && (
          <span className="error" role="alert">
            {error}
          </span>
        )}
      </div>
      <table aria-label={t('ideas.title')}>
        <thead>
          <tr>
            <th />
            <th>{t('ideas.idea')}</th>
            <th>{t('ideas.votes')}</th>
            <th>{t('ideas.temperature')}</th>
            <th>{t('ideas.status')}</th>
            <th>{t('ideas.customers')}</th>
          </tr>
        </thead>
        <tbody>
          {ideas.map((idea) => (
            <tr key={idea.id}>
              <td>
                <input
                  type="checkbox"
                  aria-label={t('ideas.check', { title: idea.title })}
                  checked={checked.includes(idea.id)}
                  onChange={(e) =>
                    setChecked((list) => (e.target.checked ? [...list, idea.id] : list.filter((id) => id !== idea.id)))
                  }
                />
              </td>
              <td>
                <b>{idea.title}</b>
                <div className="muted">{t('ideas.since', { date: date(idea.createdAt), count: idea.messages })}</div>
              </td>
              <td className="number">{number(idea.votes)}</td>
              <td>
                <TemperatureChip value={nearestTemperature(idea.meanTemperature)} />
              </td>
              <td>
                <select
                  aria-label={t('ideas.statusOf', { title: idea.title })}
                  value={idea.status}
                  onChange={(e) =>
                    void run(() => api.call('ideas.status', { idea: idea.id, status: e.target.value as IdeaStatus }))
                  }
                >
                  {IDEA_STATUSES.map((status) => (
                    <option key={status} value={status}>
                      {t(`ideas.status.${status}` as MessageKey)}
                    </option>
                  ))}
                </select>
              </td>
              <td
                className="idea-customers"
                title={idea.customers.map((c) => accountText(c.source, c.handle, i18n)).join(' · ')}
              >
                {idea.customers
                  .slice(0, 6)
                  .map((c) => c.handle)
                  .join(' ')}
                {idea.customers.length > 6 && ` +${number(idea.customers.length - 6)}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {inbox && (
        <section className="ideas-inbox" aria-label={t('ideas.inbox')}>
          <h3>{t('ideas.inboxCount', { count: inbox.total })}</h3>
          <div className="inline-form">
            <input
              aria-label={t('ideas.newTitle')}
              placeholder={t('ideas.newTitle')}
              value={title}
              onChange={(e) => setTitle(e.target.value)}
            />
            <button
              disabled={picked.length === 0 || !title.trim()}
              onClick={() =>
                void run(async () => {
                  await api.call('ideas.create', { title: title.trim(), messageIds: picked });
                  setPicked([]);
                  setTitle('');
                })
              }
            >
              {t('ideas.create', { count: picked.length })}
            </button>
          </div>
          <ul className="plain">
            {inbox.messages.slice(0, 50).map((m) => (
              <li key={m.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={picked.includes(m.id)}
                    onChange={(e) =>
                      setPicked((list) => (e.target.checked ? [...list, m.id] : list.filter((id) => id !== m.id)))
                    }
                  />{' '}
                  <span className="muted">
                    {sourceText(m.source, i18n)} · {date(m.postedAt)}
                  </span>{' '}
                  {m.text}
                </label>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
