/**
 * How cost grows: contour grid points at a fixed image size, line samples, and image size (scale).
 * Each point is the median render (sample + layout + draw + encode) of the same figure with one
 * setting changed, and its ratio to the first point of its series.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { contourConfig, lineConfig, resolve } from './figures.js';
import { measure, type StageTimes } from './stages.js';

export interface ScalePoint extends StageTimes {
  label: string;
  /** The setting: grid points per side, samples, or scale. */
  n: number;
  /** render / render of the first point. */
  ratio: number;
}

export interface ScalingResult {
  grid: ScalePoint[];
  line: ScalePoint[];
  size: ScalePoint[];
}

function series(points: { label: string; n: number; config: object; runs: number }[], warmup: number, dir: string): ScalePoint[] {
  const out: ScalePoint[] = [];
  for (const p of points) {
    const t = measure(resolve(p.config), p.runs, warmup, dir);
    out.push({ label: p.label, n: p.n, ...t, ratio: t.render / (out[0]?.render ?? t.render) });
  }
  return out;
}

export function scaling(runs: number, warmup: number): ScalingResult {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'actiplot-bench-scaling-'));
  // Large inputs take long; fewer repetitions keep the whole benchmark in minutes.
  const fewer = (n: number) => Math.max(3, Math.ceil(runs / n));
  try {
    // 1001² gets every repetition: its 8 MB grid is where fresh memory used to cost 3 ms a figure
    // in about a third of the runs (src/core/grid-buffers.ts), and few repetitions would hide
    // such a split.
    const grid = series(
      [101, 301, 1001, 2001].map((n) => ({
        label: `${n}²`, n, runs: n > 1001 ? fewer(3) : runs,
        config: contourConfig({ x: { label: 'x1', range: [-5, 5], samples: n }, y: { label: 'x2', range: [-5, 5], samples: n } }),
      })),
      warmup, dir,
    );
    const line = series(
      [100, 1_000, 10_000, 100_000, 1_000_000].map((n) => ({ label: n.toLocaleString('en-US'), n, runs: n >= 100_000 ? fewer(3) : runs, config: lineConfig(n) })),
      warmup, dir,
    );
    const size = series(
      [1, 2, 3, 4].map((s) => ({ label: `${800 * s} × ${600 * s}`, n: s, runs: s > 2 ? fewer(3) : runs, config: contourConfig({ scale: s }) })),
      warmup, dir,
    );
    return { grid, line, size };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
