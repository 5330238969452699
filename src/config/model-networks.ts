/**
 * The "model" stage of validation: every `"network": { "file": ... }` of a figure is read (once per
 * run, see models/read-model-file.ts) and checked against how the figure draws it: the inputs it
 * plots, the output it names, the panels `"neurons"` would add. Returns the loaded models by their
 * JSON pointer within the figure, for resolveFigure.
 */
import path from 'node:path';
import type { AxisConfig, FigureConfig, FileNetworkConfig, PlotConfig } from './schema.js';
import { isFileNetwork } from './is-file-network.js';
import type { ConfigError } from './messages.js';
import { LIMITS } from './limits.js';
import { loadModel, type FigureModels, type LoadedModel } from '../models/load-model.js';
import { ModelError } from '../models/model-error.js';
import { MODEL_LIMITS } from '../models/model-limits.js';
import { DEFAULTS } from './defaults.js';
import { stepRangeLength } from '../core/sample.js';
import { checkDiagramSizes } from './check-diagram.js';
import { DATA_LIMITS } from '../data/data-limits.js';

export type { FigureModels, LoadedModel };

type Fail = (pointer: string, detail: string) => ConfigError;

/** Each plot of a figure with its pointer within the figure. */
function plotsOf(f: FigureConfig): [string, PlotConfig][] {
  return f.kind === 'panels' ? f.panels.map((p, i): [string, PlotConfig] => [`/panels/${i}`, p]) : [['', f]];
}

export function loadFigureModels(f: FigureConfig, configFile: string, base: string, fail: Fail): FigureModels {
  const models: FigureModels = {};
  if (f.sweep && !f.sweep.values && /(^|\.)network\.(output|file)$/.test(f.sweep.path)) {
    throw fail(`${base}/sweep/path`, `"${f.sweep.path}" cannot be swept over a range (a range varies a number continuously); give the frames' "values" instead, e.g. a list of checkpoint files`);
  }
  const frames = f.sweep ? (f.sweep.values?.length ?? f.sweep.frames ?? 1) : 1;
  for (const [at, plot] of plotsOf(f)) {
    const nets: [string, FileNetworkConfig, number][] = [];
    if (plot.kind === 'contour') {
      if (plot.network && isFileNetwork(plot.network)) nets.push([`${at}/network`, plot.network, 2]);
    } else if (plot.kind === 'diagram') {
      // A diagram draws the whole model: any number of inputs and outputs (DIAGRAM below).
      const net = plot.network as FileNetworkConfig | undefined;
      if (net && isFileNetwork(net)) nets.push([`${at}/network`, net, DIAGRAM]);
    } else {
      plot.series.forEach((s, i) => {
        if (s.network && isFileNetwork(s.network)) nets.push([`${at}/series/${i}/network`, s.network, 1]);
      });
    }
    for (const [ptr, net, plotted] of nets) {
      const where = `${base}${ptr}`;
      let model: LoadedModel;
      try {
        model = loadModel(configFile, net.file, net.layers);
      } catch (err) {
        if (!(err instanceof ModelError)) throw err;
        throw fail(`${where}/file`, `${path.join(path.dirname(configFile), net.file)}: ${err.message}`);
      }
      checkUse(model, net, plotted, where, fail, plot.kind === 'contour' && (plot.view ?? 'output') !== 'output');
      if (plot.kind === 'diagram') {
        const inputs = net.inputs ? net.inputs.filter((v) => v === 'x' || v === 'y').length : model.inputs;
        checkDiagramSizes(plot, inputs, model.outputs, `${base}${at}`, fail);
      }
      const hidden = model.layers.slice(0, -1).reduce((s, l) => s + l.biases.length, 0);
      const panels = plot.kind === 'contour' && plot.neurons ? hidden + 1 : 1;
      if (panels > LIMITS.panels) throw fail(`${base}${at}/neurons`, `the model has ${hidden} hidden neurons: ${panels} panels, over the limit of ${LIMITS.panels}`);
      const params = model.layers.reduce((s, l) => s + l.biases.length * (l.weights[0]?.length ?? 0), 0);
      const points = plot.kind === 'diagram' ? 1
        : plot.kind === 'contour'
        ? axisPoints(plot.x, DEFAULTS.contourRange, DEFAULTS.contourStep) * axisPoints(plot.y, DEFAULTS.contourRange, DEFAULTS.contourStep)
        : plot.x?.samples ?? (plot.x?.step ? axisPoints(plot.x, DEFAULTS.lineRange, undefined) : DEFAULTS.lineSamples);
      const work = points * params * panels * frames;
      if (work > MODEL_LIMITS.work) {
        throw fail(`${base}${at}/x`, `drawing ${net.file} takes ${points} points × ${params} weights${panels > 1 ? ` × ${panels} panels` : ''}${f.sweep ? ` × ${frames} frames` : ''} = ${work.toExponential(2)} multiply-adds; the limit is ${MODEL_LIMITS.work.toExponential(0)}: sample fewer points or draw a smaller model`);
      }
      models[ptr] = { ...model, file: path.join(path.dirname(configFile), net.file) };
    }
  }
  return models;
}

