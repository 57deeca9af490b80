import { isPending } from '../../../shared/api/envelope';
import { createContext, useCallback, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { createTranslator, languageFor, type Translator } from '../../../shared/i18n';
import type { Settings } from '../../../shared/api/contract';
import type { Language } from '../../../shared/domain/vocabulary';
import { api } from '../api/client';
import { useApi } from '../api/useApi';

interface I18nValue extends Translator {
  settings: Settings;
  setLanguage(language: Language): Promise<void>;
}

const I18nContext = createContext<I18nValue | null>(null);

/** Language and time zone come from the workspace settings; no language set follows the OS. */
export function I18nProvider({ children, fallback }: { children: ReactNode; fallback: ReactNode }) {
  const loaded = useApi('settings.get', {});
  const settings = loaded.data ?? null;
  const { set: setSettings } = loaded;

  const setLanguage = useCallback(
    async (language: Language) => {
      const saved = await api.call('settings.update', { language });
      // Kept for later while a job writes: the choice shows at once all the same.
      if (!isPending(saved)) setSettings(saved);
      else if (settings) setSettings({ ...settings, language });
    },
    [settings, setSettings],
  );

  const value = useMemo<I18nValue | null>(() => {
    if (!settings) return null;
    const language = settings.language ?? languageFor(navigator.language);
    return { ...createTranslator(language, settings.timeZone), settings, setLanguage };
  }, [settings, setLanguage]);

  useEffect(() => {
    if (value) document.documentElement.lang = value.language;
  }, [value]);

  if (!value) return fallback;
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
