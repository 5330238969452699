/**
 * 100 seed-style contour figures (800 × 600, 101² grid, 101 levels, coolwarm) as whole processes,
 * side by side with their yardsticks, the variants alternating round by round:
 * - `actiplot render` of the 100 configs (default --jobs, a fresh output folder), and with --jobs 1
 *   and 2;
 * - the floor program (floor-program.ts): node-canvas colouring the same pixels from each figure's
 *   function and encoding with four encodes in flight;
 * - matplotlib drawing the same 100 figures in one Python process (contourf + colorbar + savefig),
 *   when Debian's python3-matplotlib is installed;
 * - one figure from a cold start: `actiplot render` of one config into a fresh folder, and the floor
 *   program on that one figure; and, to show where that time goes, the same figure drawn by a process
 *   that loads only the drawing code (draw-only.ts), `actiplot validate` of the config (the CLI
 *   starting, reading and checking it), `actiplot --version` (the CLI starting) and Node alone.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadFile } from '../../dist/pipeline/plan.js';
import { sceneFor } from '../../dist/render/figure.js';
import { cssToBytes } from '../../dist/scale/colormap.js';
import type { FieldItem } from '../../dist/scene/scene.js';
import type { FloorFigure } from './floor-program.js';
import { median } from './stats.js';
import { ROOT, writeContourConfigs } from './figures.js';

const BIN = path.join(ROOT, 'bin/actiplot.js');
const FLOOR = path.join(ROOT, 'bench/dist/floor-program.js');
const DRAW_ONLY = path.join(ROOT, 'bench/dist/draw-only.js');
const MATPLOTLIB = path.join(ROOT, 'bench/matplotlib/contours.py');
/** Debian's Python, where python3-matplotlib installs (a python3 earlier on PATH may be another). */
const PYTHON = fs.existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

