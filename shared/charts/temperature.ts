import type { TemperatureCode } from '../domain/kpis';
import { TEMPERATURE_LABELS as LABEL_KEYS } from '../domain/temperature';
import type { Translator } from '../i18n';

export type TemperatureSlot = TemperatureCode | 'unlabeled';
/** Angry first, so stacks read from red to green, then unlabeled. */
export const TEMPERATURE_SLOTS: TemperatureSlot[] = ['-2', '-1', '0', '1', '2', 'unlabeled'];

export const temperatureName = (t: Translator, slot: TemperatureSlot): string =>
  slot === 'unlabeled'
    ? t.t('temperature.unlabeled')
    : `${slot.startsWith('-') || slot === '0' ? slot : `+${slot}`} ${t.t(LABEL_KEYS[slot])}`;

export const temperatureFilter = (slot: TemperatureSlot): (number | 'unlabeled')[] => [
  slot === 'unlabeled' ? 'unlabeled' : Number(slot),
];
