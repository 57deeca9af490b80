import type { ImportInspection, ValueFound, ValueTable } from '../../../../shared/api/import';
import type { Mapping } from '../../../../shared/domain/import/mapping';
import { cellProblemText } from '../../../../shared/domain/import/problems';
import { TEMPERATURE_LABELS, TEMPERATURES } from '../../../../shared/domain/temperature';
import { KINDS, SOURCES, type Kind, type Source } from '../../../../shared/domain/vocabulary';
import type { MessageKey } from '../../../../shared/i18n';
import { useI18n } from '../../app/i18n';

interface Props {
  inspection: ImportInspection;
  onChange(mapping: Mapping): void;
}

/** What "nothing" is written as in a choice (a select's value is a string). */
const NOTHING = '';

/**
 * Each label column's values as the file writes them, how many rows have each, and what each becomes: a choice per
 * value, kept in the mapping's value map (and in a preset saved from it).
 */
export function ValueTables({ inspection, onChange }: Props) {
  const { t, number } = useI18n();
  const { mapping, valueTables, rows } = inspection;
  if (valueTables.length === 0) return null;
  const choose = (table: ValueTable, value: ValueFound, choice: string): void => {
    const values = { ...mapping.values };
    if (table.field === 'temperature')
      values.temperature = { ...values.temperature, [value.written]: choice === NOTHING ? null : Number(choice) };
    else if (table.field === 'kind')
      values.kind = { ...values.kind, [value.written]: choice === NOTHING ? null : (choice as Kind) };
    else if (choice !== NOTHING) values.source = { ...values.source, [value.written]: choice as Source };
    onChange({ ...mapping, values });
  };
  const options = (table: ValueTable): { value: string; label: string }[] => {
    if (table.field === 'temperature')
      return [
        ...TEMPERATURES.map((value) => ({
          value: String(value),
          label: `${value > 0 ? '+' : ''}${value} ${t(TEMPERATURE_LABELS[value])}`,
        })),
        { value: NOTHING, label: t('temperature.unlabeled') },
      ];
    if (table.field === 'kind')
      return [
        ...KINDS.map((kind) => ({ value: kind, label: t(`kind.${kind}` as MessageKey) })),
        { value: NOTHING, label: t('temperature.unlabeled') },
      ];
    return SOURCES.map((source) => ({ value: source, label: t(`source.${source}` as MessageKey) }));
  };
  return (
    <div className="value-tables" data-testid="value-tables">
      {valueTables.map((table) => (
        <table key={table.field} aria-label={t('import.valuesOf', { column: table.column })}>
          <caption>
            {t('import.valuesOf', { column: table.column })} → {t(`field.${table.field}` as MessageKey)}{' '}
            <small>{t(rows.exact ? 'import.valuesAllRows' : 'import.valuesSomeRows')}</small>
          </caption>
          <thead>
            <tr>
              <th>{t('import.valueWritten')}</th>
              <th>{t('import.valueRows')}</th>
              <th>{t('import.valueBecomes')}</th>
            </tr>
          </thead>
          <tbody>
            {table.values.map((value) => (
              <tr key={value.written} className={value.error ? 'cell-error' : undefined}>
                <td>{value.written}</td>
                <td className="number">{number(value.rows)}</td>
                <td>
                  <select
                    aria-label={t('import.valueBecomesFor', { value: value.written })}
                    aria-invalid={value.error !== null}
                    title={value.error ? cellProblemText(value.error, t) : undefined}
                    value={value.error ? '?' : value.becomes === null ? NOTHING : String(value.becomes)}
                    onChange={(e) => choose(table, value, e.target.value)}
                  >
                    {value.error && <option value="?">{t('import.valueUnread')}</option>}
                    {options(table).map((option) => (
                      <option key={option.value} value={option.value}>
                        {option.label}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
          {table.more > 0 && (
            <tfoot>
              <tr>
                <td colSpan={3}>{t('import.valuesMore', { count: table.more })}</td>
              </tr>
            </tfoot>
          )}
        </table>
      ))}
    </div>
  );
}
