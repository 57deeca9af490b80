import type { GridColumn } from '../../../../shared/api/grid';
import { LABELS_AT_ONCE, type MessageRow } from '../../../../shared/api/contract';
import { parsePastedLabels } from '../../../../shared/domain/paste';
import { api } from '../../api/client';
import type { useI18n } from '../../app/i18n';
import { COLUMN_DEFS } from './columns';
import { rowsToTsv } from './tsv';
import type { useMessagePages } from './useMessagePages';
import type { useSelection } from './useSelection';

interface Grid {
  i18n: ReturnType<typeof useI18n>;
  pages: ReturnType<typeof useMessagePages>;
  selection: ReturnType<typeof useSelection>;
  /** The columns on screen, in their order: what a copy has. */
  columns: { id: GridColumn }[];
  selectedRows(): MessageRow[];
  setStatus(status: string | null): void;
}

/** Copy the selection as TSV; paste a column (or one value) of labels onto it. */
export function useClipboard({ i18n, pages, selection, columns, selectedRows, setStatus }: Grid) {
  const { t } = i18n;
  const onCopy = (event: React.ClipboardEvent): void => {
    const rows = selectedRows();
    if (rows.length === 0) return;
    event.preventDefault();
    const headers = columns.map((column) => t(`grid.col.${column.id}`));
    const cells = (message: MessageRow): string[] =>
      columns.map((column) => COLUMN_DEFS[column.id].text(message, i18n));
    event.clipboardData.setData('text/plain', rowsToTsv(rows, headers, cells));
    // The clipboard is written while the key is down: only rows read can be in it, and the status says so.
    setStatus(
      rows.length < selection.count
        ? t('grid.copiedPart', { count: rows.length, of: selection.count })
        : t('grid.copied', { count: rows.length }),
    );
  };
  const onPaste = async (event: React.ClipboardEvent): Promise<void> => {
    event.preventDefault();
    const pasted = parsePastedLabels(event.clipboardData.getData('text/plain'));
    if (!pasted.ok)
      return setStatus(
        t('grid.pasteRefused', {
          reason: t(`paste.${pasted.problem}`, { line: pasted.line, value: 'value' in pasted ? pasted.value : '' }),
        }),
      );
    // One value fills the selection; a column fills down from the first selected row.
    const start = selection.low;
    const count = pasted.values.length === 1 ? selection.high - selection.low + 1 : pasted.values.length;
    if (count > LABELS_AT_ONCE) return setStatus(t('grid.tooManyToLabel', { count: LABELS_AT_ONCE }));
    // Every row pasted onto, read or not (a selection may run past the pages the list keeps).
    const ids = await pages.spanIds(start, Math.min(count, (pages.total ?? start + count) - start));
    const byValue = new Map<string, number[]>();
    ids.forEach((id, i) => {
      const value = pasted.values.length === 1 ? pasted.values[0] : pasted.values[i];
      const key = JSON.stringify(value ?? null);
      const same = byValue.get(key);
      if (same) same.push(id);
      else byValue.set(key, [id]);
    });
    try {
      for (const [key, ids] of byValue) {
        const value = JSON.parse(key) as string | number | null;
        await api.call('labels.set', {
          ids,
          ...(pasted.field === 'temperature'
            ? { temperature: value as number | null }
            : { kind: value as 'case' | null }),
        });
      }
    } finally {
      pages.refresh(); // what was stored before a failure shows
    }
    setStatus(t('grid.pasted', { count: ids.length }));
  };
  return { onCopy, onPaste };
}
