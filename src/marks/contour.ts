/**
 * Filled contour bands and decision boundaries. Layout emits a FieldItem (the sampled surface with
 * its levels and band colours); raster output colours pixels from it (render/raster-field.ts),
 * vector output turns it into polygons (render/vector-field.ts).
 */
import { contours } from 'd3-contour';
import type { FieldItem, Item, Rect } from '../scene/scene.js';
import type { LinearScale } from '../scale/linear.js';
import type { Grid } from '../core/sample.js';
import { nextUp } from '../core/float.js';
import type { ResolvedBoundary } from '../model/figure.js';

export function contourField(plot: Rect, grid: Grid, levels: readonly number[], bandColors: readonly string[], x: LinearScale, y: LinearScale, background: string): FieldItem {
  const nx = grid.xs.length;
  const ny = grid.ys.length;
  return {
    type: 'field',
    rect: plot,
    xDomain: [x.invert(plot.x), x.invert(plot.x + plot.width)],
    yDomain: [y.invert(plot.y + plot.height), y.invert(plot.y)],
    grid: { nx, ny, x0: grid.xs[0], x1: grid.xs[nx - 1], y0: grid.ys[0], y1: grid.ys[ny - 1], z: grid.z },
    levels: [...levels],
    colors: [...bandColors],
    background,
  };
}

/** matplotlib's dash patterns, in multiples of the line width. */
export const DASHES: Record<ResolvedBoundary['dash'], number[]> = {
  solid: [],
  dashed: [3.7, 1.6],
  dotted: [1, 1.65],
  dashdot: [6.4, 1.6, 1, 1.6],
};

/**
 * The line where the surface rises above `level` (z > level, so a ReLU neuron's line is where it
 * turns on), traced by marching squares and clipped to the plot.
 */
export function decisionBoundary(plot: Rect, grid: Grid, level: number, x: LinearScale, y: LinearScale, style: ResolvedBoundary): Item {
  const nx = grid.xs.length;
  const ny = grid.ys.length;
  const dx = nx > 1 ? (grid.xs[nx - 1] - grid.xs[0]) / (nx - 1) : 0;
  const dy = ny > 1 ? (grid.ys[ny - 1] - grid.ys[0]) / (ny - 1) : 0;
  const mp = contours().size([nx, ny]).smooth(true).contour(grid.z as unknown as number[], nextUp(level));
  // A region that reaches the grid's edge is closed along it, half a cell outside the outermost
  // samples: that part of its ring is the edge of the sampled area, not where the surface crosses
  // the level, so only the runs between samples are drawn (they reach the plot's edge).
  const onEdge = ([cx, cy]: number[]) => cx <= 0 || cx >= nx || cy <= 0 || cy >= ny;
  const at = (p: number[]) => [x(grid.xs[0] + (p[0] - 0.5) * dx), y(grid.ys[0] + (p[1] - 0.5) * dy)];
  const lines: number[][] = [];
  for (const ring of mp.coordinates.flat()) {
    let run: number[] = [];
    for (let i = 0; i + 1 < ring.length; i++) {
      if (onEdge(ring[i]) || onEdge(ring[i + 1])) {
        if (run.length >= 4) lines.push(run);
        run = [];
        continue;
      }
      if (run.length === 0) run.push(...at(ring[i]));
      run.push(...at(ring[i + 1]));
    }
    if (run.length >= 4) lines.push(run);
  }
  return { type: 'path', lines, stroke: style.color, lineWidth: style.width, dash: DASHES[style.dash].map((d) => d * style.width), cap: 'butt', clip: plot };
}
