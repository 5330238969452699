/**
 * Sampling helpers with numpy's semantics, so a config reproduces the seed's arrays exactly.
 */
import { gridBuffer } from './grid-buffers.js';

/** numpy.linspace(start, stop, n): n points, both ends included, the last exactly `stop`. */
export function linspace(start: number, stop: number, n: number): Float64Array {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`linspace: n must be a whole number >= 0, got ${n}`);
  const out = new Float64Array(n);
  if (n === 0) return out;
  const div = n - 1;
  const step = div > 0 ? (stop - start) / div : 0;
  for (let i = 0; i < n; i++) out[i] = start + i * step;
  if (n > 1) out[n - 1] = stop;
  return out;
}

/**
 * numpy.arange(start, stop, step): half-open, ceil((stop - start) / step) points start + i·step.
 * The seed's arange(-5, 5.1, 0.1) is 101 points ending at 5. Empty when the range runs the other way.
 */
export function arange(start: number, stop: number, step: number): Float64Array {
  if (!(step !== 0) || !Number.isFinite(step)) throw new RangeError(`arange: step must be a finite non-zero number, got ${step}`);
  const n = Math.max(0, Math.ceil((stop - start) / step));
  if (!Number.isFinite(n)) throw new RangeError(`arange: start and stop must be finite, got ${start}, ${stop}`);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = start + i * step;
  return out;
}

/** Relative slack for deciding that a step "lands on" the end point: a few ulps of the step count. */
const LANDS_ON = 1e-9;

/**
 * Every `step` from `start` up to `stop`, with `stop` included when it lands on it within rounding.
 * This is what a config's `{ "range": [-5, 5], "step": 0.1 }` means: the same 101 points as the
 * seed's arange(-5, 5.1, 0.1), ending exactly at 5.
 */
export function stepRange(start: number, stop: number, step: number): Float64Array {
  if (!(step > 0) || !Number.isFinite(step)) throw new RangeError(`stepRange: step must be a finite number > 0, got ${step}`);
  if (!Number.isFinite(start) || !Number.isFinite(stop)) throw new RangeError(`stepRange: start and stop must be finite, got ${start}, ${stop}`);
  if (stop < start) return new Float64Array(0);
  const q = (stop - start) / step;
  const whole = Math.round(q);
  const lands = Math.abs(q - whole) <= LANDS_ON * Math.max(1, whole);
  const n = (lands ? whole : Math.floor(q)) + 1;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = start + i * step;
  if (lands) out[n - 1] = stop;
  return out;
}

/** Number of points stepRange would return, without allocating (used to enforce limits first). */
export function stepRangeLength(start: number, stop: number, step: number): number {
  if (!(step > 0) || stop < start) return 0;
  const q = (stop - start) / step;
  const whole = Math.round(q);
  return (Math.abs(q - whole) <= LANDS_ON * Math.max(1, whole) ? whole : Math.floor(q)) + 1;
}

/**
 * A row-major grid: z[j * xs.length + i] = fn(xs[i], ys[j]), like numpy.meshgrid's indexing='xy'
 * (rows follow y). Row 0 is the first y value (the bottom of a plot with y pointing up).
 */
export interface Grid {
  readonly xs: Float64Array;
  readonly ys: Float64Array;
  readonly z: Float64Array;
}

export function sampleGrid(xs: Float64Array, ys: Float64Array, fn: (x: number, y: number) => number): Grid {
  const nx = xs.length;
  const z = gridBuffer(nx * ys.length); // every value written below
  for (let j = 0; j < ys.length; j++) {
    const y = ys[j];
    const row = j * nx;
    for (let i = 0; i < nx; i++) z[row + i] = fn(xs[i], y);
  }
  return { xs, ys, z };
}

type PlaneRows = (z: Float64Array, wx: Float64Array, ys: Float64Array, w2: number, b: number, f: (a: number) => number) => void;

/** The loop over the grid: z = f(w1·x + w2·y + b), row by row, with w1·x given per column. */
const PLANE_ROWS = `return function planeRows(z, wx, ys, w2, b, f) {
  const nx = wx.length;
  let o = 0;
  for (let j = 0; j < ys.length; j++) {
    const wy = w2 * ys[j];
    for (let i = 0; i < nx; i++, o++) z[o] = f(wx[i] + wy + b);
  }
};`;

