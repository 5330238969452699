import type { Item, Rect } from '../scene/scene.js';
import type { LinearScale } from '../scale/linear.js';
import { LIGHT, THEME, type Palette } from '../scene/theme.js';

/** Grid lines at the tick positions, matplotlib's light grey. */
export function gridLines(plot: Rect, x: LinearScale, xs: number[], y: LinearScale, ys: number[], palette: Palette = LIGHT): Item {
  const lines: number[][] = [];
  for (const v of xs) lines.push([x(v), plot.y, x(v), plot.y + plot.height]);
  for (const v of ys) lines.push([plot.x, y(v), plot.x + plot.width, y(v)]);
  return { type: 'path', lines, stroke: palette.grid, lineWidth: THEME.gridWidth, clip: plot };
}
