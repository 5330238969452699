/**
 * What a reader sees in one sampled series, as numbers: its pieces between kinks and jumps (flat,
 * rising, falling, turning once, or wavering), where it is undefined, and where it jumps.
 */
import type { ResolvedSeries } from '../model/figure.js';
import type { SeriesData } from '../core/sample-figure.js';
import { resolveActivation } from '../core/activation.js';

export type Shape =
  | { kind: 'constant'; value: number }
  | { kind: 'rising' | 'falling'; start: number; end: number; straight: boolean }
  | { kind: 'turn'; start: number; end: number; turn: 'minimum' | 'maximum'; at: number; value: number }
  | { kind: 'varying'; min: number; max: number };

export interface Piece {
  from: number;
  to: number;
  shape: Shape;
}

export interface SeriesFacts {
  pieces: Piece[];
  /** x where the series bends without jumping. */
  kinks: number[];
  jumps: { x: number; left: number; right: number; value: number }[];
  /** x where the series has no value but the same limit from both sides (a derivative at a kink of a flat stretch). */
  undefinedAt: number[];
  /** The extent of the finite values: what measured numbers are rounded against. */
  span: number;
}

/** A run of samples, x increasing, without NaN. */
type Run = { xs: number[]; ys: number[] };

function shapeOf(run: Run, span: number): Shape {
  const { xs, ys } = run;
  const n = ys.length;
  let lo = Infinity;
  let hi = -Infinity;
  let loAt = 0;
  let hiAt = 0;
  for (let i = 0; i < n; i++) {
    if (ys[i] < lo) { lo = ys[i]; loAt = i; }
    if (ys[i] > hi) { hi = ys[i]; hiAt = i; }
  }
  const tol = 1e-9 * Math.max(1, span);
  if (hi - lo <= tol) return { kind: 'constant', value: (hi + lo) / 2 };
  // Direction changes, ignoring steps smaller than the tolerance (a flat stretch is no change).
  let dir = 0;
  let changes = 0;
  for (let i = 1; i < n; i++) {
    const d = ys[i] - ys[i - 1];
    if (Math.abs(d) <= tol) continue;
    const s = Math.sign(d);
    if (dir !== 0 && s !== dir) changes++;
    dir = s;
  }
  const start = ys[0];
  const end = ys[n - 1];
  if (changes === 0) {
    // Straight: every sample on the chord from the first to the last.
    const slope = (end - start) / (xs[n - 1] - xs[0]);
    const straight = ys.every((y, i) => Math.abs(start + slope * (xs[i] - xs[0]) - y) <= 1e-6 * Math.max(1, span));
    return { kind: end > start ? 'rising' : 'falling', start, end, straight };
  }
  if (changes === 1) {
    const minimum = loAt > 0 && loAt < n - 1 && !(hiAt > 0 && hiAt < n - 1 && hi - Math.max(start, end) > Math.min(start, end) - lo);
    return minimum
      ? { kind: 'turn', start, end, turn: 'minimum', at: xs[loAt], value: lo }
      : { kind: 'turn', start, end, turn: 'maximum', at: xs[hiAt], value: hi };
  }
  return { kind: 'varying', min: lo, max: hi };
}

/** The series' kinks in x: the activation's break points that are not jumps, inside the range. */
function kinksOf(s: ResolvedSeries, lo: number, hi: number): number[] {
  if (s.network || s.derivative) return [];
  const act = resolveActivation(s.activation);
  const w = s.weights[0];
  if (!w) return [];
  // A break is a kink only where f' is undefined (activation.ts); elu with alpha = 1 is smooth at 0.
  return act.breaks
    .filter((a) => !act.jumps.includes(a) && Number.isNaN(act.df(a)))
    .map((a) => (a - s.bias) / w)
    .filter((x) => x > lo && x < hi)
    .sort((p, q) => p - q);
}

/** Splits a run at the given x values (each cut point ends one part and starts the next). */
function splitAt(run: Run, cuts: number[]): Run[] {
  const parts: Run[] = [];
  let cur: Run = { xs: [], ys: [] };
  let c = 0;
  for (let i = 0; i < run.xs.length; i++) {
    const x = run.xs[i];
    cur.xs.push(x);
    cur.ys.push(run.ys[i]);
    while (c < cuts.length && cuts[c] < x) c++;
    if (c < cuts.length && cuts[c] === x && i > 0 && i < run.xs.length - 1) {
      parts.push(cur);
      cur = { xs: [x], ys: [run.ys[i]] };
      c++;
    }
  }
  if (cur.xs.length > 0) parts.push(cur);
  return parts;
}

export function seriesFacts(s: ResolvedSeries, data: SeriesData, range: [number, number]): SeriesFacts {
  let lo = Infinity;
  let hi = -Infinity;
  for (const p of data.pieces) for (const y of p.ys) if (Number.isFinite(y)) { lo = Math.min(lo, y); hi = Math.max(hi, y); }
  const span = hi >= lo ? hi - lo : 0;
  const kinks = kinksOf(s, range[0], range[1]);
  const pieces: Piece[] = [];
  for (const p of data.pieces) {
    // NaN inside a piece is a gap: the finite stretches are runs of their own.
    let run: Run = { xs: [], ys: [] };
    const runs: Run[] = [];
    for (let i = 0; i < p.xs.length; i++) {
      if (Number.isFinite(p.ys[i])) {
        run.xs.push(p.xs[i]);
        run.ys.push(p.ys[i]);
      } else if (run.xs.length) {
        runs.push(run);
        run = { xs: [], ys: [] };
      }
    }
    if (run.xs.length) runs.push(run);
    for (const r of runs) {
      for (const part of splitAt(r, kinks)) {
        if (part.xs.length < 2) continue;
        pieces.push({ from: part.xs[0], to: part.xs[part.xs.length - 1], shape: shapeOf(part, span) });
      }
    }
  }
  // Neighbouring pieces of the same constant value (a kink between two flats) read as one.
  const merged: Piece[] = [];
  for (const piece of pieces) {
    const last = merged[merged.length - 1];
    if (last && last.to === piece.from && last.shape.kind === 'constant' && piece.shape.kind === 'constant' && last.shape.value === piece.shape.value) last.to = piece.to;
    else merged.push(piece);
  }
  const holes = data.jumps.filter((j) => j.left === j.right);
  return { pieces: merged, kinks, jumps: data.jumps.filter((j) => j.left !== j.right).map((j) => ({ ...j })), undefinedAt: holes.map((j) => j.x), span };
}