const rowLoops = new WeakMap<(a: number) => number, PlaneRows>();

/**
 * The loop for one activation function: a copy of PLANE_ROWS of its own. V8 inlines a call whose
 * target it has always seen to be the same, so in a copy that only ever calls ReLU, ReLU costs
 * about 2 ns a point; one shared loop that has called several activations pays for a call through
 * an unknown target every time (about 7 ns: 1001² points took 10 ms, not 3). The source is the
 * constant above, never data.
 */
function rowsFor(f: (a: number) => number): PlaneRows {
  let loop = rowLoops.get(f);
  if (!loop) {
    loop = new Function(PLANE_ROWS)() as PlaneRows;
    rowLoops.set(f, loop);
  }
  return loop;
}

/**
 * A perceptron's surface z = f(w1·x + w2·y + b) on the grid, without a closure per point: the
 * products w1·x are computed once per column, so each point costs two additions and f. The sums
 * are formed in the same order as `f(w1 * x + w2 * y + b)`, so every value is the same to the last
 * bit. For large grids this is most of the sample stage.
 */
export function samplePlane(xs: Float64Array, ys: Float64Array, w1: number, w2: number, b: number, f: (a: number) => number): Grid {
  const nx = xs.length;
  const z = gridBuffer(nx * ys.length); // every value written by planeRows
  const wx = new Float64Array(nx);
  for (let i = 0; i < nx; i++) wx[i] = w1 * xs[i];
  rowsFor(f)(z, wx, ys, w2, b, f);
  return { xs, ys, z };
}

/** Min and max ignoring NaN; [NaN, NaN] when there is no number. */
export function extent(values: ArrayLike<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo > hi ? [NaN, NaN] : [lo, hi];
}

/**
 * A grid's min and max, or the index of its first value that is not finite (NaN, ±Infinity): the
 * check and the extent in one pass, which for a million-point grid is a pass over 8 MB saved.
 */
export function gridExtent(z: ArrayLike<number>): [number, number] | number {
  let lo = Infinity;
  let hi = -Infinity;
  // v * 0 is 0 for a finite v and NaN otherwise: one sum says whether any value is not finite,
  // without a branch per value (the loop runs a million times for a 1001² grid).
  let nonFinite = 0;
  for (let i = 0; i < z.length; i++) {
    const v = z[i];
    nonFinite += v * 0;
    lo = v < lo ? v : lo;
    hi = v > hi ? v : hi;
  }
  if (nonFinite !== 0) {
    for (let i = 0; i < z.length; i++) if (z[i] - z[i] !== 0) return i;
  }
  return lo > hi ? [NaN, NaN] : [lo, hi];
}

/** Min and max of the finite values; [NaN, NaN] when there is none. Allocates nothing. */
export function finiteExtent(values: ArrayLike<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v - v !== 0) continue; // NaN or ±Infinity
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo > hi ? [NaN, NaN] : [lo, hi];
}

/**
 * Sample positions for a line over [start, stop]: the regular samples plus each break point of the
 * function that falls strictly inside, so a kink (ReLU at 0) is drawn exactly, not cut like
 * matplotlib's 100-sample ReLU. Sorted, without duplicates.
 */
export function withBreaks(xs: Float64Array, breaks: readonly number[]): Float64Array {
  if (xs.length === 0) return xs;
  const lo = xs[0];
  const hi = xs[xs.length - 1];
  const extra = breaks.filter((b) => b > lo && b < hi && !xs.includes(b));
  if (extra.length === 0) return xs;
  const out = new Float64Array(xs.length + extra.length);
  if (!isSorted(xs)) {
    out.set(xs);
    out.set(extra, xs.length);
    return out.sort();
  }
  // xs is sorted (every axis is): merge the few breaks in rather than sort a million samples.
  let i = 0;
  let o = 0;
  for (const b of Float64Array.from(extra).sort()) {
    while (i < xs.length && xs[i] < b) out[o++] = xs[i++];
    out[o++] = b;
  }
  while (i < xs.length) out[o++] = xs[i++];
  return out;
}

function isSorted(xs: Float64Array): boolean {
  for (let i = 1; i < xs.length; i++) if (!(xs[i - 1] <= xs[i])) return false;
  return true;
}
