import { DEFAULT_GRID_PREFS, type GridPrefs } from '../../../../shared/api/grid';
import { useI18n } from '../../app/i18n';

interface Props {
  prefs: GridPrefs;
  save(patch: Partial<GridPrefs>): void;
}

/** Wrap, jump to the next unlabeled row, and which columns show in which order. */
export function GridOptions({ prefs, save }: Props) {
  const { t } = useI18n();
  const move = (index: number, by: -1 | 1): void => {
    const columns = [...prefs.columns];
    const [column] = columns.splice(index, 1);
    if (!column) return;
    columns.splice(Math.max(0, Math.min(columns.length, index + by)), 0, column);
    save({ columns });
  };
  const toggle = (index: number): void =>
    save({ columns: prefs.columns.map((c, i) => (i === index ? { ...c, hidden: !c.hidden } : c)) });
  return (
    <div className="grid-options">
      <button
        type="button"
        aria-pressed={prefs.wrap}
        onClick={() => save({ wrap: !prefs.wrap })}
        title={t('grid.wrapHint')}
      >
        {t('grid.wrap')}
      </button>
      <button
        type="button"
        aria-pressed={prefs.nextUnlabeled}
        onClick={() => save({ nextUnlabeled: !prefs.nextUnlabeled })}
        title={t('grid.nextUnlabeledHint')}
      >
        {t('grid.nextUnlabeled')}
      </button>
      <details className="columns-menu">
        <summary>{t('grid.columns')}</summary>
        <ul aria-label={t('grid.columns')}>
          {prefs.columns.map((column, index) => (
            <li key={column.id}>
              <label>
                <input
                  type="checkbox"
                  checked={!column.hidden}
                  disabled={column.id === 'text'}
                  onChange={() => toggle(index)}
                />{' '}
                {t(`grid.col.${column.id}`)}
              </label>
              <button
                type="button"
                aria-label={t('grid.moveUp', { column: t(`grid.col.${column.id}`) })}
                disabled={index === 0}
                onClick={() => move(index, -1)}
              >
                ↑
              </button>
              <button
                type="button"
                aria-label={t('grid.moveDown', { column: t(`grid.col.${column.id}`) })}
                disabled={index === prefs.columns.length - 1}
                onClick={() => move(index, 1)}
              >
                ↓
              </button>
            </li>
          ))}
        </ul>
        <button type="button" onClick={() => save({ columns: DEFAULT_GRID_PREFS.columns, wrap: false })}>
          {t('grid.resetLayout')}
        </button>
      </details>
    </div>
  );
}
