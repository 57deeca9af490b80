import { useEffect, useRef, useState } from 'react';
import { DEFAULT_GRID_PREFS, gridPrefsSchema } from '../../../../shared/api/grid';
import { TEMPERATURES } from '../../../../shared/domain/temperature';
import { KINDS } from '../../../../shared/domain/vocabulary';
import type { MessageKey } from '../../../../shared/i18n';
import { useI18n } from '../../app/i18n';
import { TemperatureChip } from '../../components/TemperatureChip';
import type { LabelKeys } from './keymap';

interface Props {
  keys: LabelKeys;
  onSaveKeys(keys: LabelKeys): void;
  onClose(): void;
}

/** Every grid shortcut; the labeling keys can be changed here (each key one job, 0 and ? stay). */
export function ShortcutHelp({ keys, onSaveKeys, onClose }: Props) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const [draft, setDraft] = useState<LabelKeys>(keys);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  const keyInput = (value: string, label: string, set: (key: string) => void) => (
    <input
      className="key-input"
      aria-label={label}
      value={value}
      maxLength={1}
      size={2}
      onChange={(e) => set(e.target.value.slice(-1))}
    />
  );
  const save = (): void => {
    const parsed = gridPrefsSchema.shape.keys.safeParse(draft);
    if (!parsed.success) return setError(parsed.error.issues.map((issue) => issue.message).join('; '));
    setError(null);
    onSaveKeys(parsed.data);
  };
  const key = (name: 'delete' | 'pageUp' | 'pageDown' | 'home' | 'end' | 'shift' | 'enter'): string => t(`key.${name}`);
  const fixed: [string, string][] = [
    [`0 / ${key('delete')}`, t('help.clear')],
    ['Ctrl+D', t('help.fillDown')],
    ['Ctrl+Z', t('help.undo')],
    [`Ctrl+${key('shift')}+Z / Ctrl+Y`, t('help.redo')],
    [`↑ ↓ ${key('pageUp')} ${key('pageDown')} ${key('home')} ${key('end')}`, t('help.move')],
    [`${key('shift')}+↑ ↓`, t('help.extend')],
    [key('enter'), t('help.open')],
    ['L', t('help.lead')],
    ['N', t('help.case')],
    ['A', t('help.accept')],
    ['?', t('help.help')],
  ];
  return (
    <dialog ref={dialog} className="help" aria-label={t('help.title')} onClose={onClose}>
      <h2>{t('help.title')}</h2>
      <div className="help-columns">
        <table aria-label={t('help.labelKeys')}>
          <tbody>
            {TEMPERATURES.map((value, i) => (
              <tr key={value}>
                <th>
                  {keyInput(draft.temperature[i] ?? '', t('help.keyFor', { what: String(value) }), (key) =>
                    setDraft({ ...draft, temperature: draft.temperature.map((k, j) => (j === i ? key : k)) }),
                  )}
                </th>
                <td>
                  <TemperatureChip value={value} />
                </td>
              </tr>
            ))}
            {KINDS.map((kind) => (
              <tr key={kind}>
                <th>
                  {keyInput(draft.kinds[kind], t('help.keyFor', { what: t(`kind.${kind}` as MessageKey) }), (key) =>
                    setDraft({ ...draft, kinds: { ...draft.kinds, [kind]: key } }),
                  )}
                </th>
                <td>{t(`kind.${kind}` as MessageKey)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table aria-label={t('help.otherKeys')}>
          <tbody>
            {fixed.map(([keys, what]) => (
              <tr key={keys}>
                <th>
                  <kbd>{keys}</kbd>
                </th>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="button" onClick={save}>
          {t('keys.save')}
        </button>
        <button type="button" onClick={() => setDraft(DEFAULT_GRID_PREFS.keys)}>
          {t('keys.reset')}
        </button>
        <form method="dialog">
          <button autoFocus>{t('help.close')}</button>
        </form>
      </div>
    </dialog>
  );
}
