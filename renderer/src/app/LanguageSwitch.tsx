import { LANGUAGES, type Language } from '../../../shared/domain/vocabulary';
import { useI18n } from './i18n';

export function LanguageSwitch() {
  const { t, language, setLanguage } = useI18n();
  return (
    <label className="language">
      <span className="visually-hidden">{t('language.label')}</span>
      <select
        aria-label={t('language.label')}
        value={language}
        onChange={(e) => void setLanguage(e.target.value as Language)}
      >
        {LANGUAGES.map((code) => (
          // The rail is narrow: "ES", "EN", the language's name said to screen readers and on hover.
          <option key={code} value={code} title={t(`language.${code}`)} aria-label={t(`language.${code}`)}>
            {code.toUpperCase()}
          </option>
        ))}
      </select>
    </label>
  );
}
