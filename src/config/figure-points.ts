/**
 * The "data" stage of validation: each contour plot's `"data"` read (a file relative to the config,
 * size-checked on its open descriptor, hashed like a model file; or the inline rows) into points.
 * A problem in a file is reported at the file's line and column; in inline rows at the row's key.
 */
import crypto from 'node:crypto';
import path from 'node:path';
import type { ContourPlotConfig, FigureConfig } from './schema.js';
import { ConfigError, displayPath } from './messages.js';
import { readBounded, ReadRefusal } from './read-bounded.js';
import { modelPath } from '../models/model-path.js';
import { ModelError } from '../models/model-error.js';
import { DataError } from '../data/data-error.js';
import { DATA_LIMITS } from '../data/data-limits.js';
import { pointsFromCsv, pointsFromJson, pointsFromRows, type PointColumns, type ReadPoints } from '../data/read-points.js';
import type { DataPoints, FigureModels, FigurePoints } from '../model/figure.js';

type Fail = (pointer: string, detail: string) => ConfigError;

/** The classes a contour plot's surface has: a model's outputs (two or more), else two (either side of its boundary). */
export function classCount(plot: ContourPlotConfig, models: FigureModels, at: string): number {
  if (plot.network && 'file' in plot.network) return Math.max(2, models[`${at}/network`]?.outputs ?? 1);
  if (plot.network) return Math.max(2, plot.network.layers.at(-1)!.biases.length);
  return 2;
}

const parsed = new Map<string, { key: string; value: ReadPoints | DataError; sha256: string }>();

/** A file's points, read once per run for each way of reading it (the cache key has the columns). */
function readFile(real: string, cols: PointColumns): { points: ReadPoints; sha256: string } {
  const ext = path.extname(real).toLowerCase();
  if (ext !== '.csv' && ext !== '.json') throw new DataError(`unknown data format "${ext || path.basename(real)}" (expected .csv or .json)`);
  let bytes: Buffer;
  try {
    bytes = readBounded(real, DATA_LIMITS.fileBytes, 'draw fewer points, or a sample of them');
  } catch (err) {
    if (err instanceof ReadRefusal) throw new DataError(err.reason);
    throw err;
  }
  const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
  const key = `${sha256}:${JSON.stringify(cols)}`;
  const hit = parsed.get(real);
  if (hit && hit.key === key) {
    if (hit.value instanceof DataError) throw hit.value;
    return { points: hit.value, sha256 };
  }
  let value: ReadPoints | DataError;
  try {
    value = ext === '.csv' ? pointsFromCsv(bytes, cols) : pointsFromJson(bytes, cols);
  } catch (err) {
    if (!(err instanceof DataError)) throw err;
    value = err;
  }
  if (parsed.size > 64) parsed.clear();
  parsed.set(real, { key, value, sha256 });
  if (value instanceof DataError) throw value;
  return { points: value, sha256 };
}

function plotsOf(f: FigureConfig): [string, ContourPlotConfig][] {
  const plots = f.kind === 'panels' ? f.panels.map((p, i): [string, unknown] => [`/panels/${i}`, p]) : [['', f] as [string, unknown]];
  return plots.filter((e): e is [string, ContourPlotConfig] => (e[1] as { kind: string }).kind === 'contour');
}

const last = (plot: ContourPlotConfig, models: FigureModels, at: string) => {
  if (plot.perceptron) return { activation: plot.perceptron.activation, softmax: false, outputs: 1 };
  const layer = plot.network && 'file' in plot.network ? models[`${at}/network`]?.layers.at(-1) : plot.network?.layers.at(-1);
  return { activation: layer?.activation, softmax: 'softmax' in (layer ?? {}) && Boolean((layer as { softmax?: boolean }).softmax), outputs: layer?.biases.length ?? 1 };
};

