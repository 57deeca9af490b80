import type { ImportInspection } from '../../../../shared/api/import';
import type { Mapping } from '../../../../shared/domain/import/mapping';
import { SOURCES, type Source } from '../../../../shared/domain/vocabulary';
import type { MessageKey } from '../../../../shared/i18n';
import { useI18n } from '../../app/i18n';

interface Props {
  inspection: ImportInspection;
  onChange(mapping: Mapping): void;
}

const networkName = (source: Source): string => source[0]?.toUpperCase() + source.slice(1);

/**
 * What the whole file gets where it has no column: its network, and a time for rows without one (a research corpus
 * has none). Shown when the file lacks the column.
 */
export function FileDefaults({ inspection, onChange }: Props) {
  const { t } = useI18n();
  const { mapping } = inspection;
  const defaults = mapping.defaults ?? {};
  const set = (change: Partial<NonNullable<Mapping['defaults']>>): void =>
    onChange({ ...mapping, defaults: { ...defaults, ...change } });
  const needsTime = !mapping.columns.postedAt;
  if (mapping.columns.source && !needsTime) return null;
  return (
    <div className="import-options file-defaults">
      {!mapping.columns.source && (
        <label>
          {t('import.network')}{' '}
          <select
            value={defaults.source ?? mapping.source ?? 'other'}
            onChange={(e) => set({ source: e.target.value as Source })}
          >
            {SOURCES.map((source) => (
              <option key={source} value={source}>
                {source === 'other' ? t('import.networkOther') : networkName(source)}
              </option>
            ))}
          </select>
        </label>
      )}
      {needsTime && (
        <label>
          {t('import.defaultTime')}{' '}
          <input
            type="text"
            placeholder={t('import.defaultTimeFormat')}
            defaultValue={defaults.postedAt ?? ''}
            onBlur={(e) => set({ postedAt: e.target.value.trim() || undefined })}
          />
        </label>
      )}
    </div>
  );
}

/** The columns a guess placed and left out because their values are not that field's. */
export function DroppedGuesses({ dropped }: { dropped: ImportInspection['dropped'] }) {
  const { t } = useI18n();
  if (dropped.length === 0) return null;
  return (
    <>
      {dropped.map((guess) => (
        <p key={guess.column} className="notice warning" role="status" data-testid="dropped-guess">
          {t('import.dropped', {
            column: guess.column,
            field: t(`field.${guess.field}` as MessageKey),
            example: guess.example.slice(0, 40),
          })}
        </p>
      ))}
    </>
  );
}
