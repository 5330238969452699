import type { Item, Rect } from '../layout/scene.js';
import { THEME } from '../layout/theme.js';

/** The title, centred over the plot area like matplotlib's. */
export function title(plot: Rect, text: string): Item[] {
  if (!text) return [];
  return [{ type: 'text', x: plot.x + plot.width / 2, y: plot.y - THEME.titlePad, text, font: THEME.titleFont, fill: THEME.text, align: 'center', baseline: 'alphabetic' }];
}

export function titleHeight(text: string): number {
  return text ? THEME.titleFont.size * 1.2 + THEME.titlePad : 0;
}
