/**
 * Marked points: a dot with a white ring (visible on any band colour) and its label beside it,
 * with a halo, kept inside the plot by flipping to the other side near an edge.
 */
import type { Item, Measure, Rect } from '../scene/scene.js';
import type { LinearScale } from '../scale/linear.js';
import type { ResolvedPoint } from '../model/figure.js';
import { PT, THEME } from '../scene/theme.js';

export function pointMarks(plot: Rect, points: readonly ResolvedPoint[], x: LinearScale, y: LinearScale, measure: Measure): Item[] {
  const items: Item[] = [];
  const font = { ...THEME.labelFont, weight: 'bold' as const };
  const r = 4 * PT;
  for (const p of points) {
    const px = x(p.at[0]);
    const py = y(p.at[1]);
    const inside = px >= plot.x && px <= plot.x + plot.width && py >= plot.y && py <= plot.y + plot.height;
    if (!inside) continue;
    items.push({ type: 'circle', x: px, y: py, r, fill: p.color, stroke: '#ffffff', lineWidth: 1.5 * PT });
    if (!p.label) continue;
    const w = measure(p.label, font).width;
    const gap = r + 3 * PT;
    const right = px + gap + w <= plot.x + plot.width;
    const above = py - gap - font.size >= plot.y;
    items.push({
      type: 'text', x: right ? px + gap : px - gap, y: above ? py - gap * 0.6 : py + gap * 0.6, text: p.label, font, fill: p.color,
      align: right ? 'left' : 'right', baseline: above ? 'bottom' : 'top', halo: p.color === '#ffffff' ? '#000000' : '#ffffff',
    });
  }
  return items;
}
