/**
 * Per figure and per stage: sample, layout, draw, encode, write, timed one by one through the
 * functions render/figure.ts composes (its PNG backend, with the encode synchronous here so that it
 * can be timed alone), medians over repeated runs after a warm-up. The floor is measured in the
 * same loop, between figures, so drift on a shared machine hits both alike.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sampleFigure, type FigureData } from '../../dist/core/sample-figure.js';
import { layoutFigure } from '../../dist/layout/layout-figure.js';
import { recycleGridBuffer } from '../../dist/core/grid-buffers.js';
import { encodePng, measureText } from '../../dist/render/canvas.js';
import { drawScene } from '../../dist/render/draw.js';
import { acquireRaster, releaseRaster, type Raster } from '../../dist/render/raster-pool.js';
import type { Scene } from '../../dist/scene/scene.js';
import { writeAtomic } from '../../dist/pipeline/write.js';
import type { ResolvedFigure } from '../../dist/model/figure.js';
import { median } from './stats.js';
import { contourFloor } from './floor.js';
import type { SeedFigure } from './figures.js';

export const STAGES = ['sample', 'layout', 'draw', 'encode', 'write'] as const;
export type Stage = (typeof STAGES)[number];

export interface StageTimes {
  sample: number;
  layout: number;
  draw: number;
  encode: number;
  write: number;
  /** sample + layout + draw + encode: the render, what the floor is compared with. */
  render: number;
  bytes: number;
  width: number;
  height: number;
}

/** The stages of a PNG figure, as render/figure.ts runs them. */
export const stages = {
  sample: (fig: ResolvedFigure): FigureData => sampleFigure(fig),
  layout: (fig: ResolvedFigure, data: FigureData): Scene => layoutFigure(fig, data, measureText),
  draw: (scene: Scene, scale: number): Raster => {
    const r = acquireRaster(scene.width, scene.height, scale);
    drawScene(r.ctx, scene, { rasterScale: scale });
    for (const item of scene.items) if (item.type === 'field' && item.grid.z instanceof Float64Array) recycleGridBuffer(item.grid.z);
    return r;
  },
  encode: (r: Raster): Buffer => {
    try {
      return encodePng(r.surface);
    } finally {
      releaseRaster(r);
    }
  },
};

/** One pass through the stages; `dir` receives the file. */
export function runStages(fig: ResolvedFigure, dir: string): StageTimes {
  const t0 = performance.now();
  const data = stages.sample(fig);
  const t1 = performance.now();
  const scene = stages.layout(fig, data);
  const t2 = performance.now();
  const raster = stages.draw(scene, fig.scale);
  const t3 = performance.now();
  const { width, height } = raster.surface;
  const bytes = stages.encode(raster);
  const t4 = performance.now();
  writeAtomic(dir, `${fig.name}.png`, bytes);
  const t5 = performance.now();
  return {
    sample: t1 - t0, layout: t2 - t1, draw: t3 - t2, encode: t4 - t3, write: t5 - t4, render: t4 - t0,
    bytes: bytes.length, width, height,
  };
}

export function medianTimes(runs: StageTimes[]): StageTimes {
  const m = (k: keyof StageTimes) => median(runs.map((r) => r[k]));
  return { sample: m('sample'), layout: m('layout'), draw: m('draw'), encode: m('encode'), write: m('write'), render: m('render'), bytes: runs[0].bytes, width: runs[0].width, height: runs[0].height };
}

/** `warmup` then `runs` passes of `fig`, medians. */
export function measure(fig: ResolvedFigure, runs: number, warmup: number, dir: string): StageTimes {
  const out: StageTimes[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    const t = runStages(fig, dir);
    if (i >= warmup) out.push(t);
  }
  return medianTimes(out);
}

export interface FloorTimes {
  fill: number;
  put: number;
  encode: number;
  total: number;
  bytes: number;
}

export interface FigureRow extends StageTimes {
  name: string;
  kind: string;
  what: string;
  /** render / floor, both medians of this run. */
  ratio: number;
}

export interface StagesResult {
  floor: FloorTimes;
  figures: FigureRow[];
}

/**
 * The seed figures and the floor, interleaved: each round runs the floor once and every figure
 * once. The floor's function, levels and colours are those of the first contour figure.
 */
export function stagesAndFloor(seed: SeedFigure[], runs: number, warmup: number): StagesResult {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'actiplot-bench-stages-'));
  try {
    const contour = seed.find((s) => s.kind === 'contour')!.figure;
    const floor = contourFloor(contour, stages.layout(contour, stages.sample(contour)));
    const floorBytes = floor.run().length;
    const floorRuns: FloorTimes[] = [];
    const figRuns = seed.map(() => [] as StageTimes[]);
    for (let round = 0; round < warmup + runs; round++) {
      const f = floor.timed();
      if (round >= warmup) floorRuns.push({ ...f, bytes: floorBytes });
      seed.forEach((s, i) => {
        const t = runStages(s.figure, dir);
        if (round >= warmup) figRuns[i].push(t);
      });
    }
    const fm = (k: keyof FloorTimes) => median(floorRuns.map((r) => r[k]));
    const floorMedian: FloorTimes = { fill: fm('fill'), put: fm('put'), encode: fm('encode'), total: fm('total'), bytes: floorBytes };
    const figures = seed.map((s, i) => {
      const t = medianTimes(figRuns[i]);
      return { name: s.figure.name, kind: s.kind, what: s.what, ...t, ratio: t.render / floorMedian.total };
    });
    return { floor: floorMedian, figures };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
