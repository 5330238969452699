/**
 * Where a legend box goes: the corner of the plot ("best", as matplotlib places it) where it hides
 * the fewest data, trying upper right first (matplotlib's first choice), then upper left, lower
 * left, lower right; the first of equals wins.
 */
import type { Rect } from '../scene/scene.js';

export function bestCorner(plot: Rect, w: number, h: number, inset: number, hidden: (box: Rect) => number): [number, number] {
  const corners: [number, number][] = [
    [plot.x + plot.width - inset - w, plot.y + inset],
    [plot.x + inset, plot.y + inset],
    [plot.x + inset, plot.y + plot.height - inset - h],
    [plot.x + plot.width - inset - w, plot.y + plot.height - inset - h],
  ];
  let best = corners[0];
  let fewest = Infinity;
  for (const c of corners) {
    const hits = hidden({ x: c[0], y: c[1], width: w, height: h });
    if (hits < fewest) {
      best = c;
      fewest = hits;
    }
  }
  return best;
}
