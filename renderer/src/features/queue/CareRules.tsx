import { useState } from 'react';
import { ASSIGN_MODES, cannedCode, type AssignMode } from '../../../../shared/api/cases';
import { parseDuration } from '../../../../shared/domain/sla';
import { routingProblem } from '../../../../shared/domain/routing';
import { caseTypeFromText, caseTypeText } from '../../../../shared/domain/grid-text';
import type { MessageKey } from '../../../../shared/i18n';
import { api } from '../../api/client';
import { useApi } from '../../api/useApi';
import { useI18n } from '../../app/i18n';

/** What the desk runs on: SLA policies, routing rules (previewing what a condition routes now), canned replies. */
export function CareRules() {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const run = async (call: () => Promise<unknown>, done: () => void): Promise<void> => {
    setError(null);
    try {
      await call();
      done();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <div className="care-rules">
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <Policies run={run} />
      <Routing run={run} />
      <Canned run={run} />
      <p className="hint">{t('rules.hint')}</p>
    </div>
  );
}

type Run = (call: () => Promise<unknown>, done: () => void) => Promise<void>;

/**
 * A form's add button, disabled while `blocked` says why (in the UI's language, before the back end would refuse it in
 * English), or while a required field is empty.
 */
function AddButton({
  label,
  empty,
  blocked,
  add,
}: {
  label: string;
  empty: boolean;
  blocked: string | null;
  add(): void;
}) {
  return (
    <>
      <button disabled={empty || blocked !== null} onClick={add}>
        {label}
      </button>
      {blocked && (
        <span className="hint" role="status">
          {blocked}
        </span>
      )}
    </>
  );
}

/** Why a name cannot be saved: another of the list has it. */
const nameTaken = (rows: readonly { name: string }[] | undefined, name: string): boolean =>
  (rows ?? []).some((row) => row.name === name.trim());

/**
 * Removes after a second, explicit press, with what the removal does said beside it (as an import batch is undone).
 * `name`: what the button removes, for screen readers.
 */
function RemoveButton({ name, effect, remove }: { name: string; effect: string; remove: () => void }) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  return asking ? (
    <span className="remove-ask" role="alert">
      {effect}{' '}
      <button
        className="danger"
        autoFocus
        onClick={() => {
          setAsking(false);
          remove();
        }}
      >
        {t('rules.removeYes')}
      </button>{' '}
      <button onClick={() => setAsking(false)}>{t('rules.removeNo')}</button>
    </span>
  ) : (
    <button className="link" aria-label={t('rules.removeLabel', { name })} onClick={() => setAsking(true)}>
      {t('rules.remove')}
    </button>
  );
}

