import { useEffect, useState } from 'react';
import { addDays, parseDay } from '../../../shared/domain/period';
import { useI18n } from '../app/i18n';

interface Props {
  label: string;
  /** An ISO day, or undefined for none. */
  value: string | undefined;
  onChange(day: string | undefined): void;
  /** An empty field means no day (a filter's open end); else emptying it puts the day back. */
  optional?: boolean;
  min?: string | undefined;
  max?: string | undefined;
}

/**
 * A day in the workspace's language (29/06/2026 in Spanish, 06/29/2026 in English), not the OS's as the browser's date
 * input would: typed, taken on Enter or on leaving the field; ↑ ↓ step a day.
 */
export function DayField({ label, value, onChange, optional = false, min, max }: Props) {
  const { t, day, language } = useI18n();
  const shown = value ? day(value) : '';
  const [text, setText] = useState(shown);
  const [invalid, setInvalid] = useState(false);
  useEffect(() => {
    setText(shown);
    setInvalid(false);
  }, [shown]);

  const inRange = (iso: string): boolean => (!min || iso >= min) && (!max || iso <= max);
  const commit = (): void => {
    if (text.trim() === '') {
      if (optional) onChange(undefined);
      else setText(shown);
      setInvalid(false);
      return;
    }
    const parsed = parseDay(text, language);
    if (parsed === null || !inRange(parsed)) return setInvalid(true);
    setInvalid(false);
    if (parsed === value) setText(shown);
    else onChange(parsed);
  };
  const step = (days: number): void => {
    const next = addDays(value ?? parseDay(text, language) ?? new Date().toISOString().slice(0, 10), days);
    if (inRange(next)) onChange(next);
  };
  const format = t('day.format');
  return (
    <label className="day-field">
      {label}{' '}
      <input
        type="text"
        inputMode="numeric"
        size={10}
        value={text}
        placeholder={format}
        aria-label={label}
        aria-invalid={invalid}
        title={invalid ? t('day.invalid', { format }) : format}
        onChange={(e) => {
          setText(e.target.value);
          setInvalid(false);
        }}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          else if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
            e.preventDefault();
            step(e.key === 'ArrowUp' ? 1 : -1);
          } else if (e.key === 'Escape') {
            setText(shown);
            setInvalid(false);
          }
        }}
      />
    </label>
  );
}
