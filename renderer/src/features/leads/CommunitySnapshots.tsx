import { useState } from 'react';
import { isPending } from '../../../../shared/api/envelope';
import { sourceText } from '../../../../shared/domain/grid-text';
import { SOURCES, type Source } from '../../../../shared/domain/vocabulary';
import { api } from '../../api/client';
import { useApi } from '../../api/useApi';
import { useI18n } from '../../app/i18n';
import { countOf } from './figures';

const FIGURES = ['followers', 'members', 'activeMembers'] as const;
type Figure = (typeof FIGURES)[number];

interface Props {
  period: { from: string; to: string; label: string };
  onChanged(): void;
  onClose(): void;
}

/**
 * A quarter's community snapshots (followers, members, active members of each channel on a date), as the networks' own
 * pages give them: listed, recorded (the same network, channel and date replaces the figures given), removed.
 */
export function CommunitySnapshots({ period, onChanged, onClose }: Props) {
  const i18n = useI18n();
  const { t, number } = i18n;
  // Every channel's snapshots (a few a month): the quarter's listed, the channels offered as the user types one.
  const all = useApi('community.list', {});
  const inQuarter = (all.data ?? []).filter((s) => s.date >= period.from && s.date <= period.to);
  const today = new Date().toISOString().slice(0, 10);
  const [source, setSource] = useState<Source>('twitter');
  const [channel, setChannel] = useState('');
  const [date, setDate] = useState(period.to < today ? period.to : today);
  const [figures, setFigures] = useState<Record<Figure, string>>({ followers: '', members: '', activeMembers: '' });
  const [said, setSaid] = useState<string | null>(null);
  const counts = Object.fromEntries(FIGURES.map((name) => [name, countOf(figures[name])])) as Record<
    Figure,
    number | null
  >;
  const readable = FIGURES.every((name) => !Number.isNaN(counts[name]));
  const given = FIGURES.some((name) => counts[name] !== null);
  const changed = (): void => {
    all.reload();
    onChanged();
  };
  const record = async (): Promise<void> => {
    setSaid(null);
    try {
      const result = await api.call('community.record', {
        source,
        channel: channel.trim(),
        date,
        ...Object.fromEntries(FIGURES.filter((name) => counts[name] !== null).map((name) => [name, counts[name]])),
      });
      setSaid(isPending(result) ? t('community.kept') : t('community.recorded'));
      setFigures({ followers: '', members: '', activeMembers: '' });
      changed();
    } catch (e) {
      setSaid((e as Error).message);
    }
  };
  const remove = async (id: number): Promise<void> => {
    try {
      await api.call('community.remove', { id });
      changed();
    } catch (e) {
      setSaid((e as Error).message);
    }
  };
  const channels = [...new Set((all.data ?? []).filter((s) => s.source === source).map((s) => s.channel))];
  return (
    <form
      className="leg-form"
      aria-label={t('community.title', { period: period.label })}
      onSubmit={(e) => {
        e.preventDefault();
        void record();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <h3>{t('community.title', { period: period.label })}</h3>
      <div className="fields">
        <label>
          {t('community.network')}
          <select value={source} onChange={(e) => setSource(e.target.value as Source)}>
            {SOURCES.map((code) => (
              <option key={code} value={code}>
                {sourceText(code, i18n)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('community.channel')}
          <input
            value={channel}
            list="community-channels"
            maxLength={100}
            placeholder={t('community.channelHint')}
            onChange={(e) => setChannel(e.target.value)}
          />
          <datalist id="community-channels">
            {channels.map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
        </label>
        <label>
          {t('community.date')}
          <input type="date" value={date} required onChange={(e) => setDate(e.target.value)} />
        </label>
        {FIGURES.map((name) => (
          <label key={name}>
            {t(`community.${name}`)}
            <input
              inputMode="numeric"
              value={figures[name]}
              aria-invalid={Number.isNaN(counts[name])}
              onChange={(e) => setFigures({ ...figures, [name]: e.target.value })}
            />
          </label>
        ))}
      </div>
      {!readable && (
        <p className="error" role="alert">
          {t('community.invalid')}
        </p>
      )}
      <div className="actions">
        <button className="primary" type="submit" disabled={!readable || !given || channel.trim() === '' || !date}>
          {t('community.record')}
        </button>{' '}
        <button type="button" onClick={onClose}>
          {t('community.close')}
        </button>
        {said && <span role="status"> {said}</span>}
      </div>
      {inQuarter.length > 0 ? (
        <table className="snapshots">
          <thead>
            <tr>
              <th>{t('community.channel')}</th>
              <th>{t('community.date')}</th>
              {FIGURES.map((name) => (
                <th key={name}>{t(`community.${name}`)}</th>
              ))}
              <th />
            </tr>
          </thead>
          <tbody>
            {inQuarter.map((s) => (
              <tr key={s.id}>
                <td>
                  {sourceText(s.source, i18n)} {s.channel}
                </td>
                <td>{s.date}</td>
                {FIGURES.map((name) => (
                  <td key={name}>{s[name] === null ? '—' : number(s[name] as number)}</td>
                ))}
                <td>
                  <button
                    type="button"
                    aria-label={t('community.remove', { channel: s.channel, date: s.date })}
                    onClick={() => void remove(s.id)}
                  >
                    ×
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="hint">{t('community.none')}</p>
      )}
    </form>
  );
}
