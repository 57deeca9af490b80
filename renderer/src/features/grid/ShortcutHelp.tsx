import { useEffect, useRef } from 'react';
import { useI18n } from '../../app/i18n';
import { TemperatureChip } from '../../components/TemperatureChip';
import type { MessageKey } from '../../../../shared/i18n';
import { KIND_KEYS, TEMPERATURE_KEYS } from './keymap';

/** Every grid shortcut, from the key map itself so the list never drifts from what keys do. */
export function ShortcutHelp({ onClose }: { onClose(): void }) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  const rows: [string, React.ReactNode][] = [
    ...Object.entries(TEMPERATURE_KEYS).map(([key, value]) => [key, <TemperatureChip key={key} value={value} />] as [string, React.ReactNode]),
    ...Object.entries(KIND_KEYS).map(([key, kind]) => [key.toUpperCase(), t(`kind.${kind}` as MessageKey)] as [string, React.ReactNode]),
    ['0 / Delete', t('help.clear')], ['Ctrl+Z', t('help.undo')], ['Ctrl+Shift+Z / Ctrl+Y', t('help.redo')],
    ['↑ ↓ PageUp PageDown Home End', t('help.move')], ['Enter', t('help.open')], ['?', t('help.help')],
  ];
  return (
    <dialog ref={dialog} className="help" aria-label={t('help.title')} onClose={onClose}>
      <h2>{t('help.title')}</h2>
      <table>
        <tbody>{rows.map(([key, what]) => <tr key={key}><th><kbd>{key}</kbd></th><td>{what}</td></tr>)}</tbody>
      </table>
      <form method="dialog"><button autoFocus>{t('help.close')}</button></form>
    </dialog>
  );
}
