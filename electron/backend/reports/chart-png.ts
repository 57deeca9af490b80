import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import type { EChartsOption } from 'echarts';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The font the deck's pictures are drawn with, shipped with the app: the same text on every machine. */
export const FONT_FAMILY = 'DejaVu Sans';
export const defaultFontFile = (): string =>
  join(dirname(fileURLToPath(import.meta.url)), '../../../resources/fonts/DejaVuSans.ttf');

/**
 * A dashboard chart as a PNG, for the deck's charts that have no native counterpart: the same ECharts option, drawn
 * to SVG on the server and rasterized at `scale` times its size (sharp when printed or projected).
 */
export function chartPng(option: EChartsOption, size: { width: number; height: number }, fontFile: string, scale = 2) {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({
      ...option,
      animation: false,
      backgroundColor: '#ffffff',
      textStyle: { ...(option.textStyle as object), fontFamily: FONT_FAMILY },
    });
    const svg = chart.renderToSVGString();
    const png = new Resvg(svg, {
      fitTo: { mode: 'zoom', value: scale },
      font: { fontFiles: [fontFile], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
    })
      .render()
      .asPng();
    return png;
  } finally {
    chart.dispose();
  }
}
