/**
 * What a reader sees in a sampled surface, as numbers: its lowest and highest values and where they
 * are, and the regions where it lies above a level (connected parts of the grid, each with its
 * share of the plot and its centre), or, for a classifier, where each class wins.
 */
import type { Grid } from '../core/sample.js';

export interface Extremes {
  min: number;
  max: number;
  /** Grid points of the minimum and maximum (the first in row order when several share it). */
  minAt: [number, number];
  maxAt: [number, number];
  /** Whether the minimum or maximum is taken on a whole stretch, not at one point. */
  minFlat: boolean;
  maxFlat: boolean;
}

export function extremes(grid: Grid): Extremes {
  const { xs, ys, z } = grid;
  const nx = xs.length;
  let lo = Infinity;
  let hi = -Infinity;
  let loAt = 0;
  let hiAt = 0;
  for (let k = 0; k < z.length; k++) {
    const v = z[k];
    if (v < lo) { lo = v; loAt = k; }
    if (v > hi) { hi = v; hiAt = k; }
  }
  let loCount = 0;
  let hiCount = 0;
  for (let k = 0; k < z.length; k++) {
    if (z[k] === lo) loCount++;
    if (z[k] === hi) hiCount++;
  }
  const at = (k: number): [number, number] => [xs[k % nx], ys[Math.floor(k / nx)]];
  return { min: lo, max: hi, minAt: at(loAt), maxAt: at(hiAt), minFlat: loCount > 2, maxFlat: hiCount > 2 };
}

export interface Region {
  /** Share of the grid's points. */
  share: number;
  /** Mean position of its points. */
  centre: [number, number];
}

/** Connected parts (4-neighbours) of the grid points where `inside(k)`; largest first. */
export function regions(grid: Grid, inside: (k: number) => boolean): Region[] {
  const nx = grid.xs.length;
  const ny = grid.ys.length;
  const seen = new Uint8Array(nx * ny);
  const stack = new Int32Array(nx * ny);
  const out: Region[] = [];
  for (let start = 0; start < nx * ny; start++) {
    if (seen[start] || !inside(start)) continue;
    let top = 0;
    let count = 0;
    let sx = 0;
    let sy = 0;
    stack[top++] = start;
    seen[start] = 1;
    while (top > 0) {
      const k = stack[--top];
      const i = k % nx;
      const j = (k - i) / nx;
      count++;
      sx += grid.xs[i];
      sy += grid.ys[j];
      const visit = (n: number) => {
        if (!seen[n] && inside(n)) {
          seen[n] = 1;
          stack[top++] = n;
        }
      };
      if (i > 0) visit(k - 1);
      if (i < nx - 1) visit(k + 1);
      if (j > 0) visit(k - nx);
      if (j < ny - 1) visit(k + nx);
    }
    out.push({ share: count / (nx * ny), centre: [sx / count, sy / count] });
  }
  return out.sort((a, b) => b.share - a.share);
}

/** The grid points above `level`. */
export function regionsAbove(grid: Grid, level: number): Region[] {
  return regions(grid, (k) => grid.z[k] > level);
}

export interface ClassArea {
  index: number;
  /** Share of the grid where this class has the highest output. */
  share: number;
  regions: Region[];
}

/** For each class (one grid per output), where it has the highest value; ties go to the lower index. */
export function classAreas(grids: readonly Grid[]): ClassArea[] {
  const n = grids[0]?.z.length ?? 0;
  const winner = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    let best = 0;
    for (let c = 1; c < grids.length; c++) if (grids[c].z[k] > grids[best].z[k]) best = c;
    winner[k] = best;
  }
  return grids.map((g, c) => {
    const rs = regions(g, (k) => winner[k] === c);
    return { index: c, share: rs.reduce((s, r) => s + r.share, 0), regions: rs };
  });
}

/** Where a point lies in the plot, in thirds: 'upper left', 'centre', 'bottom', ... */
export type Place = 'upper left' | 'top' | 'upper right' | 'left' | 'centre' | 'right' | 'lower left' | 'bottom' | 'lower right';

export function placeOf([x, y]: [number, number], [x0, x1]: [number, number], [y0, y1]: [number, number]): Place {
  const col = Math.min(2, Math.max(0, Math.floor(((x - x0) / (x1 - x0)) * 3)));
  const row = Math.min(2, Math.max(0, Math.floor(((y - y0) / (y1 - y0)) * 3)));
  const names: Place[][] = [
    ['lower left', 'bottom', 'lower right'],
    ['left', 'centre', 'right'],
    ['upper left', 'top', 'upper right'],
  ];
  return names[row][col];
}
