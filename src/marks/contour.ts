/**
 * Filled contour bands. Marching squares is d3-contour's; each polygon "z >= level i" is painted
 * over the previous one in increasing order (painter's algorithm), so neighbouring bands share no
 * anti-aliased edge and no hairline seam can show between them at any scale.
 */
import { contours } from 'd3-contour';
import type { Item, Rect } from '../layout/scene.js';
import type { LinearScale } from '../scale/linear.js';
import type { Grid } from '../core/sample.js';
import { nextUp } from '../core/float.js';
import type { ResolvedBoundary } from '../config/defaults.js';

export function contourBands(
  plot: Rect,
  grid: Grid,
  levels: readonly number[],
  bandColors: readonly string[],
  x: LinearScale,
  y: LinearScale,
  background: string,
  zMax: number,
): Item[] {
  const nx = grid.xs.length;
  const ny = grid.ys.length;
  const dx = nx > 1 ? (grid.xs[nx - 1] - grid.xs[0]) / (nx - 1) : 0;
  const dy = ny > 1 ? (grid.ys[ny - 1] - grid.ys[0]) / (ny - 1) : 0;
  // d3-contour puts sample i at coordinate i + 0.5; map that back to data, then to pixels.
  const toPx = (cx: number, cy: number): [number, number] => [x(grid.xs[0] + (cx - 0.5) * dx), y(grid.ys[0] + (cy - 0.5) * dy)];
  const gen = contours().size([nx, ny]).smooth(true);
  const values = grid.z as unknown as number[];
  const items: Item[] = [];
  const paint = (level: number, fill: string) => {
    const mp = gen.contour(values, level);
    if (mp.coordinates.length === 0) return;
    const polygons = mp.coordinates.map((poly) =>
      poly.map((ring) => {
        const flat: number[] = [];
        for (const [cx, cy] of ring) flat.push(...toPx(cx, cy));
        return flat;
      }),
    );
    items.push({ type: 'area', polygons, fill, clip: plot });
  };
  for (let i = 0; i + 1 < levels.length; i++) paint(levels[i], bandColors[i]);
  // Above the top level matplotlib leaves the plot unpainted; so do we.
  const top = levels[levels.length - 1];
  if (zMax > top) paint(nextUp(top), background);
  return items;
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
  const lines = mp.coordinates.flatMap((poly) =>
    poly.map((ring) => ring.flatMap(([cx, cy]) => [x(grid.xs[0] + (cx - 0.5) * dx), y(grid.ys[0] + (cy - 0.5) * dy)])),
  );
  return { type: 'path', lines, stroke: style.color, lineWidth: style.width, dash: DASHES[style.dash].map((d) => d * style.width), cap: 'butt', clip: plot };
}
