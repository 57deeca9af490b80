import { useState } from 'react';
import { isPending } from '../../../../shared/api/envelope';
import { api } from '../../api/client';
import { useApi } from '../../api/useApi';
import { useI18n } from '../../app/i18n';

/** The workspace's name and logo as the deck shows them on its cover and title slide. */
export function Branding() {
  const { t } = useI18n();
  const branding = useApi('reports.branding', {});
  const [error, setError] = useState<string | null>(null);
  const save = async (change: { name?: string; path?: string | null }): Promise<void> => {
    setError(null);
    try {
      const saved = await api.call('reports.setBranding', change);
      if (!isPending(saved)) branding.set(saved);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const chooseLogo = async (): Promise<void> => {
    const { path } = await api.call('files.choose', { purpose: 'logo' });
    if (path) await save({ path });
  };
  const data = branding.data;
  if (!data) return null;
  return (
    <fieldset className="branding">
      <legend>{t('reports.branding')}</legend>
      <label>
        {t('reports.brandName')}{' '}
        <input
          key={data.name}
          defaultValue={data.named ? data.name : ''}
          placeholder={data.name}
          maxLength={80}
          onBlur={(e) => {
            const name = e.target.value.trim();
            if (name !== (data.named ? data.name : '')) void save({ name });
          }}
        />
      </label>
      {data.logo && <img className="logo" src={data.logo} alt={t('reports.logo')} />}
      <button type="button" onClick={() => void chooseLogo()}>
        {t(data.logo ? 'reports.logoChange' : 'reports.logoChoose')}
      </button>
      {data.logo && (
        <button type="button" onClick={() => void save({ path: null })}>
          {t('reports.logoRemove')}
        </button>
      )}
      {error && (
        <span className="error" role="alert">
          {error}
        </span>
      )}
    </fieldset>
  );
}
