import { useEffect, useMemo, useRef, useState } from 'react';
import type { ChartModule } from '../../../../shared/charts';
import type { KpiReport } from '../../../../shared/api/kpis';
import type { MessageFilter } from '../../../../shared/api/messages';
import { api } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { echarts } from './echarts';
import { BASE } from '../../../../shared/charts/types';
import { useDarkScheme } from '../../components/theme';
import { chartElements, moveFocus, type ChartKey } from '../../../../shared/charts/elements';

const CHART_KEYS = new Set<string>(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End']);

interface Props {
  chart: ChartModule;
  report: KpiReport;
  onDrill(filter: MessageFilter): void;
}

const WIDTH = 560;
const HEIGHT = 320;
/** Room above a saved chart for its title and period. */
const TITLE_HEIGHT = 44;

/** One chart card: drawn by ECharts from the shared option module; a click opens its messages; saves as PNG or SVG. */
export function Chart({ chart, report, onDrill }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const element = useRef<HTMLDivElement>(null);
  const instance = useRef<echarts.ECharts | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const spec = useMemo(() => chart.build(report, i18n), [chart, report, i18n]);
  const title = t(chart.title);
  const dark = useDarkScheme();
  const elements = useMemo(() => chartElements(spec.option, i18n), [spec, i18n]);
  /** The element the keyboard is on (null: none yet), highlighted on the chart and said by its live region. */
  const [focus, setFocus] = useState<{ series: number; index: number } | null>(null);
  const focused = focus ? elements[focus.series]?.[focus.index] : undefined;

  useEffect(() => {
    const drawn = instance.current;
    if (!drawn) return;
    drawn.dispatchAction({ type: 'downplay' });
    drawn.dispatchAction({ type: 'hideTip' });
    if (!focused) return;
    const target = { seriesIndex: focused.seriesIndex, dataIndex: focused.dataIndex };
    drawn.dispatchAction({ type: 'highlight', ...target });
    drawn.dispatchAction({ type: 'showTip', ...target });
  }, [focused]);

  const onKeyDown = (event: React.KeyboardEvent): void => {
    if (CHART_KEYS.has(event.key)) {
      event.preventDefault();
      setFocus((at) => moveFocus(elements, at, event.key as ChartKey));
    } else if ((event.key === 'Enter' || event.key === ' ') && focused) {
      event.preventDefault();
      const filter = spec.drill(focused.seriesIndex, focused.dataIndex);
      if (filter) onDrill(filter);
    }
  };

  useEffect(() => {
    if (!element.current) return;
    // ECharts' own dark theme (light text, axes and label halos) on the card's background, not its navy.
    const drawn = echarts.init(element.current, dark ? 'dark' : null, { renderer: 'canvas' });
    instance.current = drawn;
    const resize = new ResizeObserver(() => drawn.resize());
    resize.observe(element.current);
    return () => {
      resize.disconnect();
      drawn.dispose();
      instance.current = null;
    };
  }, [dark]);
  useEffect(() => {
    const drawn = instance.current;
    if (!drawn) return;
    drawn.setOption({ ...spec.option, backgroundColor: 'transparent' }, { notMerge: true });
    drawn.off('click');
    drawn.on('click', (params) => {
      const filter = spec.drill(params.seriesIndex ?? 0, params.dataIndex);
      if (filter) onDrill(filter);
    });
  }, [spec, onDrill, dark]);

  const save = async (format: 'png' | 'svg'): Promise<void> => {
    const drawn = instance.current;
    if (!drawn) return;
    // The file is drawn apart, light on white whatever the screen's theme, its title and period on it.
    const width = drawn.getWidth() || WIDTH;
    const height = (drawn.getHeight() || HEIGHT) + TITLE_HEIGHT;
    const option = {
      ...spec.option,
      backgroundColor: '#ffffff',
      title: {
        text: title,
        subtext: t('chart.period', { from: i18n.day(report.period.from), to: i18n.day(report.period.to) }),
        left: 'center',
        top: 4,
      },
      grid: { ...BASE.grid, top: 56 + TITLE_HEIGHT },
    };
    const copy =
      format === 'png'
        ? echarts.init(document.createElement('div'), null, { renderer: 'canvas', width, height })
        : echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
    copy.setOption(option);
    const data = format === 'png' ? copy.getDataURL({ type: 'png', pixelRatio: 2 }) : copy.renderToSVGString();
    copy.dispose();
    try {
      const saved = await api.call('charts.save', {
        format,
        name: `${chart.id} ${report.period.from} ${report.period.to}`,
        data,
      });
      if (saved.path) setStatus(t('chart.saved', { path: saved.path }));
    } catch (error) {
      setStatus((error as Error).message);
    }
  };

  return (
    <section className="chart-card" aria-label={title} data-chart={chart.id}>
      <header>
        <h2>{title}</h2>
        <span className="chart-actions">
          <button type="button" title={t('chart.saveAs', { title, format: 'PNG' })} onClick={() => void save('png')}>
            {t('chart.savePng')}
          </button>
          <button type="button" title={t('chart.saveAs', { title, format: 'SVG' })} onClick={() => void save('svg')}>
            {t('chart.saveSvg')}
          </button>
        </span>
      </header>
      {spec.empty && <p className="chart-empty">{t('chart.empty')}</p>}
      <div
        ref={element}
        className="chart-canvas"
        hidden={spec.empty}
        tabIndex={spec.empty ? -1 : 0}
        role="group"
        aria-roledescription={t('chart.role')}
        aria-label={t('chart.keys', { title })}
        onKeyDown={onKeyDown}
        onFocus={() => setFocus((at) => at ?? moveFocus(elements, null, 'Home'))}
        onBlur={() => setFocus(null)}
      />
      <p className="visually-hidden" aria-live="polite" data-testid="chart-focus">
        {focused?.text ?? ''}
      </p>
      {status && (
        <p className="chart-status" role="status">
          {status}
        </p>
      )}
    </section>
  );
}
