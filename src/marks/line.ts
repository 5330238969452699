import type { Item, Rect } from '../scene/scene.js';
import type { LinearScale } from '../scale/linear.js';
import type { SeriesData } from '../core/sample-figure.js';
import { THEME } from '../scene/theme.js';

/** Screen polylines for a series: one per continuous run of finite values in each piece. */
export function seriesLines(s: SeriesData, x: LinearScale, y: LinearScale): number[][] {
  const lines: number[][] = [];
  for (const { xs, ys } of s.pieces) {
    let run: number[] = [];
    for (let i = 0; i < xs.length; i++) {
      if (Number.isFinite(ys[i])) {
        run.push(x(xs[i]), y(ys[i]));
      } else if (run.length) {
        lines.push(run);
        run = [];
      }
    }
    if (run.length) lines.push(run);
  }
  return lines;
}

export function lineMark(plot: Rect, s: SeriesData, x: LinearScale, y: LinearScale, color: string): Item {
  return { type: 'path', lines: seriesLines(s, x, y), stroke: color, lineWidth: THEME.lineWidth, cap: 'square', clip: plot };
}
