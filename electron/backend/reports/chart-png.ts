import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import type { EChartsOption } from 'echarts';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The font the deck's pictures are drawn with, shipped with the app: the same text on every machine. */
export const FONT_FAMILY = 'DejaVu Sans';
const FONT = 'resources/fonts/DejaVuSans.ttf';
/** The shipped font beside the sources (electron/backend/reports) or the built bundle (out/main). */
export const defaultFontFile = (): string => {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, '../../..', FONT), join(here, '../..', FONT)];
  return candidates.find((path) => existsSync(path)) ?? (candidates[0] as string);
};

/**
 * A dashboard chart as a PNG, for the deck's charts that have no native counterpart: the same ECharts option, drawn
 * to SVG on the server and rasterized at `scale` times its size (sharp when printed or projected).
 */
export function chartPng(option: EChartsOption, size: { width: number; height: number }, fontFile: string, scale = 2) {
  // resvg draws no text at all without a font, silently: a missing one is an error, not a picture without words.
  if (!existsSync(fontFile)) throw new Error(`The deck's font is missing (${fontFile}): reinstall Pulso`);
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
