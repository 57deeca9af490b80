import { useState } from 'react';
import type { GridPrefs } from '../../../../shared/api/grid';
import type { MessageSort } from '../../../../shared/api/messages';
import { useI18n } from '../../app/i18n';
import { COLUMN_DEFS, columnStyle } from './columns';

interface Props {
  prefs: GridPrefs;
  sort: MessageSort;
  onSort(column: MessageSort['column']): void;
  savePrefs(patch: Partial<GridPrefs>): void;
}

/** The grid's header row: a column's name sorts by it (again: the other way), its right edge resizes it. */
export function ColumnHeader({ prefs, sort, onSort, savePrefs }: Props) {
  const { t } = useI18n();
  return (
    <div role="row" aria-rowindex={1} className="row header">
      {prefs.columns
        .filter((column) => !column.hidden)
        .map((column) => {
          const sortable = COLUMN_DEFS[column.id].sort;
          const sorted = sortable && sort.column === sortable ? sort.direction : undefined;
          const name = t(`grid.col.${column.id}`);
          return (
            <div
              key={column.id}
              role="columnheader"
              className={`cell col-${column.id}`}
              style={columnStyle(column)}
              title={name}
              aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
            >
              {sortable ? (
                <button className="sort" onClick={() => onSort(sortable)}>
                  {name}
                  {sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}
                </button>
              ) : (
                name
              )}
              <ResizeHandle
                label={t('grid.resize', { column: name })}
                width={column.width}
                onResize={(width) =>
                  savePrefs({ columns: prefs.columns.map((c) => (c.id === column.id ? { ...c, width } : c)) })
                }
              />
            </div>
          );
        })}
    </div>
  );
}

const MIN_WIDTH = 40;

/** Drag a column's right edge to resize it, or focus the handle and use ← → (Shift for bigger steps). */
function ResizeHandle({ label, width, onResize }: { label: string; width: number; onResize(width: number): void }) {
  const [dragging, setDragging] = useState<{ x: number; width: number; now: number } | null>(null);
  const clamp = (value: number): number => Math.max(MIN_WIDTH, Math.min(2000, Math.round(value)));
  return (
    <span
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={dragging?.now ?? width}
      tabIndex={0}
      className={`resize-handle${dragging ? ' dragging' : ''}`}
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        // From the width on screen, which is less than the chosen one when the window is narrow.
        const shown = Math.round(e.currentTarget.parentElement?.getBoundingClientRect().width ?? width);
        setDragging({ x: e.clientX, width: shown, now: shown });
      }}
      onPointerMove={(e) =>
        dragging && setDragging({ ...dragging, now: clamp(dragging.width + e.clientX - dragging.x) })
      }
      onPointerUp={() => {
        // Only a drag that moved the edge: a click on a shrunk column must not make its shown width the chosen one.
        if (dragging && dragging.now !== dragging.width) onResize(dragging.now);
        setDragging(null);
      }}
      onKeyDown={(e) => {
        const step = e.shiftKey ? 40 : 10;
        if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
          e.preventDefault();
          e.stopPropagation();
          onResize(clamp(width + (e.key === 'ArrowRight' ? step : -step)));
        }
      }}
    />
  );
}