/** What `view` and `classes` need of the model: names for each class, outputs that are probabilities. */
function checkSurface(plot: ContourPlotConfig, models: FigureModels, at: string, base: string, fail: Fail): void {
  const view = plot.view ?? 'output';
  const count = classCount(plot, models, at);
  if (plot.classes) {
    if (view === 'output' && plot.data?.class === undefined) {
      throw fail(`${base}${at}/classes`, '"classes" names the classes of a "view" of "class" or "probability", or of the data\'s "class" column; add one of them or remove "classes"');
    }
    if (plot.classes.length !== count) {
      const what = count === 2 && last(plot, models, at).outputs === 1 ? 'the model has one output: 2 classes, below and above its threshold' : `the model has ${count} outputs`;
      throw fail(`${base}${at}/classes`, `expected ${count} class names (${what}), got ${plot.classes.length}`);
    }
    const dup = plot.classes.find((c, i) => plot.classes!.indexOf(c) !== i);
    if (dup !== undefined) throw fail(`${base}${at}/classes`, `the class name "${dup}" is given twice`);
  }
  if (view === 'probability') {
    const l = last(plot, models, at);
    const name = typeof l.activation === 'string' ? l.activation : (l.activation as { name?: string } | undefined)?.name;
    // Several outputs become probabilities through a softmax (their own, or one applied here); one output must be one already.
    if (l.outputs === 1 && !l.softmax && name !== 'sigmoid' && name !== 'hard_sigmoid' && name !== 'step') {
      throw fail(`${base}${at}/view`, `a probability view of one output needs an output in [0, 1] (a sigmoid, hard_sigmoid or step output), got ${name ?? 'an unknown'} output; use "view": "class" or "output"`);
    }
  }
}

/** `configFile`: the config, which data files are relative to; `base`: the figure's pointer in it. */
export function loadFigurePoints(f: FigureConfig, configFile: string, base: string, fail: Fail, models: FigureModels): FigurePoints {
  const out: FigurePoints = {};
  for (const [at, plot] of plotsOf(f)) {
    checkSurface(plot, models, at, base, fail);
    const d = plot.data;
    if (!d) continue;
    const where = `${base}${at}/data`;
    if ((d.file === undefined) === (d.rows === undefined)) throw fail(where, 'give "file" (a CSV or JSON file) or "rows" (the points inline), exactly one of them');
    const cols: PointColumns = {
      x: d.x ?? 'x1',
      y: d.y ?? 'x2',
      class: d.class,
      names: plot.classes,
      classCount: plot.classes?.length ?? classCount(plot, models, at),
      maxRows: DATA_LIMITS.rows,
    };
    if (d.highlight === 'misclassified' && d.class === undefined) throw fail(`${where}/highlight`, '"misclassified" compares each point\'s class with the model\'s: name the class column with "class"');
    let points: DataPoints;
    if (d.rows) {
      const read = pointsFromRows(d.rows, cols, (i, key, message) => {
        throw fail(i < 0 ? `${where}/rows` : key === undefined ? `${where}/rows/${i}` : `${where}/rows/${i}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, message);
      });
      points = read;
    } else {
      const shownAs = path.join(path.dirname(configFile), d.file!);
      let real: string;
      try {
        real = modelPath(configFile, d.file!);
      } catch (err) {
        if (!(err instanceof ModelError)) throw err;
        throw fail(`${where}/file`, `${shownAs}: ${err.message.replace('model files', 'data files').replace('copy the model in', 'copy the file in')}`);
      }
      try {
        const { points: read, sha256 } = readFile(real, cols);
        points = { ...read, source: { file: shownAs, sha256 }, contentDigest: `${sha256}:${JSON.stringify({ x: cols.x, y: cols.y, class: cols.class ?? null, names: cols.names ?? null })}` };
      } catch (err) {
        if (!(err instanceof DataError)) throw err;
        const loc = err.line !== undefined ? { line: err.line, column: err.column ?? 1 } : undefined;
        throw new ConfigError(shownAs, '', `${err.message} (the data of ${configFile}, ${displayPath(where.slice(1).split('/'))})`, loc);
      }
    }
    out[at] = points;
  }
  return out;
}
