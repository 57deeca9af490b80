import { describe, expect, it } from 'vitest';
import { chartPng, defaultFontFile } from '../../../../../electron/backend/reports/chart-png';

const option = (title: string) => ({
  title: { text: title },
  xAxis: { type: 'category' as const, data: ['Contentos', 'Descontentos'] },
  yAxis: { type: 'value' as const },
  series: [{ type: 'bar' as const, data: [10, 4] }],
});
const size = { width: 320, height: 180 };

describe("the deck's pictures of charts", () => {
  it('draws the text with the shipped font, at twice the size asked for', () => {
    const png = Buffer.from(chartPng(option('Clientes'), size, defaultFontFile()));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([640, 360]);
    // A different title is different pixels: the text is drawn (resvg silently draws none without a font).
    expect(Buffer.from(chartPng(option('Detractores'), size, defaultFontFile())).equals(png)).toBe(false);
  });

  it('refuses to draw without its font rather than leave the words out', () => {
    expect(() => chartPng(option('x'), size, '/nowhere/DejaVuSans.ttf')).toThrow(
      "The deck's font is missing (/nowhere/DejaVuSans.ttf): reinstall Pulso",
    );
  });
});
