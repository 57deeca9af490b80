import type { CSSProperties, ReactNode } from 'react';
import type { LabelSuggestionRow, MessageRow } from '../../../../shared/api/contract';
import type { GridColumn, GridPrefs } from '../../../../shared/api/grid';
import type { MessageSort } from '../../../../shared/api/messages';
import type { Translator } from '../../../../shared/i18n';
import { authorText, COLUMN_TEXT } from '../../../../shared/domain/grid-text';
import { TemperatureChip } from '../../components/TemperatureChip';
import { Highlighted } from '../../components/Highlighted';
import { dueTone, formatWait } from '../../components/wait';

/** A case's SLA due time: amber in the hour before it, red after it. */
function CaseDue({ due, t }: { due: number; t: Translator }) {
  const now = Date.now();
  const tone = dueTone(due, now);
  const left = tone === 'overdue' ? `−${formatWait(now - due, t.number)}` : formatWait(due - now, t.number);
  return (
    <small className={`case-due due-${tone}`} title={t.t('sla.due', { time: t.dateTime(due) })}>
      {' '}
      · {left}
    </small>
  );
}

export interface ColumnDef {
  sort?: MessageSort['column'];
  /** What the cell shows: its label, or the model's suggestion where it has none. */
  cell(message: MessageRow, t: Translator, suggestion?: LabelSuggestionRow): ReactNode;
  /** The cell as text: its tooltip and its TSV copy. */
  text(message: MessageRow, t: Translator): string;
}

const plain = (column: GridColumn, sort?: MessageSort['column']): ColumnDef => ({
  ...(sort ? { sort } : {}),
  cell: COLUMN_TEXT[column],
  text: COLUMN_TEXT[column],
});

/** A label kept while a job holds the store: a clock beside it until the job ends and it is applied. */
function PendingMark({ row, i18n, children }: { row: MessageRow; i18n: Translator; children: ReactNode }) {
  if (!row.pending) return <>{children}</>;
  const title = i18n.t('writes.pendingRow');
  return (
    <span className="pending" title={title}>
      <span aria-label={title} role="img" className="visually-hidden" />
      {children}
    </span>
  );
}

/**
 * A label the model suggests, shown faint and dashed until accepted (A) or labeled over; never copied as a label. A
 * screen reader hears "Suggested:" before it, not a label.
 */
function Suggested({ confidence, i18n, children }: { confidence: number; i18n: Translator; children: ReactNode }) {
  return (
    <span className="suggested" title={i18n.t('grid.suggested', { percent: Math.floor(confidence * 100) })}>
      <span className="visually-hidden">{i18n.t('panel.suggested')} </span>
      {children}
    </span>
  );
}

/** Every grid column: what it shows, how it copies, and the sort it drives. */
export const COLUMN_DEFS: Record<GridColumn, ColumnDef> = {
  postedAt: plain('postedAt', 'postedAt'),
  source: plain('source', 'source'),
  author: {
    sort: 'author',
    cell: (m, t) => (
      <>
        {authorText(m.authorHandle, t)}
        {m.followers === null ? null : (
          <small className="followers"> · {t.t('grid.followers', { count: m.followers })}</small>
        )}
      </>
    ),
    text: COLUMN_TEXT.author,
  },
  text: { cell: (m) => <Highlighted text={m.text} />, text: COLUMN_TEXT.text },
  entities: plain('entities'),
  topics: plain('topics'),
  temperature: {
    sort: 'temperature',
    cell: (m, i18n, suggestion) => (
      <PendingMark row={m} i18n={i18n}>
        {m.temperature === null && suggestion?.temperature ? (
          <Suggested confidence={suggestion.temperature.confidence} i18n={i18n}>
            <TemperatureChip value={suggestion.temperature.value} />
          </Suggested>
        ) : (
          <TemperatureChip value={m.temperature} />
        )}
      </PendingMark>
    ),
    text: COLUMN_TEXT.temperature,
  },
  kind: {
    sort: 'kind',
    cell: (m, i18n, suggestion) =>
      m.kind === null && suggestion?.kind ? (
        <Suggested confidence={suggestion.kind.confidence} i18n={i18n}>
          {i18n.t(`kind.${suggestion.kind.value}`)}
        </Suggested>
      ) : (
        COLUMN_TEXT.kind(m, i18n)
      ),
    text: COLUMN_TEXT.kind,
  },
  case: {
    cell: (m, t) =>
      m.caseId === null ? (
        ''
      ) : (
        <>
          #{m.caseId}
          {m.caseDue !== null && <CaseDue due={m.caseDue} t={t} />}
        </>
      ),
    text: COLUMN_TEXT.case,
  },
  annotator: plain('annotator', 'annotator'),
  labeledAt: plain('labeledAt', 'labeledAt'),
};

/** The least a column shrinks to before the grid scrolls sideways: its dates, names and chips still readable. */
const LEAST: Record<GridColumn, number> = {
  postedAt: 145,
  source: 70,
  author: 90,
  text: 200,
  entities: 70,
  topics: 70,
  temperature: 140,
  kind: 90,
  case: 55,
  annotator: 95,
  labeledAt: 145,
};

const leastWidth = (column: GridPrefs['columns'][number]): number => Math.min(column.width, LEAST[column.id]);

/**
 * A column's share of the row: its chosen width when the window has room; when it has not, the text shrinks first
 * (flex-shrink weighs by width, hence the large factor), then the others, each down to its least.
 */
export function columnStyle(column: GridPrefs['columns'][number]): CSSProperties {
  const grow = column.id === 'text' ? 1 : 0;
  const shrink = column.id === 'text' ? 1000 : 1;
  return { flex: `${grow} ${shrink} ${column.width}px`, minWidth: leastWidth(column) };
}

/** The row's least width: below it the grid scrolls sideways instead of cutting columns further. */
export const rowLeastWidth = (columns: GridPrefs['columns']): number =>
  columns.reduce((sum, column) => sum + leastWidth(column), 0);
