/**
 * The cost of a resolved figure (budget.ts) against BUDGETS: counted from its sizes alone, before
 * any grid, sample or canvas is allocated, so a config within every single limit cannot multiply
 * them into hours of work or gigabytes of memory.
 */
import { stepRangeLength } from '../core/sample.js';
import { BUDGETS, LIMITS, type BudgetName } from './limits.js';
import { sheetIndices, sweepFrames } from './sweep.js';
import { needsScan } from './sweep-scale.js';
import type { NetworkSpec, ResolvedAxis, ResolvedFigure, ResolvedPlot } from '../model/figure.js';

export interface FigureCost {
  work: number;
  gridPoints: number;
  framePixels: number;
  vectorBands: number;
  panels: number;
}

/** Operations per evaluation of the whole network: every layer runs, whichever neuron is drawn. */
export function networkOps(spec: NetworkSpec): number {
  let ops = 0;
  for (const l of spec.layers) {
    for (const row of l.weights) ops += row.length + 2; // multiply-adds, the bias, the activation
  }
  return ops;
}

function points(a: ResolvedAxis): number {
  const [lo, hi] = a.range ?? [0, 0];
  if (a.step !== undefined) return stepRangeLength(lo, hi, a.step);
  return a.samples ?? 2;
}

/**
 * Evaluations per device pixel with `"sampling": "pixel"`: one at its centre, and 16 more at the
 * pixels on an edge (a quarter of them, generously: an edge crosses a few pixels of each row).
 */
export const PIXEL_EVALUATIONS = 1 + 16 * 0.25;

/** `pixels`: the device pixels a pixel-sampled raster evaluates (its cell × scale²), 0 for vector output. */
function plotCost(p: ResolvedPlot, pixels = 0): { work: number; grid: number; bands: number } {
  // A diagram evaluates its network once at most, and draws each shown edge once.
  if (p.kind === 'diagram') return { work: networkOps(p.network), grid: 0, bands: 0 };
  if (p.kind === 'contour') {
    const n = points(p.x as ResolvedAxis) * points(p.y);
    const per = p.network ? networkOps(p.network.spec) : 3;
    const levels = typeof p.levels === 'number' ? p.levels : p.levels.length;
    // A class view traces (and for vector output paints) each class's regions: levels per class.
    const traced = p.classes && p.view && p.view !== 'output' ? p.classes.count * (p.view === 'probability' ? levels : 1) : levels;
    const exact = p.sampling === 'pixel' ? pixels * PIXEL_EVALUATIONS * per : 0;
    return { work: n * per + exact, grid: n * (1 + (p.view && p.view !== 'output' ? (p.classes?.count ?? 0) : 0)), bands: n * traced };
  }
  const n = points(p.x as ResolvedAxis);
  let per = 0;
  for (const s of p.series) per += s.network ? networkOps(s.network) : 3;
  return { work: n * per, grid: 0, bands: 0 };
}

/** One still image: its plots' work, the grids held at once, its pixels and its vector bands. */
function stillCost(fig: ResolvedFigure): { work: number; grid: number; bands: number; pixels: number; panels: number } {
  const plots = fig.kind === 'panels' ? fig.panels : [fig];
  const raster = fig.format !== 'svg' && fig.format !== 'pdf';
  const cells = fig.kind === 'panels' ? fig.columns * Math.ceil(fig.panels.length / fig.columns) : 1;
  const cellPixels = raster ? (fig.width * fig.height * fig.scale * fig.scale) / cells : 0;
  let work = 0;
  let grid = 0;
  let bands = 0;
  for (const p of plots) {
    const c = plotCost(p, cellPixels);
    work += c.work;
    grid += c.grid;
    bands += c.bands;
  }
  return { work, grid, bands, pixels: fig.width * fig.height * fig.scale * fig.scale, panels: plots.length };
}

/**
 * The cost of a figure. A sweep is counted frame by frame, from each frame's own resolved config
 * (a swept step or width changes what a frame costs): an animation draws every frame, one at a
 * time; its contact sheet (a PNG output) holds `sheet` of them at once as panels.
 */
export function figureCost(fig: ResolvedFigure): FigureCost {
  const vector = fig.format === 'svg' || fig.format === 'pdf';
  if (fig.sweep === null) {
    const c = stillCost(fig);
    return { work: c.work, gridPoints: c.grid, framePixels: 0, vectorBands: vector ? c.bands : 0, panels: c.panels };
  }
  const resolved = sweepFrames(fig);
  const frames = resolved.map(stillCost);
  const animated = fig.format === 'gif' || fig.format === 'apng';
  const drawn = animated ? frames : sheetIndices(frames.length, fig.sweep.sheet).map((i) => frames[i]);
  const sum = (f: (c: (typeof frames)[number]) => number) => drawn.reduce((t, c) => t + f(c), 0);
  // A fixed colour scale samples every frame once first, to find the extent of all of them.
  const scan = fig.sweep.colorScale === 'fixed' && resolved.some(needsScan) ? frames.reduce((t, c) => t + c.work, 0) : 0;
  return {
    work: sum((c) => c.work) + scan,
    gridPoints: animated ? Math.max(...drawn.map((c) => c.grid)) : sum((c) => c.grid),
    framePixels: animated ? sum((c) => c.pixels) : 0,
    vectorBands: 0,
    panels: Math.max(...frames.map((c) => c.panels)),
  };
}

const WHAT: Record<BudgetName, string> = {
  work: 'the work budget (sample points × operations per point, all panels, series and frames)',
  gridPoints: 'the memory budget for grids (grid points of all panels held at once)',
  framePixels: 'the animation budget (pixels of all frames)',
  vectorBands: 'the vector budget (grid points × contour levels, for SVG and PDF)',
};

const HINT: Record<BudgetName, string> = {
  work: 'use a coarser grid (a larger step or fewer samples), a smaller network or fewer frames',
  gridPoints: 'use coarser grids or fewer panels',
  framePixels: 'use fewer frames or a smaller width, height or scale',
  vectorBands: 'use fewer levels or a coarser grid, or render PNG',
};

function sci(n: number): string {
  return n >= 1e6 ? n.toExponential(2).replace('e+', 'e') : String(Math.round(n));
}

/**
 * One phrase per exceeded budget: which one, how much the figure needs, and by how much it is over.
 */
export interface BudgetProblem {
  detail: string;
  /** The config key to point at, when one key made the cost (`"neurons": true`). */
  key?: string;
}

export function budgetProblems(fig: ResolvedFigure): BudgetProblem[] {
  const cost = figureCost(fig);
  const out: BudgetProblem[] = [];
  if (fig.kind === 'panels' && cost.panels > LIMITS.panels) {
    out.push({ key: 'neurons', detail: `the figure would have ${cost.panels} panels (one per hidden neuron with "neurons": true, and the output); the limit is ${LIMITS.panels}` });
  }
  for (const name of Object.keys(BUDGETS) as BudgetName[]) {
    const need = cost[name];
    const budget = BUDGETS[name];
    if (!(need <= budget)) {
      out.push({ detail: `over ${WHAT[name]}: needs ${sci(need)}, the budget is ${sci(budget)} (${Number((need / budget).toPrecision(3))}× over); ${HINT[name]}` });
    }
  }
  return out;
}
