import type { LabelSuggestionRow, MessageRow } from '../../../../shared/api/contract';
import type { GridPrefs } from '../../../../shared/api/grid';
import { useI18n } from '../../app/i18n';
import { COLUMN_DEFS, columnStyle } from './columns';

/** One message's cells, in the columns on screen; a row not read yet is a placeholder. */
export function Cells({
  message,
  columns,
  suggestion,
}: {
  message: MessageRow | undefined;
  columns: GridPrefs['columns'];
  suggestion?: LabelSuggestionRow | undefined;
}) {
  const i18n = useI18n();
  if (!message)
    return (
      <div role="gridcell" className="cell placeholder" aria-busy="true">
        …
      </div>
    );
  return (
    <>
      {columns.map((column) => {
        const def = COLUMN_DEFS[column.id];
        const text = def.text(message, i18n);
        return (
          <div
            key={column.id}
            role="gridcell"
            className={`cell col-${column.id}`}
            style={columnStyle(column)}
            title={text.length > 20 ? text : undefined}
          >
            {def.cell(message, i18n, suggestion)}
          </div>
        );
      })}
    </>
  );
}
