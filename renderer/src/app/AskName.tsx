import { useState } from 'react';
import { useI18n } from './i18n';

/**
 * The first start asks who labels: the name signs every label and note. Until answered, the OS user's name is shown
 * filled in; Settings changes it later.
 */
export function AskName() {
  const { t, settings, updateSettings } = useI18n();
  const [name, setName] = useState(settings.annotator);
  const [error, setError] = useState<string | null>(null);
  if (settings.annotatorChosen) return null;
  const save = async (): Promise<void> => {
    try {
      await updateSettings({ annotator: name.trim() });
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <div className="modal-backdrop">
      <form
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby="ask-name-title"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <h2 id="ask-name-title">{t('askName.title')}</h2>
        <p>{t('askName.text')}</p>
        <label>
          {t('settings.annotator')}{' '}
          <input autoFocus required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="actions">
          <button className="primary" type="submit" disabled={name.trim() === ''}>
            {t('askName.ok')}
          </button>
        </div>
      </form>
    </div>
  );
}
