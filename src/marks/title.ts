/**
 * The title, centred over the plot like matplotlib's, but wrapped onto several lines when it is
 * wider than the image and nudged sideways so it never leaves the image.
 */
import type { Item, Measure, Rect } from '../scene/scene.js';
import { LIGHT, THEME, type Palette } from '../scene/theme.js';

const LINE = 1.2;

/** Greedy word wrap to `maxWidth`; text without spaces (Japanese) breaks between characters. */
export function wrapTitle(text: string, maxWidth: number, measure: Measure): string[] {
  if (!text) return [];
  const font = THEME.titleFont;
  const fits = (t: string) => measure(t, font).width <= maxWidth;
  if (fits(text)) return [text];
  const words = text.includes(' ') ? text.split(' ') : [...text];
  const glue = text.includes(' ') ? ' ' : '';
  const lines: string[] = [];
  let current = '';
  for (const w of words) {
    const next = current ? current + glue + w : w;
    if (!current || fits(next)) current = next;
    else {
      lines.push(current);
      current = w;
    }
  }
  if (current) lines.push(current);
  return lines;
}

export function titleHeight(lines: readonly string[]): number {
  return lines.length ? THEME.titleFont.size * LINE * lines.length + THEME.titlePad : 0;
}

export function title(plot: Rect, lines: readonly string[], imageWidth: number, pad: number, measure: Measure, palette: Palette = LIGHT): Item[] {
  const font = THEME.titleFont;
  const widest = Math.max(0, ...lines.map((l) => measure(l, font).width));
  // Centre over the plot, then shift back inside the image if the title would stick out.
  const cx = Math.min(Math.max(plot.x + plot.width / 2, pad + widest / 2), imageWidth - pad - widest / 2);
  const last = plot.y - THEME.titlePad;
  return lines.map((text, i) => ({
    type: 'text' as const,
    x: cx,
    y: last - (lines.length - 1 - i) * font.size * LINE,
    text,
    font,
    fill: palette.text,
    align: 'center' as const,
    baseline: 'alphabetic' as const,
  }));
}
