/**
 * The markers at a jump, as textbooks draw a step function: a filled dot at the value the function
 * takes there, an open dot at the limit it does not take. An undefined value (a derivative at a
 * kink) gets two open dots. With "connect" the jump is a vertical segment instead.
 */
import type { Item, Rect } from '../layout/scene.js';
import type { LinearScale } from '../scale/linear.js';
import type { Jump } from '../core/sample-figure.js';
import { PT, THEME } from '../layout/theme.js';

export function jumpMarks(plot: Rect, jumps: readonly Jump[], mode: 'markers' | 'connect' | 'gap', x: LinearScale, y: LinearScale, color: string): Item[] {
  if (mode === 'gap' || jumps.length === 0) return [];
  if (mode === 'connect') {
    return [{ type: 'path', lines: jumps.map((j) => [x(j.x), y(j.left), x(j.x), y(j.right)]), stroke: color, lineWidth: THEME.lineWidth, clip: plot }];
  }
  const r = 3 * PT;
  const items: Item[] = [];
  for (const j of jumps) {
    for (const v of [j.left, j.right]) {
      const filled = v === j.value;
      items.push({ type: 'circle', x: x(j.x), y: y(v), r, fill: filled ? color : THEME.background, stroke: color, lineWidth: THEME.lineWidth * 0.8 });
    }
  }
  return items;
}
