import { useEffect, useState } from 'react';
import { useI18n } from '../app/i18n';

const SYSTEM_DARK = '(prefers-color-scheme: dark)';

/** Whether the screen is dark: the theme chosen in Settings, else the system's scheme, followed as it changes. */
export function useDarkScheme(): boolean {
  const { settings } = useI18n();
  const [systemDark, setSystemDark] = useState(() => matchMedia(SYSTEM_DARK).matches);
  useEffect(() => {
    const query = matchMedia(SYSTEM_DARK);
    const changed = (): void => setSystemDark(query.matches);
    query.addEventListener('change', changed);
    return () => query.removeEventListener('change', changed);
  }, []);
  return settings.theme === 'dark' || (settings.theme === 'system' && systemDark);
}
