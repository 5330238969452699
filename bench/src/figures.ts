/** The figures the benchmark renders: the seed's, variants of them, and folders of generated configs. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadFile } from '../../dist/pipeline/plan.js';
import { parseConfigText } from '../../dist/config/load.js';
import { validateConfig } from '../../dist/config/validate.js';
import type { ResolvedFigure } from '../../dist/model/figure.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface SeedFigure {
  kind: string;
  what: string;
  figure: ResolvedFigure;
}

function fromFile(file: string, name: string): ResolvedFigure {
  const { jobs, errors } = loadFile(path.join(ROOT, file));
  if (errors.length) throw new Error(errors[0].message);
  const job = jobs.find((j) => j.figure.name === name);
  if (!job) throw new Error(`no figure ${name} in ${file}`);
  return job.figure;
}

/** One figure of each kind in the seed article, from the configs that ship. */
export function seedFigures(): SeedFigure[] {
  return [
    { kind: 'line', what: 'ReLU, 100 samples', figure: fromFile('configs/relu.json', 'relu') },
    { kind: 'line', what: 'step, 500 samples, legend', figure: fromFile('configs/step.json', 'step') },
    { kind: 'contour', what: 'ReLU perceptron, 101², 101 levels', figure: fromFile('configs/perceptron-contours.json', 'perceptron-relu-1') },
    { kind: 'contour', what: 'step perceptron + boundary', figure: fromFile('configs/perceptron-contours.json', 'perceptron-step-1') },
    { kind: 'panels', what: 'ReLU beside step, 1400 × 560', figure: fromFile('configs/perceptron-compare.json', 'perceptron-compare-1') },
  ];
}

/** A config object validated and resolved like a file on disk. */
export function resolve(config: object): ResolvedFigure {
  const v = validateConfig(parseConfigText('bench.json', Buffer.from(JSON.stringify(config))));
  if (v.errors.length) throw new Error(v.errors[0].message);
  return v.figures[0].figure;
}

/** The seed's first contour (w = (1, 2), b = -5, ReLU) with some keys replaced. */
export function contourConfig(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'bench-contour',
    kind: 'contour',
    title: 'Perceptron Outputs (ReLU)',
    x: { label: 'x1', range: [-5, 5], step: 0.1 },
    y: { label: 'x2', range: [-5, 5], step: 0.1 },
    perceptron: { weights: [1, 2], bias: -5, activation: 'relu' },
    levels: 101,
    colormap: 'coolwarm',
    alpha: 0.8,
    colorbar: { ticks: 5 },
    ...over,
  };
}

export function lineConfig(samples: number): Record<string, unknown> {
  return {
    name: 'bench-line',
    kind: 'line',
    title: 'ReLU function',
    x: { label: 'x', range: [-10, 10], samples, ticks: 2 },
    y: { label: 'f(x)' },
    grid: true,
    series: [{ activation: 'relu' }],
  };
}

/**
 * `count` distinct contour figures, one config file each (as a docs build keeps them), in
 * `<dir>/configs`: weights, bias and activation vary so no two images are alike.
 */
export function writeContourConfigs(dir: string, count: number): string {
  const configs = path.join(dir, 'configs');
  fs.mkdirSync(configs, { recursive: true });
  const activations = ['relu', 'step', 'sigmoid', 'tanh'];
  for (let i = 0; i < count; i++) {
    const name = `contour-${String(i).padStart(4, '0')}`;
    const fig = contourConfig({
      name,
      title: `Perceptron ${i}`,
      perceptron: { weights: [1 + (i % 7) * 0.25, 2 - (i % 5) * 0.5], bias: -5 + (i % 11), activation: activations[i % 4] },
      boundary: i % 3 === 0,
    });
    fs.writeFileSync(path.join(configs, `${name}.json`), `${JSON.stringify(fig, null, 2)}\n`);
  }
  return configs;
}
