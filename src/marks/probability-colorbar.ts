/**
 * The colorbar of a probability view: one column per class, side by side, each its class's
 * colour from white (the winner is barely sure, p = 1/k) to full (p = 1), under one probability axis.
 */
import type { Item, Measure, Rect } from '../scene/scene.js';
import { linearScale } from '../scale/linear.js';
import { yAxis, type AxisTicks } from './axis.js';
import { LIGHT, THEME, type Palette } from '../scene/theme.js';

/** `colors[c * bands + b]`: class c's colour for band b (levels[b]..levels[b + 1]). */
export function probabilityColorbar(box: Rect, levels: readonly number[], colors: readonly string[], classes: number, ticks: AxisTicks, label: string, measure: Measure, palette: Palette = LIGHT): Item[] {
  const bands = levels.length - 1;
  const y = linearScale([levels[0], levels[bands]], [box.y + box.height, box.y]);
  const w = box.width / classes;
  const items: Item[] = [];
  for (let c = 0; c < classes; c++) {
    for (let b = 0; b < bands; b++) {
      const top = y(levels[b + 1]);
      const bottom = y(levels[b]);
      const overlap = b + 1 < bands ? 1 : 0;
      items.push({ type: 'rect', x: box.x + c * w, y: top - overlap, width: w + (c + 1 < classes ? 0.5 : 0), height: bottom - top + overlap, fill: colors[c * bands + b] });
    }
  }
  items.push({ type: 'rect', ...box, stroke: palette.spine, lineWidth: THEME.spineWidth });
  items.push(...yAxis(box, y, ticks, label, measure, 'right', palette));
  return items;
}
