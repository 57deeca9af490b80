import { FIELD_NAMES, type Field } from '../../../../shared/domain/import/fields';
import type { Mapping } from '../../../../shared/domain/import/mapping';
import { cellProblemText } from '../../../../shared/domain/import/problems';
import type { ImportInspection, PreviewValue } from '../../../../shared/api/import';
import type { MessageKey } from '../../../../shared/i18n';
import { useI18n } from '../../app/i18n';
import { TemperatureChip } from '../../components/TemperatureChip';
import { isTemperature } from '../../../../shared/domain/temperature';
import { KINDS, SOURCES } from '../../../../shared/domain/vocabulary';

interface Props {
  inspection: ImportInspection;
  onChange(mapping: Mapping): void;
}

const DATE_FIELDS = new Set<Field>(['postedAt', 'caseOpenedAt', 'caseFirstResponseAt', 'caseResolvedAt']);

/** Field ← column choices, and the preview of the first rows exactly as they will be stored. */
export function MappingTable({ inspection, onChange }: Props) {
  const { t, dateTime, number } = useI18n();
  const { mapping, headers, preview } = inspection;
  const mapped = FIELD_NAMES.filter((field) => mapping.columns[field] !== undefined);
  const setColumn = (field: Field, header: string): void => {
    const columns = { ...mapping.columns };
    if (header === '') delete columns[field];
    else columns[field] = header;
    onChange({ ...mapping, columns });
  };
  const show = (field: Field, value: PreviewValue | undefined): string => {
    if (value === null || value === undefined) return '';
    if (typeof value === 'number' && DATE_FIELDS.has(field)) return dateTime(value);
    if (typeof value === 'number') return number(value);
    // Networks and kinds are stored as codes, and shown as the grid shows them.
    if (field === 'source' && (SOURCES as readonly string[]).includes(value)) return t(`source.${value}` as MessageKey);
    if (field === 'kind' && (KINDS as readonly string[]).includes(value)) return t(`kind.${value}` as MessageKey);
    return value;
  };
  const errors = preview.reduce((sum, row) => sum + Object.keys(row.errors).length, 0);

  return (
    <div className="mapping">
      <table className="mapping-fields" aria-label={t('import.mapping')}>
        <thead>
          <tr>
            <th>{t('import.field')}</th>
            <th>{t('import.column')}</th>
          </tr>
        </thead>
        <tbody>
          {FIELD_NAMES.map((field) => (
            <tr key={field} className={mapping.columns[field] ? 'mapped' : undefined}>
              <th scope="row">
                <label htmlFor={`map-${field}`}>{t(`field.${field}` as MessageKey)}</label>
              </th>
              <td>
                <select
                  id={`map-${field}`}
                  value={mapping.columns[field] ?? ''}
                  onChange={(e) => setColumn(field, e.target.value)}
                >
                  <option value="">{t('import.notMapped')}</option>
                  {headers.map((header, i) => (
                    <option key={`${header}-${i}`} value={header}>
                      {header}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="preview">
        <h2>{t('import.preview')}</h2>
        {errors > 0 && (
          <p className="warning" role="alert">
            {t('import.previewErrors', { count: errors })}
          </p>
        )}
        <div className="preview-scroll">
          <table aria-label={t('import.preview')}>
            <thead>
              <tr>
                <th>#</th>
                {mapped.map((field) => (
                  <th key={field}>{t(`field.${field}` as MessageKey)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {preview.map((row) => (
                <tr key={row.row}>
                  <td>{row.row}</td>
                  {mapped.map((field) => {
                    const problem = row.errors[field];
                    const error = problem && cellProblemText(problem, t);
                    return error ? (
                      <td key={field} className="cell-error" title={error} aria-invalid="true">
                        {error}
                      </td>
                    ) : (
                      <td key={field}>
                        {field === 'temperature' && isTemperature(row.values[field]) ? (
                          <TemperatureChip value={row.values[field]} />
                        ) : (
                          show(field, row.values[field])
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </div>
  );
}
