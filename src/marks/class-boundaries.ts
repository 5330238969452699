/**
 * The boundaries between a classifier's classes, traced on the grid: for each class c the line
 * where its score meets the best of the others (m = s_c − max_{j≠c} s_j crosses 0), by d3-contour's
 * marching squares with linear interpolation, the same crossings the raster field interpolates.
 * The last class's boundaries are all shared with earlier classes, so it is not traced again.
 */
import { contours } from 'd3-contour';
import type { Item, Rect } from '../scene/scene.js';
import type { LinearScale } from '../scale/linear.js';
import type { Grid } from '../core/sample.js';
import type { ResolvedBoundary } from '../model/figure.js';
import { DASHES } from './contour.js';

export function classBoundaries(plot: Rect, grid: Grid, channels: readonly Float64Array[], x: LinearScale, y: LinearScale, style: ResolvedBoundary): Item {
  const nx = grid.xs.length;
  const ny = grid.ys.length;
  const dx = nx > 1 ? (grid.xs[nx - 1] - grid.xs[0]) / (nx - 1) : 0;
  const dy = ny > 1 ? (grid.ys[ny - 1] - grid.ys[0]) / (ny - 1) : 0;
  const gen = contours().size([nx, ny]).smooth(true);
  const n = nx * ny;
  const margin = new Array<number>(n);
  const lines: number[][] = [];
  for (let c = 0; c + 1 < channels.length; c++) {
    for (let o = 0; o < n; o++) {
      let other = -Infinity;
      for (let j = 0; j < channels.length; j++) if (j !== c && channels[j][o] > other) other = channels[j][o];
      margin[o] = channels[c][o] - other;
    }
    const mp = gen.contour(margin, 0);
    for (const poly of mp.coordinates) {
      for (const ring of poly) lines.push(...openRuns(ring, nx, ny).map((run) => run.flatMap(([cx, cy]) => [x(grid.xs[0] + (cx - 0.5) * dx), y(grid.ys[0] + (cy - 0.5) * dy)])));
    }
  }
  return { type: 'path', lines, stroke: style.color, lineWidth: style.width, dash: DASHES[style.dash].map((d) => d * style.width), cap: 'butt', clip: plot };
}

/**
 * A d3 ring without the points it puts on the grid's border (0 or n: where a region meets the
 * edge of the grid, not another class), as runs of consecutive inner points.
 */
function openRuns(ring: number[][], nx: number, ny: number): number[][][] {
  const onEdge = ([cx, cy]: number[]) => cx <= 0 || cx >= nx || cy <= 0 || cy >= ny;
  const runs: number[][][] = [];
  let run: number[][] = [];
  for (const p of ring) {
    if (onEdge(p)) {
      if (run.length > 1) runs.push(run);
      run = [];
    } else run.push(p);
  }
  if (run.length > 1) runs.push(run);
  // d3 closes a ring by repeating its first point: a ring cut somewhere joins its last run to its first.
  if (runs.length > 1 && !onEdge(ring[0]) && !onEdge(ring[ring.length - 1])) {
    const first = runs.shift()!;
    runs[runs.length - 1].push(...first.slice(1));
  }
  return runs;
}
