import { isPending } from '../../../shared/api/envelope';
import { createContext, useCallback, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { createTranslator, languageFor, type Translator } from '../../../shared/i18n';
import type { Settings } from '../../../shared/api/contract';
import type { Language } from '../../../shared/domain/vocabulary';
import { api, sayProblemsWith } from '../api/client';
import { useApi } from '../api/useApi';

interface I18nValue extends Translator {
  settings: Settings;
  setLanguage(language: Language): Promise<void>;
  /** Saves settings and shows them at once (kept for later while a job writes); a refusal throws. */
  updateSettings(patch: SettingsPatch): Promise<void>;
}

type SettingsPatch = Partial<Omit<Settings, 'annotatorChosen'>>;

const I18nContext = createContext<I18nValue | null>(null);

/** Language, time zone and theme come from the workspace settings; no language set follows the OS. */
export function I18nProvider({ children, fallback }: { children: ReactNode; fallback: ReactNode }) {
  const loaded = useApi('settings.get', {});
  const settings = loaded.data ?? null;
  const { set: setSettings } = loaded;

  const updateSettings = useCallback(
    async (patch: SettingsPatch) => {
      const saved = await api.call('settings.update', patch);
      // Kept for later while a job writes: the choice shows at once all the same.
      if (!isPending(saved)) setSettings(saved);
      else if (settings)
        setSettings({
          ...settings,
          ...patch,
          annotatorChosen: settings.annotatorChosen || patch.annotator !== undefined,
        });
    },
    [settings, setSettings],
  );
  const setLanguage = useCallback((language: Language) => updateSettings({ language }), [updateSettings]);

  const value = useMemo<I18nValue | null>(() => {
    if (!settings) return null;
    const language = settings.language ?? languageFor(navigator.language);
    const translator = createTranslator(language, settings.timeZone);
    // Here, not in an effect: the screens' own effects, which call the back end, run before their parent's.
    sayProblemsWith(translator.t);
    return { ...translator, settings, setLanguage, updateSettings };
  }, [settings, setLanguage, updateSettings]);

  useEffect(() => {
    if (!value) return;
    document.documentElement.lang = value.language;
    // The system's scheme unless the user chose one (styles.css: [data-theme]).
    if (value.settings.theme === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = value.settings.theme;
  }, [value]);

  if (!value) return fallback;
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
