/**
 * Filled contour bands. Layout emits a FieldItem (the sampled surface with its levels and band
 * colours); raster output colours pixels from it (render/raster-field.ts), vector output asks
 * `fieldAreas` for polygons: marching squares is d3-contour's, and each polygon "z >= level i" is
 * painted over the previous one in increasing order (painter's algorithm), so neighbouring bands
 * share no anti-aliased edge and no hairline seam can show between them at any scale.
 */
import { contours } from 'd3-contour';
import type { AreaItem, FieldItem, Item, Rect } from '../layout/scene.js';
import type { LinearScale } from '../scale/linear.js';
import { linearScale } from '../scale/linear.js';
import type { Grid } from '../core/sample.js';
import { nextUp } from '../core/float.js';
import type { ResolvedBoundary } from '../config/defaults.js';

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

/** The field as band polygons, for vector output. */
export function fieldAreas(field: FieldItem): AreaItem[] {
  const { nx, ny, x0, x1, y0, y1 } = field.grid;
  const { rect } = field;
  const x = linearScale(field.xDomain, [rect.x, rect.x + rect.width]);
  const y = linearScale(field.yDomain, [rect.y + rect.height, rect.y]);
  const dx = nx > 1 ? (x1 - x0) / (nx - 1) : 0;
  const dy = ny > 1 ? (y1 - y0) / (ny - 1) : 0;
  // d3-contour puts sample i at coordinate i + 0.5; map that back to data, then to pixels.
  const gen = contours().size([nx, ny]).smooth(true);
  const values = Array.from(field.grid.z);
  let zMax = -Infinity;
  for (const v of values) if (v > zMax) zMax = v;
  const items: AreaItem[] = [];
  const paint = (level: number, fill: string) => {
    const mp = gen.contour(values, level);
    if (mp.coordinates.length === 0) return;
    const polygons = mp.coordinates.map((poly) => poly.map((ring) => ring.flatMap(([cx, cy]) => [x(x0 + (cx - 0.5) * dx), y(y0 + (cy - 0.5) * dy)])));
    items.push({ type: 'area', polygons, fill, clip: rect });
  };
  const { levels, colors } = field;
  for (let i = 0; i + 1 < levels.length; i++) paint(levels[i], colors[i]);
  // Above the top level matplotlib leaves the plot unpainted; so do we.
  const top = levels[levels.length - 1];
  if (zMax > top) paint(nextUp(top), field.background);
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
