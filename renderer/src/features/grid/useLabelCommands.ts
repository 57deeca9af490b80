import type { RefObject } from 'react';
import { LABELS_AT_ONCE, LINKED_AT_ONCE, type LabelResult, type MessageRow } from '../../../../shared/api/contract';
import type { GridPrefs } from '../../../../shared/api/grid';
import { isPending, type PendingWrite } from '../../../../shared/api/envelope';
import { api } from '../../api/client';
import type { useI18n } from '../../app/i18n';
import type { VirtualListHandle } from '../../components/VirtualList';
import type { GridCommand } from './keymap';
import type { useMessagePages } from './useMessagePages';
import type { useSelection } from './useSelection';

/** How far "jump to unlabeled" looks ahead before giving up. */
const UNLABELED_LOOKAHEAD = 2000;

interface Grid {
  i18n: ReturnType<typeof useI18n>;
  pages: ReturnType<typeof useMessagePages>;
  selection: ReturnType<typeof useSelection>;
  prefs: GridPrefs;
  list: RefObject<VirtualListHandle | null>;
  setStatus(status: string | null): void;
  openHelp(): void;
}

/** The grid's labeling commands on the selection: temperature, kind, clear, fill down, undo and redo. */
export function useLabelCommands({ i18n, pages, selection, prefs, list, setStatus, openHelp }: Grid) {
  const { t } = i18n;
  const { row, ensureRow, patch, refresh, total } = pages;
  const selectedRows = (): MessageRow[] => selection.indexes().flatMap((index) => row(index) ?? []);
  /**
   * The selected messages' ids, every one: the list keeps a few pages of rows, and a selection to the end of a long
   * list (Shift+End) runs past them, so the rows not read are asked of the store, in the grid's order. Null, and said,
   * when one label action, or one case or lead (`link`), could not take them all.
   */
  const selectedIds = async (purpose: 'label' | 'link' = 'label'): Promise<number[] | null> => {
    const most = purpose === 'label' ? LABELS_AT_ONCE : LINKED_AT_ONCE;
    if (selection.count > most) {
      setStatus(
        purpose === 'label'
          ? t('grid.tooManyToLabel', { count: most })
          : t('grid.tooManyToLink', { count: most, selected: selection.count }),
      );
      return null;
    }
    const indexes = selection.indexes();
    const read = indexes.map((index) => row(index)?.id);
    // Rows picked far apart (Ctrl+click) are all read: no span of ids between them is asked for.
    if (read.every((id) => id !== undefined)) return read as number[];
    const first = indexes[0] as number;
    const span = await pages.spanIds(first, (indexes[indexes.length - 1] as number) - first + 1);
    return indexes.flatMap((index) => span[index - first] ?? []);
  };

  /** Shows a label on its rows: stored, or kept while a job holds the store (marked pending until it ends). */
  const showLabeled = (ids: number[], change: Partial<MessageRow>, result: LabelResult | PendingWrite): void => {
    const by = { annotator: i18n.settings.annotator, labeledAt: Date.now() };
    if (isPending(result)) {
      patch(ids, { ...change, ...by, pending: true });
      setStatus(t('writes.kept.labels', { count: result.waiting }));
    } else if (result.changed.length > 0) patch(result.changed, { ...change, ...by });
  };
  /** The next row after `from` with no temperature and no kind, reading pages ahead as needed. */
  const nextUnlabeled = async (from: number): Promise<number> => {
    const last = Math.min((total ?? 0) - 1, from + UNLABELED_LOOKAHEAD);
    for (let index = from + 1; index <= last; index++) {
      const message = row(index) ?? (await ensureRow(index));
      if (message && message.temperature === null && message.kind === null) return index;
    }
    setStatus(t('grid.noneUnlabeledAhead', { count: UNLABELED_LOOKAHEAD }));
    return from + 1;
  };
  /**
   * Excel's fill down: the first selected row's temperature and kind onto the rest of the selection, as one undoable
   * action.
   */
  const fillDown = async (): Promise<void> => {
    const ids = await selectedIds();
    const firstIndex = selection.indexes()[0] as number;
    const first = row(firstIndex) ?? (await ensureRow(firstIndex));
    const rest = ids?.filter((id) => id !== first?.id) ?? [];
    if (!first || rest.length === 0) return;
    const change = { temperature: first.temperature, kind: first.kind };
    const result = await api.call('labels.set', { ids: rest, ...change });
    showLabeled(rest, change, result);
    if (!isPending(result)) setStatus(t('grid.filledDown', { count: rest.length }));
  };

  /** The model's suggestions for the selection taken as labels, in what each message lacks, as one undoable action. */
  const accept = async (): Promise<void> => {
    const ids = await selectedIds();
    if (!ids || ids.length === 0) return;
    const result = await api.call('labels.acceptSuggestions', { ids });
    if (isPending(result)) return setStatus(t('writes.kept.labels', { count: result.waiting }));
    setStatus(
      result.changed.length === 0 ? t('grid.noSuggestions') : t('grid.accepted', { count: result.changed.length }),
    );
    if (result.changed.length > 0) refresh();
    if (selection.single && result.changed.length > 0) list.current?.scrollToIndex(selection.cursor + 1);
  };

  /** Runs a labeling command on the selection; the label is stored (or kept) before the cursor moves on. */
  const run = async (command: GridCommand): Promise<void> => {
    if (command.type === 'help') return openHelp();
    if (command.type === 'undo' || command.type === 'redo') {
      const result = await api.call(command.type === 'undo' ? 'labels.undo' : 'labels.redo', {});
      if (isPending(result)) return setStatus(t(`writes.kept.${command.type}`, { count: result.waiting }));
      setStatus(
        t(result.action === null ? `grid.nothingTo.${command.type}` : `grid.did.${command.type}`, {
          count: result.changed.length,
        }),
      );
      if (result.changed.length > 0) refresh();
      return;
    }
    if (command.type === 'fillDown') return fillDown();
    if (command.type === 'accept') return accept();
    if (command.type === 'lead' || command.type === 'case') return; // the grid opens these itself
    const ids = await selectedIds();
    if (!ids || ids.length === 0) return;
    const change =
      command.type === 'temperature'
        ? { temperature: command.value }
        : command.type === 'kind'
          ? { kind: command.value }
          : { temperature: null, kind: null };
    const result = await api.call('labels.set', { ids, ...change });
    showLabeled(ids, change, result);
    if (!isPending(result)) setStatus(ids.length > 1 ? t('grid.selected', { count: ids.length }) : null);
    if (selection.single)
      list.current?.scrollToIndex(prefs.nextUnlabeled ? await nextUnlabeled(selection.cursor) : selection.cursor + 1);
  };
  return { run, selectedRows, selectedIds };
}
