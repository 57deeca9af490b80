import type { EChartsOption } from 'echarts';
import type { Translator } from '../i18n';

/** One mark of a chart (a bar, a slice, a funnel stage) and what it says in words: for keyboard and screen reader. */
export interface ChartElement {
  seriesIndex: number;
  dataIndex: number;
  text: string;
}

type Datum = number | null | undefined | { name?: string; value?: unknown };

const asList = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** The category axis's labels (x or y: the influence list lies on its side), if the chart has one. */
function categories(option: EChartsOption): string[] {
  for (const axis of [...asList(option.xAxis), ...asList(option.yAxis)]) {
    const { type, data } = axis as { type?: string; data?: unknown[] };
    if (type === 'category' && Array.isArray(data)) return data.map((label) => String(label).replace(/\s+/g, ' '));
  }
  return [];
}

/**
 * Every element of a chart option, series by series, with its category, series name and value in the UI's language:
 * "29/06/2026 · −2 muy enfadado: 12". Pies and funnels name their slices themselves.
 */
export function chartElements(option: EChartsOption, t: Translator): ChartElement[][] {
  const labels = categories(option);
  const number = (value: unknown): string =>
    typeof value === 'number' ? t.number(value, Number.isInteger(value) ? 0 : 1) : '—';
  return asList(option.series).map((series, seriesIndex) => {
    const { type, name, data } = series as { type?: string; name?: string; data?: Datum[] };
    const named = type === 'pie' || type === 'funnel';
    return (data ?? []).map((datum, dataIndex) => {
      const item = typeof datum === 'object' && datum !== null ? datum : { value: datum };
      const where = named ? (item.name ?? '') : [labels[dataIndex], name].filter(Boolean).join(' · ');
      return { seriesIndex, dataIndex, text: `${where}: ${number(item.value)}` };
    });
  });
}

export type ChartKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown' | 'Home' | 'End';

/**
 * Where a key moves the focus among a chart's elements: ← → along the series, ↑ ↓ to the series before or after at the
 * same place, Home/End to its ends. Empty series are stepped over.
 */
export function moveFocus(
  elements: ChartElement[][],
  at: { series: number; index: number } | null,
  key: ChartKey,
): { series: number; index: number } | null {
  const filled = elements.map((series, index) => ({ index, length: series.length })).filter((s) => s.length > 0);
  if (filled.length === 0) return null;
  if (at === null) return { series: filled[0]?.index ?? 0, index: 0 };
  const place = Math.max(
    0,
    filled.findIndex((s) => s.index === at.series),
  );
  const current = filled[place] ?? { index: 0, length: 1 };
  const clamp = (value: number, length: number): number => Math.max(0, Math.min(length - 1, value));
  switch (key) {
    case 'ArrowLeft':
      return { series: current.index, index: clamp(at.index - 1, current.length) };
    case 'ArrowRight':
      return { series: current.index, index: clamp(at.index + 1, current.length) };
    case 'Home':
      return { series: current.index, index: 0 };
    case 'End':
      return { series: current.index, index: current.length - 1 };
    case 'ArrowUp':
    case 'ArrowDown': {
      const next = filled[clamp(place + (key === 'ArrowDown' ? 1 : -1), filled.length)] ?? current;
      return { series: next.index, index: clamp(at.index, next.length) };
    }
  }
}