/** `plotted` of a diagram's network: it plots no axis, and shows every input and output. */
const DIAGRAM = -1;

/** A diagram's `inputs` (optional): one entry per model input, "x" and "y" at most once each. */
function checkDiagramUse(model: LoadedModel, net: FileNetworkConfig, at: string, fail: Fail): void {
  if (net.inputs) {
    if (net.inputs.length !== model.inputs) throw fail(`${at}/inputs`, `expected ${model.inputs} entries (one per input of the model), got ${net.inputs.length}`);
    for (const axis of ['x', 'y']) {
      const n = net.inputs.filter((v) => v === axis).length;
      if (n > 1) throw fail(`${at}/inputs`, `expected "${axis}" at most once (a diagram keeps the inputs named "x" and "y" and folds the numbers into the biases), got it ${n} times`);
    }
    if (!net.inputs.some((v) => v === 'x' || v === 'y')) throw fail(`${at}/inputs`, 'expected "x" or "y" among the inputs (the ones the diagram draws); without "inputs" it draws every input');
  }
  if (net.output !== undefined && net.output >= model.outputs) {
    throw fail(`${at}/output`, `the model has ${model.outputs} output${model.outputs === 1 ? '' : 's'} (0 to ${model.outputs - 1}), got ${net.output}`);
  }
}

/** `inputs` and `output` against the model: every input given, "x" (and "y") once, an output that exists. */
/** `classifier`: a class or probability view, which draws every output, so none needs choosing. */
function checkUse(model: LoadedModel, net: FileNetworkConfig, plotted: number, at: string, fail: Fail, classifier = false): void {
  if (plotted === DIAGRAM) return checkDiagramUse(model, net, at, fail);
  const axes = plotted === 2 ? ['x', 'y'] : ['x'];
  const what = plotted === 2 ? 'a contour plots 2 inputs, "x" and "y"' : 'a line series plots 1 input, "x"';
  if (!net.inputs) {
    if (model.inputs !== plotted) {
      throw fail(at, `the model takes ${model.inputs} input${model.inputs === 1 ? '' : 's'} and ${what}: give "inputs" with one entry per model input, e.g. [${Array.from({ length: model.inputs }, (_, i) => (i < plotted ? `"${axes[i]}"` : '0')).join(', ')}]`);
    }
  } else {
    if (net.inputs.length !== model.inputs) throw fail(`${at}/inputs`, `expected ${model.inputs} entries (one per input of the model), got ${net.inputs.length}`);
    for (const axis of ['x', 'y']) {
      const n = net.inputs.filter((v) => v === axis).length;
      const want = axes.includes(axis) ? 1 : 0;
      if (n !== want) throw fail(`${at}/inputs`, `expected "${axis}" ${want === 1 ? 'exactly once' : 'not at all'} (${what}), got it ${n} time${n === 1 ? '' : 's'}`);
    }
  }
  if (classifier && model.outputs > DATA_LIMITS.classes) {
    throw fail(at, `the model has ${model.outputs} outputs; a class view colours at most ${DATA_LIMITS.classes} classes`);
  }
  if (net.output === undefined) {
    if (model.outputs !== 1 && !classifier) {
      const soft = model.layers.at(-1)!.softmax ? ` (a softmax over ${model.outputs} classes)` : '';
      throw fail(at, `the model has ${model.outputs} outputs${soft}; choose the one to draw with "output": 0 to ${model.outputs - 1}, or draw the classes with "view": "class"`);
    }
  } else if (net.output >= model.outputs) {
    throw fail(`${at}/output`, `the model has ${model.outputs} output${model.outputs === 1 ? '' : 's'} (0 to ${model.outputs - 1}), got ${net.output}`);
  }
}

/** Points an axis is sampled at, without allocating. */
function axisPoints(a: AxisConfig | undefined, range: readonly [number, number], defaultStep: number | undefined): number {
  const [lo, hi] = a?.range ?? range;
  if (a?.samples !== undefined) return a.samples;
  const step = a?.step ?? defaultStep;
  return step === undefined ? 0 : stepRangeLength(lo, hi, step);
}
