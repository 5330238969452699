/**
 * The sample stage: a resolved figure in, the numbers to draw out (Float64Arrays, no pixels).
 */
import { nextDown, nextUp } from './float.js';
import { resolveActivation, type Activation } from './activation.js';
import { finiteExtent, gridExtent, linspace, sampleGrid, samplePlane, stepRange, withBreaks, type Grid } from './sample.js';
import { evaluator } from './network.js';
import { buildNetwork } from './build-network.js';
import { classScores, surfaceOf } from './surface.js';
import { gridBuffer } from './grid-buffers.js';
import { sampleDiagram, type DiagramData } from './sample-diagram.js';
import type { NetworkSpec, ResolvedAxis, ResolvedContourPlot, ResolvedFigure, ResolvedLinePlot, ResolvedPlot, ResolvedSeries } from '../model/figure.js';

/** A jump of a series at x: the value there and the limits from each side. */
export interface Jump {
  x: number;
  value: number;
  left: number;
  right: number;
}

export interface SeriesData {
  /** Continuous pieces: the line is never drawn across a jump. NaN inside a piece is a gap. */
  pieces: { xs: Float64Array; ys: Float64Array }[];
  jumps: Jump[];
}

export interface LineData {
  kind: 'line';
  series: SeriesData[];
  /** Finite extent of all y values (NaN, NaN when there is none). */
  yExtent: [number, number];
}

export interface ContourData {
  kind: 'contour';
  grid: Grid;
  zExtent: [number, number];
  /** The level values, increasing; band i covers levels[i]..levels[i+1]. */
  levels: number[];
  /** A class or probability view: each class's scores on the grid (grid.z is the winner's). */
  channels?: Float64Array[];
  /** With data classes: the model's class at each data point, evaluated there (not interpolated). */
  predicted?: Int32Array;
}

export type { DiagramData };
export type PlotData = LineData | ContourData | DiagramData;

export interface PanelsData {
  kind: 'panels';
  panels: PlotData[];
}

export type FigureData = PlotData | PanelsData;

export function axisSamples(axis: ResolvedAxis & { range: [number, number] }): Float64Array {
  const [lo, hi] = axis.range;
  return axis.step !== undefined ? stepRange(lo, hi, axis.step) : linspace(lo, hi, axis.samples ?? 2);
}

/** A network of one input and one output, sampled as is (its kinks are not known in closed form). */
function sampleNetworkSeries(spec: NetworkSpec, xs: Float64Array): SeriesData {
  const run = evaluator(buildNetwork(spec));
  const input = new Float64Array(1);
  const ys = new Float64Array(xs.length);
  const k = spec.output ?? 0;
  for (let i = 0; i < xs.length; i++) {
    input[0] = xs[i];
    ys[i] = run(input).at(-1)![k];
  }
  return { pieces: [{ xs, ys }], jumps: [] };
}

function sampleSeries(s: ResolvedSeries, base: Float64Array): SeriesData {
  if (s.network) return sampleNetworkSeries(s.network, base);
  const act: Activation = resolveActivation(s.activation);
  const w = s.weights[0];
  const fn = s.derivative ? act.df : act.f;
  // Break points live in a-space; x = (a - b) / w. A derivative jumps wherever f has a kink.
  const toX = (a: number) => (a - s.bias) / w;
  const breaksX = w === 0 ? [] : act.breaks.map(toX);
  const jumpsA = s.derivative ? act.breaks : act.jumps;
  const xs = withBreaks(base, breaksX);
  const ys = new Float64Array(xs.length);
  for (let i = 0; i < xs.length; i++) ys[i] = fn(w * xs[i] + s.bias);

  const lo = xs[0];
  const hi = xs[xs.length - 1];
  const jumps: Jump[] = [];
  if (w !== 0) {
    for (const a of jumpsA) {
      const x = toX(a);
      if (!(x > lo && x < hi)) continue;
      // One-sided limits from the neighbouring doubles of a (exact for the piecewise activations
      // here). Left of x in x-space is below a when w > 0, above it when w < 0.
      const below = fn(nextDown(a));
      const above = fn(nextUp(a));
      const [left, right] = w > 0 ? [below, above] : [above, below];
      const value = fn(a);
      // A break where the function is continuous after all (elu' with alpha = 1) is no jump.
      if (left === right && value === left) continue;
      jumps.push({ x, value, left, right });
    }
  }
  jumps.sort((p, q) => p.x - q.x);

  // Split into pieces at the jumps; each piece ends and starts at the one-sided limits.
  const pieces: SeriesData['pieces'] = [];
  let start = 0;
  let head: [number, number] | undefined;
  for (const j of jumps) {
    const end = xs.indexOf(j.x); // withBreaks put every break into xs exactly
    pieces.push(piece(head, xs, ys, start, end, [j.x, j.left]));
    head = [j.x, j.right];
    start = end + 1;
  }
  pieces.push(head ? piece(head, xs, ys, start, xs.length, undefined) : { xs, ys });
  return { pieces, jumps };
}

