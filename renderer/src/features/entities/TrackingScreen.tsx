import { useState } from 'react';
import { parseRuleList } from '../../../../shared/domain/matching';
import { ENTITY_ROLES, type EntityRole } from '../../../../shared/domain/vocabulary';
import { api } from '../../api/client';
import { useApi } from '../../api/useApi';
import { useI18n } from '../../app/i18n';
import { RulePreviewPanel } from './RulePreviewPanel';

/** What the form edits; `saved` for one that exists: its id, name and rules as stored (a new name renames it). */
type Draft = (
  { kind: 'entity'; name: string; role: EntityRole; rules: string } | { kind: 'topic'; name: string; rules: string }
) & { saved?: { id: number; name: string; rules: string; role?: EntityRole } };

const NEW_ENTITY: Draft = { kind: 'entity', name: '', role: 'competitor', rules: '' };
const NEW_TOPIC: Draft = { kind: 'topic', name: '', rules: '' };

/** Own brands, people, competitors and topics, with their rules; saving rematches the workspace as a job. */
export function TrackingScreen() {
  const i18n = useI18n();
  const { t } = i18n;
  const entityList = useApi('entities.list', {});
  const topicList = useApi('topics.list', {});
  const entities = entityList.data ?? [];
  const topics = topicList.data ?? [];
  const [draft, setDraft] = useState<Draft>(NEW_ENTITY);
  const [status, setStatus] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [confirming, setConfirming] = useState(false);

  const rules = parseRuleList(draft.rules);
  const name = draft.name.trim();
  // Saving a new one under a name in use would change that one, and a rename onto it is refused: said before either.
  const taken = (draft.kind === 'entity' ? entities : topics).some((e) => e.name === name && e.id !== draft.saved?.id);
  const said = taken ? t('tracking.nameTaken', { name }) : status;
  // Its matches as the list counts them now (its rules may have changed since it was picked).
  const mentions = (draft.kind === 'entity' ? entities : topics).find((e) => e.id === draft.saved?.id)?.mentions ?? 0;
  const reload = (): void => {
    entityList.reload();
    topicList.reload();
  };
  const save = async (): Promise<void> => {
    setSaving(true);
    try {
      // A new name for one that exists is a rename (its matches stay), then its rules are saved under it.
      if (draft.saved && name !== draft.saved.name)
        await api.call(draft.kind === 'entity' ? 'entities.rename' : 'topics.rename', { id: draft.saved.id, name });
    } catch (e) {
      setSaving(false);
      setStatus((e as Error).message);
      return;
    }
    // A rename alone changes no match: nothing to match again.
    const rulesKept =
      draft.saved !== undefined &&
      draft.rules === draft.saved.rules &&
      (draft.kind !== 'entity' || draft.role === draft.saved.role);
    if (draft.saved && rulesKept) {
      setSaving(false);
      setDraft({ ...draft, saved: { ...draft.saved, name } });
      setStatus(t('tracking.renamed', { name }));
      reload();
      return;
    }
    setStatus(t('tracking.saving'));
    const last =
      draft.kind === 'entity'
        ? await api.runJob('entities.save', { name, role: draft.role, aliases: rules })
        : await api.runJob('topics.save', { name, keywords: rules });
    setSaving(false);
    setStatus(
      last.state === 'finished'
        ? t('tracking.saved', { count: last.result.messages })
        : last.state === 'cancelled'
          ? t('tracking.cancelled')
          : (last.message ?? last.state),
    );
    if (last.state === 'finished') {
      // A new one is saved now: the form goes on editing it, its name its own (not one in use).
      setDraft({
        ...draft,
        saved: {
          id: last.result.id,
          name,
          rules: draft.rules,
          ...(draft.kind === 'entity' ? { role: draft.role } : {}),
        },
      });
    }
    reload();
  };
  const remove = async (saved: NonNullable<Draft['saved']>): Promise<void> => {
    setConfirming(false);
    setSaving(true);
    setStatus(t('tracking.deleting'));
    const last = await api.runJob(draft.kind === 'entity' ? 'entities.delete' : 'topics.delete', { id: saved.id });
    setSaving(false);
    if (last.state === 'finished') {
      setDraft(draft.kind === 'entity' ? NEW_ENTITY : NEW_TOPIC);
      setStatus(t('tracking.deleted', { name: saved.name, count: last.result.messages }));
    } else setStatus(last.state === 'cancelled' ? t('tracking.cancelled') : (last.message ?? last.state));
    reload();
  };

  const pick = (next: Draft): void => {
    setDraft(next);
    setStatus(null);
    setConfirming(false);
  };
  return (
    <section className="tracking" aria-label={t('nav.tracking')}>
      <aside className="tracking-list">
        <h2>{t('tracking.entities')}</h2>
        <button type="button" onClick={() => pick(NEW_ENTITY)}>
          {t('tracking.newEntity')}
        </button>
        {ENTITY_ROLES.map((role) => (
          <ul key={role} aria-label={t(`role.${role}`)}>
            {entities
              .filter((e) => e.role === role)
              .map((e) => (
                <li key={e.id}>
                  <button
                    type="button"
                    aria-current={draft.kind === 'entity' && draft.saved?.id === e.id}
                    onClick={() =>
                      pick({
                        kind: 'entity',
                        name: e.name,
                        role: e.role,
                        rules: e.aliases.join('\n'),
                        saved: {
                          id: e.id,
                          name: e.name,
                          rules: e.aliases.join('\n'),
                          role: e.role,
                        },
                      })
                    }
                  >
                    {e.name}{' '}
                    <small>
                      {t(`role.${role}`)} · {t('tracking.mentions', { count: e.mentions ?? 0 })}
                    </small>
                  </button>
                </li>
              ))}
          </ul>
        ))}
        <h2>{t('tracking.topics')}</h2>
        <button type="button" onClick={() => pick(NEW_TOPIC)}>
          {t('tracking.newTopic')}
        </button>
        <ul aria-label={t('tracking.topics')}>
          {topics.map((topic) => (
            <li key={topic.id}>
              <button
                type="button"
                aria-current={draft.kind === 'topic' && draft.saved?.id === topic.id}
                onClick={() =>
                  pick({
                    kind: 'topic',
                    name: topic.name,
                    rules: topic.keywords.join('\n'),
                    saved: {
                      id: topic.id,
                      name: topic.name,
                      rules: topic.keywords.join('\n'),
                    },
                  })
                }
              >
                {topic.name} <small>{t('tracking.mentions', { count: topic.mentions ?? 0 })}</small>
              </button>
            </li>
          ))}
        </ul>
      </aside>
      <form
        className="tracking-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <h2>{t(draft.kind === 'entity' ? 'tracking.entity' : 'tracking.topic')}</h2>
        <label>
          {t('tracking.name')}{' '}
          <input
            required
            maxLength={120}
            value={draft.name}
            onChange={(e) => setDraft({ ...draft, name: e.target.value })}
          />
        </label>
        {draft.kind === 'entity' && (
          <label>
            {t('tracking.role')}{' '}
            <select value={draft.role} onChange={(e) => setDraft({ ...draft, role: e.target.value as EntityRole })}>
              {ENTITY_ROLES.map((role) => (
                <option key={role} value={role}>
                  {t(`role.${role}`)}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="rules">
          {t(draft.kind === 'entity' ? 'tracking.aliases' : 'tracking.keywords')}
          <textarea rows={8} value={draft.rules} onChange={(e) => setDraft({ ...draft, rules: e.target.value })} />
        </label>
        <p className="muted">{t('tracking.rulesHelp')}</p>
        <div className="actions">
          <button className="primary" type="submit" disabled={saving || name === '' || taken || rules.length === 0}>
            {t('tracking.save')}
          </button>
          {draft.saved && !confirming && (
            <button type="button" className="danger" disabled={saving} onClick={() => setConfirming(true)}>
              {t('tracking.delete')}
            </button>
          )}
          {said && <span role="status">{said}</span>}
        </div>
        {draft.saved && confirming && (
          <div className="confirm" role="alertdialog" aria-label={t('tracking.delete')}>
            <p>{t('tracking.deleteConfirm', { name: draft.saved.name, count: mentions })}</p>
            <button type="button" className="danger" autoFocus onClick={() => draft.saved && void remove(draft.saved)}>
              {t('tracking.deleteYes')}
            </button>{' '}
            <button type="button" onClick={() => setConfirming(false)}>
              {t('tracking.deleteNo')}
            </button>
          </div>
        )}
        <RulePreviewPanel rules={rules} />
      </form>
    </section>
  );
}
