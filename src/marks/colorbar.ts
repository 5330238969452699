/**
 * A colorbar beside the plot: one rectangle per band in exactly the band's colour, a frame, and
 * nice round ticks on its right (not the level values, which are rarely round).
 */
import type { Item, Measure, Rect } from '../scene/scene.js';
import { linearScale } from '../scale/linear.js';
import { yAxis, type AxisTicks } from './axis.js';
import { LIGHT, THEME, type Palette } from '../scene/theme.js';

export function colorbar(box: Rect, levels: readonly number[], bandColors: readonly string[], ticks: AxisTicks, label: string, measure: Measure, palette: Palette = LIGHT): Item[] {
  const lo = levels[0];
  const hi = levels[levels.length - 1];
  const y = linearScale([lo, hi], [box.y + box.height, box.y]);
  const items: Item[] = [];
  for (let i = 0; i + 1 < levels.length; i++) {
    const top = y(levels[i + 1]);
    const bottom = y(levels[i]);
    // Each band overlaps the next by a pixel (painted in order) so no seam shows between them.
    const overlap = i + 2 < levels.length ? 1 : 0;
    items.push({ type: 'rect', x: box.x, y: top - overlap, width: box.width, height: bottom - top + overlap, fill: bandColors[i] });
  }
  items.push({ type: 'rect', ...box, stroke: palette.spine, lineWidth: THEME.spineWidth });
  items.push(...yAxis(box, y, ticks, label, measure, 'right', palette));
  return items;
}