/** Wall milliseconds of a command from spawn to exit; rejects unless it exits 0. */
function timed(cmd: string, args: string[], cwd: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { cwd, env: { ...process.env, CI: 'true' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(performance.now() - t0) : reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}: ${stderr}`))));
  });
}

const word = (css: string) => {
  const [r, g, b] = cssToBytes(css);
  return ((255 << 24) | (b << 16) | (g << 8) | r) >>> 0;
};

/** What the floor and matplotlib need to draw the figures of `configs`: actiplot's own levels, colours and domain. */
export function floorFigures(configs: string): (FloorFigure & { title: string })[] {
  return fs.readdirSync(configs).sort().map((file) => {
    const fig = loadFile(path.join(configs, file)).jobs[0].figure;
    if (fig.kind !== 'contour' || !fig.perceptron) throw new Error(`${file}: not a perceptron contour`);
    const field = sceneFor(fig).items.find((i): i is FieldItem => i.type === 'field')!;
    return {
      name: fig.name,
      title: fig.title,
      activation: fig.perceptron.activation as FloorFigure['activation'],
      weights: fig.perceptron.weights,
      bias: fig.perceptron.bias,
      levels: field.levels,
      words: field.colors.map(word),
      background: word(field.background),
      xDomain: field.xDomain,
      yDomain: field.yDomain,
    };
  });
}

function hasMatplotlib(): Promise<boolean> {
  return timed(PYTHON, ['-c', 'import matplotlib'], ROOT).then(() => true, () => false);
}

export interface ContoursResult {
  figures: number;
  /** Medians, ms. */
  render: number;
  jobs1: number;
  jobs2: number;
  floor: number;
  matplotlib: number | null;
  single: number;
  floorSingle: number;
  /** The one figure drawn by a process that loads only the drawing code; `actiplot validate` of its config; `actiplot --version`; node running an empty module. */
  drawOnly: number;
  validate: number;
  version: number;
  node: number;
  /** render / floor; matplotlib / render; single / floorSingle. */
  renderOfFloor: number;
  matplotlibOfRender: number | null;
  /** matplotlib drawing the one figure from a cold start (a Python process), when installed. */
  matplotlibSingle: number | null;
  singleOfFloor: number;
  cores: number;
  runs: Record<string, number[]>;
}

export async function contours(count: number, rounds: number, matplotlibRounds: number): Promise<ContoursResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'actiplot-bench-contours-'));
  try {
    const configs = writeContourConfigs(dir, count);
    const figures = floorFigures(configs);
    fs.writeFileSync(path.join(dir, 'figures.json'), JSON.stringify(figures));
    fs.writeFileSync(path.join(dir, 'one.json'), JSON.stringify(figures.slice(0, 1)));
    fs.mkdirSync(path.join(dir, 'one'));
    fs.copyFileSync(path.join(configs, fs.readdirSync(configs).sort()[0]), path.join(dir, 'one', 'figure.json'));
    fs.writeFileSync(path.join(dir, 'empty.mjs'), '');
    fs.writeFileSync(path.join(dir, 'resolved.json'), JSON.stringify(loadFile(path.join(dir, 'one', 'figure.json')).jobs[0].figure));
    const fresh = (name: string) => {
      const out = path.join(dir, name);
      fs.rmSync(out, { recursive: true, force: true });
      return out;
    };
    const render = (jobs?: number) => ['render', 'configs', '--out', fresh('out'), '--quiet', ...(jobs ? ['--jobs', String(jobs)] : [])];
    const variants: Record<string, () => Promise<number>> = {
      render: () => timed(process.execPath, [BIN, ...render()], dir),
      jobs1: () => timed(process.execPath, [BIN, ...render(1)], dir),
      jobs2: () => timed(process.execPath, [BIN, ...render(2)], dir),
      floor: () => timed(process.execPath, [FLOOR, 'figures.json', fresh('floor')], dir),
      single: () => timed(process.execPath, [BIN, 'render', 'one', '--out', fresh('out-one'), '--quiet'], dir),
      floorSingle: () => timed(process.execPath, [FLOOR, 'one.json', fresh('floor-one')], dir),
      drawOnly: () => timed(process.execPath, [DRAW_ONLY, 'resolved.json', fresh('draw-one')], dir),
      validate: () => timed(process.execPath, [BIN, 'validate', 'one'], dir),
      version: () => timed(process.execPath, [BIN, '--version'], dir),
      node: () => timed(process.execPath, ['empty.mjs'], dir),
    };
    const order = Object.keys(variants);
    const runs: Record<string, number[]> = Object.fromEntries([...order, 'matplotlib'].map((k) => [k, []]));
    // A warm-up round: file caches, the compiled code's first load.
    for (const k of order) await variants[k]();
    for (let i = 0; i < rounds; i++) {
      for (let k = 0; k < order.length; k++) {
        const v = order[(i + k) % order.length];
        runs[v].push(await variants[v]());
      }
    }
    const mpl = await hasMatplotlib();
    for (let i = 0; mpl && i < matplotlibRounds; i++) {
      runs.matplotlib.push(await timed(PYTHON, [MATPLOTLIB, 'figures.json', fresh('mpl')], dir));
      runs.render.push(await variants.render());
    }
    // The one figure a user edits and re-renders, as matplotlib draws it from a cold start.
    runs.matplotlibSingle = [];
    for (let i = 0; mpl && i < rounds; i++) {
      runs.matplotlibSingle.push(await timed(PYTHON, [MATPLOTLIB, 'one.json', fresh('mpl-one')], dir));
    }
    const m = (k: string) => median(runs[k]);
    const matplotlib = mpl ? m('matplotlib') : null;
    const matplotlibSingle = mpl ? m('matplotlibSingle') : null;
    return {
      figures: count, render: m('render'), jobs1: m('jobs1'), jobs2: m('jobs2'), floor: m('floor'), matplotlib, single: m('single'), floorSingle: m('floorSingle'), drawOnly: m('drawOnly'), validate: m('validate'), version: m('version'), node: m('node'),
      matplotlibSingle, renderOfFloor: m('render') / m('floor'), matplotlibOfRender: matplotlib === null ? null : matplotlib / m('render'), singleOfFloor: m('single') / m('floorSingle'),
      cores: os.availableParallelism(), runs,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
