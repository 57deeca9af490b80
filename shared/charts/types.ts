import type { EChartsOption, TooltipComponentOption } from 'echarts';
import type { KpiReport } from '../api/kpis';
import type { MessageFilter } from '../api/messages';
import type { MessageKey, Translator } from '../i18n';

/** A chart of the dashboard, and of the Excel deck: its option, and the messages behind each element. */
export interface ChartSpec {
  option: EChartsOption;
  /** The grid filter for the element a click hit (series and data index), or null when it has none. */
  drill(seriesIndex: number, dataIndex: number): MessageFilter | null;
  /** True when the period has nothing to chart. */
  empty: boolean;
}

export interface ChartModule {
  id: string;
  title: MessageKey;
  build(report: KpiReport, t: Translator): ChartSpec;
}

/** One colour per temperature, as the grid's chips; unlabeled last. */
export const TEMPERATURE_COLORS: Record<'-2' | '-1' | '0' | '1' | '2' | 'unlabeled', string> = {
  '-2': '#b2182b',
  '-1': '#ef8a62',
  '0': '#8c8c8c',
  '1': '#67a9cf',
  '2': '#1a9850',
  unlabeled: '#d5d8dc',
};

/** The messages a report covers: its period, narrowed as the report was; a chart element narrows further. */
export const period = (report: KpiReport): MessageFilter => ({
  from: report.period.from,
  to: report.period.to,
  ...report.scope,
});

/** A tooltip value: a number in the UI language with a suffix; "—" for a gap. */
export const formatValue =
  (t: Translator, digits: number, suffix = '') =>
  (value: unknown): string =>
    typeof value === 'number' ? `${t.number(value, digits)}${suffix}` : '—';

/** A ratio as a percentage for labels; "—" when there is none. */
export const percent = (t: Translator, value: number | null): string =>
  value === null ? '—' : `${t.number(value * 100, 1)} %`;

/**
 * Tooltips drawn on the canvas: HTML tooltips carry inline style attributes, which the
 * renderer's Content Security Policy (style-src 'self') refuses.
 */
export const tooltip = (options: TooltipComponentOption = {}): TooltipComponentOption => ({
  confine: true,
  renderMode: 'richText',
  ...options,
});

/**
 * A category axis that drops no label: every one shown (interval 0), long ones wrapped at `width` px; many of them
 * (a time series) turned 45°; on a vertical axis cut with an ellipsis instead, the full name in the tooltip.
 */
export function categoryAxis(labels: string[], options: { vertical?: boolean; width?: number } = {}) {
  const width = options.width ?? 96;
  return {
    type: 'category' as const,
    data: labels,
    axisLabel: options.vertical
      ? { interval: 0, width, overflow: 'truncate' as const, ellipsis: '…' }
      : labels.length > 8
        ? { interval: 0, rotate: 45, hideOverlap: false }
        : { interval: 0, width, overflow: 'break' as const, lineHeight: 14, hideOverlap: false },
  };
}

/** A legend that wraps inside the card instead of running past its edges. */
export const legend = (place: 'top' | 'bottom' = 'top', scroll = false) => ({
  [place]: 0,
  left: 8,
  right: 8,
  ...(scroll ? { type: 'scroll' as const } : {}),
});

/**
 * The option with every value axis's numbers written as the UI's language writes them (ECharts writes 50,000 in any
 * language); an axis with a formatter of its own (a percentage) keeps it.
 */
export function localAxes(option: EChartsOption, t: Translator): EChartsOption {
  const formatter = (value: number): string => t.number(value, Number.isInteger(value) ? 0 : 1);
  const one = <A extends object>(axis: A): A => {
    const { type, axisLabel } = axis as { type?: string; axisLabel?: { formatter?: unknown } };
    return type !== 'value' || axisLabel?.formatter !== undefined
      ? axis
      : { ...axis, axisLabel: { ...axisLabel, formatter } };
  };
  const localize = <A extends object>(axes: A | A[] | undefined): A | A[] | undefined =>
    axes === undefined ? undefined : Array.isArray(axes) ? axes.map(one) : one(axes);
  return { ...option, xAxis: localize(option.xAxis), yAxis: localize(option.yAxis) };
}

export const BASE: EChartsOption = {
  animation: false,
  textStyle: { fontFamily: 'system-ui, sans-serif' },
  tooltip: tooltip(),
  grid: { left: 48, right: 16, top: 56, bottom: 32, containLabel: true },
};
