import { afterAll, describe, expect, it } from 'vitest';
import { demoBackend } from '../helpers/workspace';
import { closeBrowser, openApp } from './harness';

afterAll(closeBrowser);

/**
 * Every text the screen shows whose contrast against what is behind it is below WCAG's AA (4.5:1; 3:1 for large text),
 * as "where: text (ratio)". Runs in the page: colours as the browser computed them, backgrounds found by walking up to
 * the first opaque one (translucent ones blended over it). Disabled controls are exempt, as WCAG says.
 */
function lowContrast(): string[] {
  const parse = (color: string): number[] => (color.match(/[\d.]+/g) ?? []).map(Number);
  const luminance = ([r, g, b]: number[]): number => {
    const channel = (value: number): number => {
      const c = value / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(r ?? 0) + 0.7152 * channel(g ?? 0) + 0.0722 * channel(b ?? 0);
  };
  const background = (element: Element | null): number[] => {
    const layers: number[][] = [];
    for (let at = element; at; at = at.parentElement) {
      const [r, g, b, a = 1] = parse(getComputedStyle(at).backgroundColor);
      if (a === 0) continue;
      layers.push([r ?? 0, g ?? 0, b ?? 0, a]);
      if (a === 1) break;
    }
    let color = [255, 255, 255];
    for (const [r, g, b, a] of layers.reverse())
      color = [r, g, b].map((c, i) => (c as number) * (a as number) + (color[i] as number) * (1 - (a as number)));
    return color;
  };
  const failures: string[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent?.trim();
    const element = node.parentElement;
    if (!text || !element || element.closest('[disabled], [aria-disabled="true"], [hidden], option, .visually-hidden'))
      continue;
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    if (style.visibility === 'hidden' || box.width === 0 || box.height === 0 || Number(style.opacity) < 0.1) continue;
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    const [lighter, darker] = [luminance(parse(style.color)), luminance(background(element))].sort((a, b) => b - a);
    const ratio = ((lighter as number) + 0.05) / ((darker as number) + 0.05);
    if (ratio < (large ? 3 : 4.5))
      failures.push(`${element.className || element.tagName}: "${text.slice(0, 30)}" (${ratio.toFixed(2)})`);
  }
  return failures;
}

/** The focused control's outline against the background around it, when under 3:1 (WCAG 1.4.11). */
function focusRingContrast(): string[] {
  const active = document.activeElement as HTMLElement | null;
  if (!active || active === document.body) return ['nothing focused'];
  const style = getComputedStyle(active);
  if (style.outlineStyle === 'none' || parseFloat(style.outlineWidth) < 2)
    return [`no focus ring on ${active.tagName}`];
  const parse = (color: string): number[] => (color.match(/[\d.]+/g) ?? []).map(Number);
  const luminance = ([r, g, b]: number[]): number =>
    [r, g, b]
      .map((value) => {
        const c = (value ?? 0) / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      })
      .reduce((sum, c, i) => sum + c * ([0.2126, 0.7152, 0.0722][i] as number), 0);
  let behind = [255, 255, 255];
  for (let at = active.parentElement; at; at = at.parentElement) {
    const [r, g, b, a = 1] = parse(getComputedStyle(at).backgroundColor);
    if (a === 1) {
      behind = [r ?? 0, g ?? 0, b ?? 0];
      break;
    }
  }
  const [lighter, darker] = [luminance(parse(style.outlineColor)), luminance(behind)].sort((x, y) => y - x);
  const ratio = ((lighter as number) + 0.05) / ((darker as number) + 0.05);
  return ratio < 3 ? [`focus ring ${style.outlineColor} (${ratio.toFixed(2)})`] : [];
}

describe('contrast (real renderer)', () => {
  for (const theme of ['light', 'dark'] as const)
    it(`keeps every text of the grid, queue, dashboard, tracking and settings at 4.5:1, the focus ring at 3:1 (${theme})`, async () => {
      const { backend, client } = await demoBackend(1500);
      await client.call('settings.update', { language: 'es', theme });
      const app = await openApp(backend, { now: new Date('2026-09-30T10:00:00Z') });
      const { page } = app;
      try {
        await expect.poll(() => page.locator('.chip').count()).toBeGreaterThan(5);
        const found: string[] = [];
        for (const section of ['Etiquetado', 'Cola', 'Panel', 'Seguimiento', 'Ajustes']) {
          await page.getByRole('navigation').getByRole('button', { name: section }).click();
          await page.waitForTimeout(800);
          found.push(...(await page.evaluate(lowContrast)).map((failure) => `${section} ${failure}`));
        }
        // The focus ring: 3:1 or more against what is around the focused control.
        await page.getByRole('navigation').getByRole('button', { name: 'Ajustes' }).focus();
        await page.keyboard.press('Tab');
        found.push(...(await page.evaluate(focusRingContrast)));
        expect([...new Set(found)]).toEqual([]);
      } finally {
        await app.close();
      }
    });
});