/** xs/ys[start..end) between an optional first point and an optional last point, copied once. */
function piece(first: [number, number] | undefined, xs: Float64Array, ys: Float64Array, start: number, end: number, last: [number, number] | undefined): { xs: Float64Array; ys: Float64Array } {
  const lead = first ? 1 : 0;
  const n = lead + (end - start) + (last ? 1 : 0);
  const px = new Float64Array(n);
  const py = new Float64Array(n);
  if (first) [px[0], py[0]] = first;
  px.set(xs.subarray(start, end), lead);
  py.set(ys.subarray(start, end), lead);
  if (last) [px[n - 1], py[n - 1]] = last;
  return { xs: px, ys: py };
}

export function sampleLine(fig: ResolvedLinePlot): LineData {
  const base = axisSamples(fig.x);
  const series = fig.series.map((s, i) => {
    const data = sampleSeries(s, base);
    checkFiniteSeries(s, i, data);
    return data;
  });
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of series) {
    for (const p of s.pieces) {
      const [a, b] = finiteExtent(p.ys);
      if (a < lo) lo = a;
      if (b > hi) hi = b;
    }
  }
  return { kind: 'line', series, yExtent: lo <= hi ? [lo, hi] : [NaN, NaN] };
}

/** A classifier's scores on the grid: one grid per class, and the winner's score as z. */
function sampleClasses(fig: ResolvedContourPlot, xs: Float64Array, ys: Float64Array): { grid: Grid; channels: Float64Array[] } {
  const k = fig.classes!.count;
  const scores = classScores(surfaceOf(fig));
  const n = xs.length * ys.length;
  const channels = Array.from({ length: k }, () => gridBuffer(n));
  const z = gridBuffer(n);
  const out = new Float64Array(k);
  let o = 0;
  for (let j = 0; j < ys.length; j++) {
    for (let i = 0; i < xs.length; i++, o++) {
      const win = scores(xs[i], ys[j], out);
      for (let c = 0; c < k; c++) channels[c][o] = out[c];
      z[o] = out[win];
    }
  }
  return { grid: { xs, ys, z }, channels };
}

/** The model's class at each data point (as `classScores` decides it). */
function predictPoints(fig: ResolvedContourPlot): Int32Array | undefined {
  const d = fig.data;
  if (!d || !fig.classes || d.points.classes[0] === -1) return undefined;
  const scores = classScores({ ...surfaceOf(fig), view: fig.view === 'probability' ? 'probability' : 'class' });
  const out = new Float64Array(fig.classes.count);
  return Int32Array.from(d.points.xs, (x, i) => scores(x, d.points.ys[i], out));
}

export function sampleContour(fig: ResolvedContourPlot): ContourData {
  const xs = axisSamples(fig.x);
  const ys = axisSamples(fig.y);
  const predicted = predictPoints(fig);
  if (fig.view === 'class' || fig.view === 'probability') {
    const { grid, channels } = sampleClasses(fig, xs, ys);
    const zExtent = finiteZExtent(fig, grid);
    const k = fig.classes!.count;
    // The winner's probability lies between 1/k (all equal) and 1.
    const levels = contourLevels(fig.levels, [1 / k, 1]);
    return { kind: 'contour', grid, zExtent, levels, channels, ...(predicted ? { predicted } : {}) };
  }
  let grid: Grid;
  if (fig.network) {
    const { spec, layer, neuron } = fig.network;
    const run = evaluator(buildNetwork(spec), layer);
    const input = new Float64Array(2);
    grid = sampleGrid(xs, ys, (x1, x2) => {
      input[0] = x1;
      input[1] = x2;
      return run(input)[layer][neuron];
    });
  } else {
    const p = fig.perceptron!;
    const [w1, w2] = p.weights;
    grid = samplePlane(xs, ys, w1, w2, p.bias, resolveActivation(p.activation).f);
  }
  const zExtent = finiteZExtent(fig, grid);
  return { kind: 'contour', grid, zExtent, levels: contourLevels(fig.levels, zExtent), ...(predicted ? { predicted } : {}) };
}

/** A number for a message: NaN, Infinity, or at most 6 significant digits. */
const shown = (v: number) => (Number.isFinite(v) ? String(Number(v.toPrecision(6))) : String(v));