function Policies({ run }: { run: Run }) {
  const i18n = useI18n();
  const { t } = i18n;
  const policies = useApi('sla.list', {}, { reloadOn: ['writes'] });
  const [form, setForm] = useState({ name: '', type: '', first: '1h', next: '', resolution: '24h', hours: '' });
  const minutes = (text: string): string => {
    const value = parseDuration(text);
    return value === null ? '—' : value >= 60 ? `${value / 60} h` : `${value} min`;
  };
  const add = () =>
    run(
      () => {
        const first = parseDuration(form.first);
        const resolution = parseDuration(form.resolution);
        const next = form.next.trim() ? parseDuration(form.next) : undefined;
        if (first === null || resolution === null || next === null) throw new Error(t('rules.badDuration'));
        return api.call('sla.add', {
          name: form.name.trim(),
          // Typed in the UI's language, stored as the cases store it ("facturación" is billing).
          ...(form.type.trim() ? { type: caseTypeFromText(form.type.trim(), i18n) } : {}),
          firstResponseMinutes: first,
          ...(next !== undefined ? { nextResponseMinutes: next } : {}),
          resolutionMinutes: resolution,
          ...(form.hours.trim() ? { businessHours: form.hours.trim() } : {}),
          holidays: [],
        });
      },
      () => {
        setForm({ ...form, name: '' });
        policies.reload();
      },
    );
  const field = (key: keyof typeof form, label: MessageKey, placeholder = '') => (
    <label>
      {t(label)}
      <input
        value={form[key]}
        placeholder={placeholder}
        onChange={(e) => setForm({ ...form, [key]: e.target.value })}
      />
    </label>
  );
  return (
    <section aria-label={t('rules.policies')}>
      <h3>{t('rules.policies')}</h3>
      <table>
        <thead>
          <tr>
            <th>{t('rules.name')}</th>
            <th>{t('case.type')}</th>
            <th>{t('rules.first')}</th>
            <th>{t('rules.next')}</th>
            <th>{t('rules.resolution')}</th>
            <th>{t('rules.hours')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {(policies.data ?? []).map((p) => (
            <tr key={p.id}>
              <td>{p.name}</td>
              <td>
                {(p.type === null ? null : caseTypeText(p.type, i18n)) ??
                  (p.priority ? t(`case.priority.${p.priority}` as MessageKey) : null) ??
                  p.department ??
                  t('queue.filter.any')}
              </td>
              <td>{minutes(String(p.firstResponseMinutes))}</td>
              <td>{p.nextResponseMinutes === null ? '—' : minutes(String(p.nextResponseMinutes))}</td>
              <td>{minutes(String(p.resolutionMinutes))}</td>
              <td>{p.businessHours ?? t('rules.allHours')}</td>
              <td>
                <RemoveButton
                  name={p.name}
                  effect={t('rules.removePolicy', { name: p.name })}
                  remove={() => void run(() => api.call('sla.remove', { policy: p.id }), policies.reload)}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="rule-form">
        {field('name', 'rules.name')}
        {field('type', 'case.type', t('queue.filter.any'))}
        {field('first', 'rules.first', '1h')}
        {field('next', 'rules.next', '2h')}
        {field('resolution', 'rules.resolution', '24h')}
        {field('hours', 'rules.hours', 'mon-fri 09:00-18:00')}
        <AddButton
          label={t('rules.addPolicy')}
          empty={!form.name.trim()}
          blocked={nameTaken(policies.data, form.name) ? t('rules.nameTaken', { name: form.name.trim() }) : null}
          add={() => void add()}
        />
      </div>
    </section>
  );
}

function Routing({ run }: { run: Run }) {
  const i18n = useI18n();
  const { t, number } = i18n;
  const rules = useApi('routing.list', {}, { reloadOn: ['writes'] });
  const [form, setForm] = useState({ name: '', when: '', team: '', assignee: '', assign: 'fixed' as AssignMode });
  // A condition that does not read is said here in the UI's language; only one that reads is previewed.
  const problem = routingProblem(form.when);
  const preview = useApi('routing.preview', form.when.trim() && !problem ? { when: form.when.trim(), limit: 0 } : null);
  const add = () =>
    run(
      () =>
        api.call('routing.add', {
          name: form.name.trim(),
          when: form.when.trim(),
          ...(form.team.trim() ? { department: form.team.trim() } : {}),
          ...(form.assignee.trim() && form.assign === 'fixed' ? { assignee: form.assignee.trim() } : {}),
          assign: form.assign,
        }),
      () => {
        setForm({ ...form, name: '', when: '' });
        rules.reload();
      },
    );
  return (
    <section aria-label={t('rules.routing')}>
      <h3>{t('rules.routing')}</h3>
      <ol className="plain routing-rules">
        {(rules.data ?? []).map((rule) => (
          <li key={rule.id}>
            <b>{rule.name}</b> <code>{rule.when}</code> →{' '}
            {[
              rule.department,
              rule.type && caseTypeText(rule.type, i18n),
              rule.priority && t(`case.priority.${rule.priority}` as MessageKey),
            ]
              .filter(Boolean)
              .join(' · ')}
            {rule.assign === 'fixed'
              ? rule.assignee
                ? ` · ${rule.assignee}`
                : ''
              : ` · ${t(`rules.assign.${rule.assign}` as MessageKey)}`}{' '}
            <RemoveButton
              name={rule.name}
              effect={t('rules.removeRule', { name: rule.name })}
              remove={() => void run(() => api.call('routing.remove', { rule: rule.id }), rules.reload)}
            />
          </li>
        ))}
      </ol>
      <div className="rule-form">
        <label>
          {t('rules.name')}
          <input value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        </label>
        <label className="wide">
          {t('rules.when')}
          <input
            value={form.when}
            placeholder='kind:complaint temp<=-1 source:twitter "factura"'
            onChange={(e) => setForm({ ...form, when: e.target.value })}
          />
        </label>
        <label>
          {t('case.team')}
          <input value={form.team} onChange={(e) => setForm({ ...form, team: e.target.value })} />
        </label>
        <label>
          {t('rules.assign')}
          <select value={form.assign} onChange={(e) => setForm({ ...form, assign: e.target.value as AssignMode })}>
            {ASSIGN_MODES.map((mode) => (
              <option key={mode} value={mode}>
                {t(`rules.assign.${mode}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        {form.assign === 'fixed' && (
          <label>
            {t('case.assignee')}
            <input value={form.assignee} onChange={(e) => setForm({ ...form, assignee: e.target.value })} />
          </label>
        )}
        <AddButton
          label={t('rules.addRule')}
          empty={!form.name.trim() || !form.when.trim()}
          blocked={
            nameTaken(rules.data, form.name)
              ? t('rules.nameTaken', { name: form.name.trim() })
              : form.assign !== 'fixed' && !form.team.trim()
                ? t('rules.needsTeam')
                : null
          }
          add={() => void add()}
        />
      </div>
      {form.when.trim() && (
        <p className="hint" role="status">
          {(problem && t(`routing.problem.${problem.problem}`, { value: problem.value })) ??
            preview.error ??
            (preview.data
              ? t('rules.preview', { matches: number(preview.data.matches), open: number(preview.data.open) })
              : '…')}
        </p>
      )}
    </section>
  );
}

function Canned({ run }: { run: Run }) {
  const { t, language } = useI18n();
  const canned = useApi('canned.list', {}, { reloadOn: ['writes'] });
  const [form, setForm] = useState({ code: '', text: '' });
  const add = () =>
    run(
      () => api.call('canned.add', { code: form.code.trim(), text: form.text.trim(), language }),
      () => {
        setForm({ code: '', text: '' });
        canned.reload();
      },
    );
  return (
    <section aria-label={t('rules.canned')}>
      <h3>{t('rules.canned')}</h3>
      <ul className="plain">
        {(canned.data ?? []).map((c) => (
          <li key={c.id}>
            <b>/{c.code}</b>{' '}
            <span className="muted">
              ({c.language}, {t('rules.uses', { count: c.uses })})
            </span>{' '}
            {c.text}{' '}
            <RemoveButton
              name={`/${c.code}`}
              effect={t('rules.removeCanned', { code: c.code })}
              remove={() => void run(() => api.call('canned.remove', { code: c.code }), canned.reload)}
            />
          </li>
        ))}
      </ul>
      <div className="rule-form">
        <label>
          {t('rules.code')}
          <input value={form.code} onChange={(e) => setForm({ ...form, code: e.target.value })} />
        </label>
        <label className="wide">
          {t('rules.text')}
          <input
            value={form.text}
            placeholder={t('rules.textPlaceholder')}
            onChange={(e) => setForm({ ...form, text: e.target.value })}
          />
        </label>
        <AddButton
          label={t('rules.addCanned')}
          empty={!form.code.trim() || !form.text.trim()}
          blocked={form.code.trim() && !cannedCode.safeParse(form.code).success ? t('rules.badCode') : null}
          add={() => void add()}
        />
      </div>
    </section>
  );
}
