/**
 * The markers at a jump, as textbooks draw a step function: a filled dot at the value the function
 * takes there, open dots at the one-sided limits it does not take (sign(0) = 0 has both limits
 * open and its value filled; an undefined value, as a derivative at a kink, leaves only open dots).
 * With "connect" the jump is a vertical segment instead, as matplotlib draws it.
 */
import type { Item, Rect } from '../scene/scene.js';
import type { LinearScale } from '../scale/linear.js';
import type { Jump } from '../core/sample-figure.js';
import { LIGHT, PT, THEME, type Palette } from '../scene/theme.js';

export interface JumpMarks {
  /** Connecting segments and open dots: drawn first. */
  under: Item[];
  /** Filled dots: drawn after every series' open dots, so no open dot hides a value. */
  over: Item[];
}

/** Open dots are filled with `palette.background`, the page's colour (also when the figure's own background is transparent). */
export function jumpMarks(plot: Rect, jumps: readonly Jump[], mode: 'markers' | 'connect' | 'gap', x: LinearScale, y: LinearScale, color: string, palette: Palette = LIGHT): JumpMarks {
  if (mode === 'gap' || jumps.length === 0) return { under: [], over: [] };
  if (mode === 'connect') {
    return { under: [{ type: 'path', lines: jumps.map((j) => [x(j.x), y(j.left), x(j.x), y(j.right)]), stroke: color, lineWidth: THEME.lineWidth, clip: plot }], over: [] };
  }
  const r = 3 * PT;
  const dot = (px: number, v: number, fill: string): Item => ({ type: 'circle', x: x(px), y: y(v), r, fill, stroke: color, lineWidth: THEME.lineWidth * 0.8 });
  const under: Item[] = [];
  const over: Item[] = [];
  for (const j of jumps) {
    for (const v of new Set([j.left, j.right])) if (Number.isFinite(v) && v !== j.value) under.push(dot(j.x, v, palette.background));
    if (Number.isFinite(j.value)) over.push(dot(j.x, j.value, color));
  }
  return { under, over };
}
