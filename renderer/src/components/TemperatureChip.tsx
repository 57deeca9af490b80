import { TEMPERATURE_LABELS, type Temperature } from '../../../shared/domain/temperature';
import { useI18n } from '../app/i18n';

/** The one temperature colour ramp, always with the number and the word beside the colour. */
export function TemperatureChip({ value }: { value: Temperature | null }) {
  const { t } = useI18n();
  if (value === null) return <span className="chip chip-unlabeled">{t('temperature.unlabeled')}</span>;
  const sign = value > 0 ? '+' : '';
  return (
    <span className={`chip chip-t${value}`} data-temperature={value}>
      <b>
        {sign}
        {value}
      </b>{' '}
      {t(TEMPERATURE_LABELS[`${value}`])}
    </span>
  );
}
