import { useState } from 'react';
import { THEMES, type Theme } from '../../../../shared/api/contract';
import { LANGUAGES, type Language } from '../../../../shared/domain/vocabulary';
import { useI18n } from '../../app/i18n';
import { Branding } from '../reports';
import { Backups } from './Backups';

/** Every IANA zone this runtime knows, the workspace's own first should it be missing. */
const zones = (current: string): string[] => {
  const known = Intl.supportedValuesOf('timeZone');
  return known.includes(current) ? known : [current, ...known];
};

/** Who labels, the workspace's zone, language and theme, and its name and logo for the deck. */
export function SettingsScreen() {
  const i18n = useI18n();
  const { t, settings, updateSettings } = i18n;
  // Saved is said when shown: a change of language says it in the new one.
  const [status, setStatus] = useState<{ saved: true } | { error: string } | null>(null);
  const save = async (patch: Parameters<typeof updateSettings>[0]): Promise<void> => {
    setStatus(null);
    try {
      await updateSettings(patch);
      setStatus({ saved: true });
    } catch (e) {
      setStatus({ error: (e as Error).message });
    }
  };
  return (
    <section className="settings" aria-label={t('nav.settings')}>
      <h1>{t('nav.settings')}</h1>
      <fieldset>
        <legend>{t('settings.you')}</legend>
        <label>
          {t('settings.annotator')}{' '}
          <input
            aria-label={t('settings.annotator')}
            key={settings.annotator}
            defaultValue={settings.annotator}
            maxLength={100}
            required
            onBlur={(e) => {
              const name = e.target.value.trim();
              if (name && name !== settings.annotator) void save({ annotator: name });
            }}
            onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
          />
        </label>
        <p className="muted">{t('settings.annotatorHelp')}</p>
        <label>
          {t('language.label')}{' '}
          <select
            aria-label={t('language.label')}
            value={settings.language ?? ''}
            onChange={(e) => void save({ language: (e.target.value || null) as Language | null })}
          >
            <option value="">{t('settings.languageSystem')}</option>
            {LANGUAGES.map((code) => (
              <option key={code} value={code}>
                {t(`language.${code}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('settings.theme')}{' '}
          <select
            aria-label={t('settings.theme')}
            value={settings.theme}
            onChange={(e) => void save({ theme: e.target.value as Theme })}
          >
            {THEMES.map((theme) => (
              <option key={theme} value={theme}>
                {t(`settings.theme.${theme}`)}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
      <fieldset>
        <legend>{t('settings.workspace')}</legend>
        <label>
          {t('settings.timeZone')}{' '}
          <select
            aria-label={t('settings.timeZone')}
            value={settings.timeZone}
            onChange={(e) => void save({ timeZone: e.target.value })}
          >
            {zones(settings.timeZone).map((zone) => (
              <option key={zone} value={zone}>
                {zone.replace(/_/g, ' ')}
              </option>
            ))}
          </select>
        </label>
        <p className="muted">{t('settings.timeZoneHelp')}</p>
      </fieldset>
      <Backups />
      <Branding />
      {status && <p role="status">{'error' in status ? status.error : t('settings.saved')}</p>}
    </section>
  );
}
