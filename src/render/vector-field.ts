/**
 * A contour field as band polygons, for vector output (SVG, PDF). Marching squares is d3-contour's,
 * and each polygon "z >= level i" is painted over the previous one in increasing order (painter's
 * algorithm), so neighbouring bands share no anti-aliased edge and no hairline seam can show
 * between them at any scale.
 */
import { contours } from 'd3-contour';
import type { AreaItem, FieldItem } from '../scene/scene.js';
import { linearScale } from '../scale/linear.js';
import { nextUp } from '../core/float.js';

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
  if (field.classes) {
    classAreas(field.classes, levels, colors, values.length, (grid, level, fill) => {
      values.splice(0, values.length, ...grid);
      paint(level, fill);
    });
    return items;
  }
  for (let i = 0; i + 1 < levels.length; i++) paint(levels[i], colors[i]);
  // Above the top level matplotlib leaves the plot unpainted; so do we.
  const top = levels[levels.length - 1];
  if (zMax > top) paint(nextUp(top), field.background);
  return items;
}

/**
 * A classifier's regions as polygons: class c where its margin over the best other class,
 * m = s_c − max_{j≠c} s_j, is above 0 (traced on the margin itself, so the edge is the one the
 * boundary lines follow); in a probability view each band within it where also p_c ≥ the band's
 * level (min(m, p_c − level) ≥ 0), in painter's order. The first class of a class view is painted
 * under everything, so the regions leave no gap.
 */
function classAreas(classes: NonNullable<FieldItem['classes']>, levels: readonly number[], colors: readonly string[], n: number, paint: (grid: number[], level: number, fill: string) => void): void {
  const k = classes.channels.length;
  const bands = levels.length - 1;
  const margin = new Float64Array(n);
  const grid = new Array<number>(n);
  for (let c = 0; c < k; c++) {
    const mine = classes.channels[c];
    for (let o = 0; o < n; o++) {
      let other = -Infinity;
      for (let j = 0; j < k; j++) if (j !== c && classes.channels[j][o] > other) other = classes.channels[j][o];
      margin[o] = mine[o] - other;
    }
    if (classes.mode === 'class') {
      for (let o = 0; o < n; o++) grid[o] = c === 0 ? 1 : margin[o];
      paint(grid, 0, colors[c]);
      continue;
    }
    for (let b = 0; b < bands; b++) {
      for (let o = 0; o < n; o++) grid[o] = Math.min(margin[o], mine[o] - levels[b]);
      paint(grid, 0, colors[c * bands + b]);
    }
  }
}