/**
 * A surface that is NaN or ±Infinity somewhere would draw as a blank or a wrong picture: an error
 * instead, naming the first layer (and neuron) whose output stops being finite at that point.
 * Otherwise the surface's min and max.
 */
function finiteZExtent(fig: ResolvedContourPlot, grid: Grid): [number, number] {
  const z = grid.z;
  const k = gridExtent(z);
  if (typeof k !== 'number') return k;
  const nx = grid.xs.length;
  const x1 = grid.xs[k % nx];
  const x2 = grid.ys[Math.floor(k / nx)];
  const where = `at x1 = ${shown(x1)}, x2 = ${shown(x2)}`;
  if (!fig.network) {
    throw new Error(`the perceptron's output is ${z[k]} ${where}; use smaller weights or bias, or another activation`);
  }
  throw new Error(`${firstNonFiniteLayer(fig.network.spec, [x1, x2], fig.network.layer)} ${where}; use smaller weights or biases`);
}

/** `network.layers[2], neuron 5 gives Infinity`: the first place a forward pass leaves the finite numbers. */
function firstNonFiniteLayer(spec: NetworkSpec, input: number[], upTo: number): string {
  const outs = evaluator(buildNetwork(spec))(input);
  for (let l = 0; l <= Math.min(upTo, outs.length - 1); l++) {
    const j = outs[l].findIndex((v) => !Number.isFinite(v));
    if (j >= 0) return `the network's output is not finite: network.layers[${l}] (of ${spec.layers.length}), neuron ${j}, gives ${outs[l][j]}`;
  }
  return 'the network\'s output is not finite';
}

/** A series that is NaN or ±Infinity where it is drawn (a derivative may be NaN where it is undefined). */
function checkFiniteSeries(s: ResolvedSeries, index: number, data: SeriesData): void {
  for (const p of data.pieces) {
    for (let i = 0; i < p.ys.length; i++) {
      const y = p.ys[i];
      if (Number.isFinite(y) || (s.derivative && Number.isNaN(y))) continue;
      const where = `at x = ${shown(p.xs[i])}`;
      if (s.network) throw new Error(`series[${index}]: ${firstNonFiniteLayer(s.network, [p.xs[i]], s.network.layers.length - 1)} ${where}; use smaller weights or biases`);
      throw new Error(`series[${index}] ("${s.label}") is ${y} ${where}; use a smaller weight or bias, or another activation`);
    }
  }
  for (const j of data.jumps) {
    for (const y of [j.value, j.left, j.right]) {
      if (Number.isFinite(y) || (s.derivative && Number.isNaN(y))) continue;
      throw new Error(`series[${index}] ("${s.label}") jumps to ${y} at x = ${shown(j.x)}; use a smaller weight or bias, or another activation`);
    }
  }
}

export { buildNetwork };

/**
 * A count of levels spreads them evenly over z's extent (the seed's linspace(0, z.max, 101)). A
 * constant surface, where matplotlib raises, gets one band centred on its value.
 */
export function contourLevels(spec: number | readonly number[], [lo, hi]: [number, number]): number[] {
  if (Array.isArray(spec)) return [...spec];
  const n = spec as number;
  if (!(hi > lo)) {
    const v = Number.isFinite(lo) ? lo : 0;
    const half = v === 0 ? 0.5 : Math.abs(v) * 0.05;
    return [v - half, v + half];
  }
  return Array.from(linspace(lo, hi, n));
}

export function samplePlot(plot: ResolvedPlot): PlotData {
  if (plot.kind === 'diagram') return sampleDiagram(plot);
  return plot.kind === 'line' ? sampleLine(plot) : sampleContour(plot);
}

/**
 * Samples every plot of a figure. Panels that share a colour scale get the same levels, spread over
 * the extent of all their surfaces, with the first contour panel's level spec.
 */
export function sampleFigure(fig: ResolvedFigure): FigureData {
  if (fig.kind !== 'panels') return samplePlot(fig);
  const panels = fig.panels.map(samplePlot);
  if (fig.sharedColorbar) {
    // Class and probability views keep their own scale (classes, or p from 1/k to 1).
    const sharing = (p: ResolvedPlot): p is ResolvedContourPlot => p.kind === 'contour' && (p.view ?? 'output') === 'output';
    const contours = panels.filter((d, i): d is ContourData => d.kind === 'contour' && sharing(fig.panels[i]));
    const first = fig.panels.find(sharing);
    if (first && contours.length > 0) {
      const lo = Math.min(...contours.map((d) => d.zExtent[0]));
      const hi = Math.max(...contours.map((d) => d.zExtent[1]));
      const levels = contourLevels(first.levels, [lo, hi]);
      for (const d of contours) d.levels = levels;
    }
  }
  return { kind: 'panels', panels };
}
