/**
 * Models: loading and sampling a 2-64-64-1 network read from an ONNX file over a 101² grid, beside
 * the same network typed into a config, so a reader sees whether loading dominates a figure.
 * Loads are cold (the per-run cache cleared before each), as the first figure of a run sees them.
 */
import path from 'node:path';
import { loadModel } from '../../dist/models/load-model.js';
import { clearModelCache } from '../../dist/models/read-model-file.js';
import { sampleFigure } from '../../dist/core/sample-figure.js';
import { parseConfigText } from '../../dist/config/load.js';
import { validateConfig } from '../../dist/config/validate.js';
import type { ResolvedFigure } from '../../dist/model/figure.js';
import { ROOT } from './figures.js';
import { median, ms, time } from './stats.js';

export interface ModelsResult {
  model: string;
  grid: string;
  /** Median milliseconds. */
  loadMs: number;
  validateFileMs: number;
  validateTypedMs: number;
  sampleFileMs: number;
  sampleTypedMs: number;
  /** Load as a share of (load + sample) for the file figure. */
  loadShare: number;
}

const FIXTURE = 'test/fixtures/models/bench-2-64-64-1.onnx';

function resolveIn(dir: string, config: object): ResolvedFigure {
  const v = validateConfig(parseConfigText(path.join(dir, 'bench.json'), Buffer.from(JSON.stringify(config))));
  if (v.errors.length) throw new Error(v.errors[0].message);
  return v.figures[0].figure;
}

export async function models(runs: number, warmup: number): Promise<ModelsResult> {
  const dir = path.join(ROOT, path.dirname(FIXTURE));
  const file = path.basename(FIXTURE);
  const grid = { x: { range: [-5, 5], step: 0.1 }, y: { range: [-5, 5], step: 0.1 } };
  const fromFile = { name: 'm', kind: 'contour', network: { file }, ...grid };
  const loaded = loadModel(path.join(dir, 'bench.json'), file, undefined);
  const typed = { name: 't', kind: 'contour', network: { layers: loaded.layers }, ...grid };
  const samples = { load: [] as number[], vFile: [] as number[], vTyped: [] as number[], sFile: [] as number[], sTyped: [] as number[] };
  let figFile: ResolvedFigure | undefined;
  let figTyped: ResolvedFigure | undefined;
  for (let i = 0; i < warmup + runs; i++) {
    const keep = i >= warmup;
    clearModelCache();
    const load = time(() => loadModel(path.join(dir, 'bench.json'), file, undefined));
    clearModelCache();
    const vFile = time(() => (figFile = resolveIn(dir, fromFile)));
    const vTyped = time(() => (figTyped = resolveIn(dir, typed)));
    const sFile = time(() => sampleFigure(figFile!));
    const sTyped = time(() => sampleFigure(figTyped!));
    if (keep) {
      samples.load.push(load);
      samples.vFile.push(vFile);
      samples.vTyped.push(vTyped);
      samples.sFile.push(sFile);
      samples.sTyped.push(sTyped);
    }
  }
  const loadMs = median(samples.load);
  const sampleFileMs = median(samples.sFile);
  return {
    model: `${FIXTURE} (${loaded.layers.map((l) => l.weights[0].length).join('-')}-${loaded.outputs})`,
    grid: '101²',
    loadMs,
    validateFileMs: median(samples.vFile),
    validateTypedMs: median(samples.vTyped),
    sampleFileMs,
    sampleTypedMs: median(samples.sTyped),
    loadShare: loadMs / (loadMs + sampleFileMs),
  };
}

export function modelsMarkdown(r: ModelsResult): string {
  return [
    `### Models: ${r.model}, ${r.grid} grid`,
    '',
    '| | from the ONNX file | typed in the config |',
    '| --- | ---: | ---: |',
    `| read + parse the file (cold) | ${ms(r.loadMs)} ms | – |`,
    `| validate + resolve the figure (cold load included for the file) | ${ms(r.validateFileMs)} ms | ${ms(r.validateTypedMs)} ms |`,
    `| sample the grid | ${ms(r.sampleFileMs)} ms | ${ms(r.sampleTypedMs)} ms |`,
    `| loading's share of load + sample | ${(100 * r.loadShare).toFixed(1)} % | – |`,
    '',
  ].join('\n');
}
