/**
 * Defaults live here, not in the CLI's option table: a function from a validated config to a fully
 * resolved figure, so every later stage reads plain, complete data.
 */
import path from 'node:path';
import type { AxisConfig, ContourPlotConfig, FigureConfig, LinePlotConfig, PlotConfig } from './schema.js';
import { isFileNetwork } from './is-file-network.js';
import { resolveActivation } from '../core/activation.js';
import type {
  FigureModels, FigurePoints, NetworkSpec, ResolvedClasses, Output, ResolvedAxis, ResolvedBoundary, ResolvedContour, ResolvedContourPlot, ResolvedFigure,
  ResolvedLine, ResolvedLinePlot, ResolvedPlot, ResolvedPoint, ResolvedSweep, FigureJson,
} from '../model/figure.js';
import { fileNetwork } from './file-network.js';
import { resolveDiagram } from './resolve-diagram.js';

export const DEFAULTS = {
  width: 800,
  height: 600,
  /** Line figures sample their x range at this many points unless told otherwise. */
  lineSamples: 200,
  /** Line figures span this x range unless told otherwise. */
  lineRange: [-5, 5] as [number, number],
  /** Contour figures cover the seed's square with the seed's spacing. */
  contourRange: [-5, 5] as [number, number],
  contourStep: 0.1,
  /** The seed's `levels=np.linspace(0, z.max, 101)`. */
  levels: 101,
  colormap: 'coolwarm',
} as const;

/** matplotlib's default colour cycle (tab10), so series get the colours readers already know. */
export const SERIES_COLORS = [
  '#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd',
  '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf',
] as const;

function axis(a: AxisConfig | undefined, fallback: Partial<ResolvedAxis>): ResolvedAxis {
  return {
    label: a?.label ?? fallback.label ?? '',
    range: a?.range ? [a.range[0], a.range[1]] : fallback.range,
    samples: a?.samples ?? (a?.step === undefined ? fallback.samples : undefined),
    step: a?.step ?? (a?.samples === undefined ? fallback.step : undefined),
    ticks: a?.ticks,
  };
}

function resolvePoints(points: LinePlotConfig['points']): ResolvedPoint[] {
  return (points ?? []).map((p) => ({ at: [p.at[0], p.at[1]], label: p.label ?? '', color: p.color ?? '#000000' }));
}

function resolveLine(f: LinePlotConfig, models: FigureModels, at: string): ResolvedLinePlot {
  const x = axis(f.x, { range: DEFAULTS.lineRange, samples: DEFAULTS.lineSamples });
  return {
    kind: 'line',
    title: f.title ?? '',
    grid: f.grid ?? false,
    points: resolvePoints(f.points),
    x: x as ResolvedLine['x'],
    y: axis(f.y, {}),
    legend: f.legend ?? f.series.some((s) => s.label !== undefined),
    series: f.series.map((s, i) => ({
      activation: s.activation ?? 'identity',
      network: !s.network ? null : isFileNetwork(s.network) ? fileNetwork(s.network, models[`${at}/series/${i}/network`], ['x']) : s.network,
      weights: s.weights ?? [1],
      bias: s.bias ?? 0,
      derivative: s.derivative ?? false,
      label: s.label ?? (s.network ? (isFileNetwork(s.network) ? path.basename(s.network.file) : 'network') : `${resolveActivation(s.activation ?? 'identity').name}${s.derivative ? "'" : ''}`),
      color: s.color ?? SERIES_COLORS[i % SERIES_COLORS.length],
      jumps: s.jumps ?? 'markers',
    })),
  };
}

/** The seed's boundary: "the green dotted line" (緑色の点線). */
export const DEFAULT_BOUNDARY: ResolvedBoundary = { color: 'green', dash: 'dotted', width: 2 * (100 / 72), label: false };

/** tab20, for classifiers of more than ten classes (tab10 is its even entries). */
const TAB20 = [
  '#1f77b4', '#aec7e8', '#ff7f0e', '#ffbb78', '#2ca02c', '#98df8a', '#d62728', '#ff9896', '#9467bd', '#c5b0d5',
  '#8c564b', '#c49c94', '#e377c2', '#f7b6d2', '#7f7f7f', '#c7c7c7', '#bcbd22', '#dbdb8d', '#17becf', '#9edae5',
] as const;

/** The classes of a surface: tab10's colours (matplotlib's categorical default), tab20's past ten. */
export function resolveClasses(count: number, names: readonly string[] | undefined): ResolvedClasses {
  const palette: readonly string[] = count <= SERIES_COLORS.length ? SERIES_COLORS : TAB20;
  return { count, names: names ? [...names] : null, colors: Array.from({ length: count }, (_, k) => palette[k % palette.length]) };
}

/** Classes a contour's surface has: its network's outputs (two or more), else two (either side of the boundary). */
function surfaceClasses(net: NetworkSpec | undefined): number {
  return Math.max(2, net?.layers.at(-1)?.biases.length ?? 1);
}

/** Class views are lighter by default so data points read over them (scikit-learn's examples use alpha 0.5). */
export const CLASS_ALPHA = 0.6;

function resolveContour(f: ContourPlotConfig, models: FigureModels, at: string, points: FigurePoints = {}): ResolvedContourPlot {
  const net: NetworkSpec | undefined = !f.network ? undefined : isFileNetwork(f.network) ? fileNetwork(f.network, models[`${at}/network`], ['x', 'y']) : f.network;
  const square = { range: DEFAULTS.contourRange, step: DEFAULTS.contourStep };
  const cb = f.colorbar ?? true;
  const b = f.boundary ?? false;
  const view = f.view ?? 'output';
  const classed = view !== 'output' || f.data?.class !== undefined;
  const surface: Pick<ResolvedContourPlot, 'view' | 'classes' | 'sampling' | 'data'> = {};
  if (view !== 'output') surface.view = view;
  if (classed) surface.classes = resolveClasses(f.classes?.length ?? surfaceClasses(net), f.classes);
  if (f.sampling === 'pixel') surface.sampling = 'pixel';
  if (f.data) {
    const p = points[at];
    if (!p) throw new Error(`the data of ${at || 'the figure'} was not loaded (validate the config first)`);
    surface.data = { points: p, highlight: f.data.highlight ?? null };
  }
  return {
    kind: 'contour',
    title: f.title ?? '',
    grid: f.grid ?? false,
    points: resolvePoints(f.points),
    x: axis(f.x, { ...square, label: 'x1' }) as ResolvedContour['x'],
    y: axis(f.y, { ...square, label: 'x2' }) as ResolvedContour['y'],
    perceptron: f.perceptron
      ? { weights: [f.perceptron.weights[0], f.perceptron.weights[1]], bias: f.perceptron.bias ?? 0, activation: f.perceptron.activation }
      : null,
    network: net ? { spec: net, layer: net.layers.length - 1, neuron: net.output ?? 0 } : null,
    threshold: f.threshold ?? defaultThreshold(net),
    neurons: f.neurons ?? false,
    levels: f.levels ?? DEFAULTS.levels,
    colormap: f.colormap ?? DEFAULTS.colormap,
    alpha: f.alpha ?? (view === 'output' ? 1 : CLASS_ALPHA),
    colorbar: typeof cb === 'boolean' ? { show: cb, ticks: undefined, label: '' } : { show: true, ticks: cb.ticks, label: cb.label ?? '' },
    boundary:
      b === false ? null
      : b === true ? DEFAULT_BOUNDARY
      : {
          color: b.color ?? DEFAULT_BOUNDARY.color,
          dash: b.dash ?? DEFAULT_BOUNDARY.dash,
          width: b.width !== undefined ? b.width * (100 / 72) : DEFAULT_BOUNDARY.width,
          label: b.label ?? false,
        },
    ...surface,
  };
}

export { sweepPath } from './sweep-path.js';
import { sweepPath } from './sweep-path.js';

/** The value of each frame: `values` as given, or `frames` evenly spaced from `from` to `to`, both ends exact. */
export function resolveSweepValues(sw: { from?: number; to?: number; frames?: number; values?: (number | string)[] }): (number | string)[] {
  if (sw.values) return [...sw.values];
  const { from = 0, to = 0, frames = 2 } = sw;
  const values = Array.from({ length: frames }, (_, i) => from + ((to - from) * i) / (frames - 1));
  values[values.length - 1] = to;
  return values;
}

function resolveSweep(f: FigureConfig, models: FigureModels, points: FigurePoints): ResolvedSweep {
  const sw = f.sweep!;
  const { sweep: _omit, ...base } = f;
  const values = resolveSweepValues(sw);
  return {
    path: sweepPath(sw.path),
    values,
    labels: sw.labels ? [...sw.labels] : null,
    colorScale: sw.colorScale ?? 'fixed',
    fps: sw.fps ?? 10,
    sheet: sw.sheet ?? Math.min(8, values.length),
    label: sw.label ?? `${sw.path} = {value}`,
    base: base as unknown as FigureJson,
    models,
    frameModels: null,
    ...(Object.keys(points).length > 0 ? { points } : {}),
  };
}

/** Outputs in [0, 1] (sigmoid, hard_sigmoid, step, a softmax's probabilities) decide at 0.5; everything else at 0. */
export function defaultThreshold(net: NetworkSpec | undefined): number {
  if (net?.layers.at(-1)?.softmax) return 0.5;
  const last = net?.layers.at(-1)?.activation;
  const name = typeof last === 'string' ? last : last?.name;
  return name === 'sigmoid' || name === 'hard_sigmoid' || name === 'step' ? 0.5 : 0;
}

/**
 * A network contour with `"neurons": true` becomes panels: the output first, then one small
 * surface per hidden neuron (what TensorFlow Playground shows, here from the config's weights).
 */
function neuronPanels(plot: ResolvedContourPlot): ResolvedPlot[] {
  const net = plot.network!;
  const out: ResolvedPlot[] = [{ ...plot, title: 'output', neurons: false }];
  // A hidden neuron's panel shows its own value: its own colour scale (levels over its own extent)
  // and colorbar, never the output's classes or data.
  const { view: _view, classes: _classes, data: _data, ...hidden } = plot;
  net.spec.layers.slice(0, -1).forEach((layer, l) => {
    layer.biases.forEach((_, j) => {
      out.push({
        ...hidden,
        alpha: plot.view && plot.view !== 'output' ? 1 : plot.alpha,
        title: `layer ${l + 1}, neuron ${j + 1}`,
        neurons: false,
        network: { ...net, layer: l, neuron: j },
        threshold: defaultThreshold({ layers: [layer] }),
        colorbar: { show: true, ticks: undefined, label: '' },
      });
    });
  });
  return out;
}

/** `models`: the model files the plot reads, by pointer (`at` is the plot's pointer within the figure). */
export function resolvePlot(p: PlotConfig, models: FigureModels = {}, at = '', points: FigurePoints = {}): ResolvedPlot {
  if (p.kind === 'diagram') return resolveDiagram(p, models, at);
  return p.kind === 'line' ? resolveLine(p, models, at) : resolveContour(p, models, at, points);
}

/**
 * `"sampling": "pixel"`: the grid becomes one sample per CSS pixel of the plot's cell (the plot is
 * smaller), used for the levels, traced boundaries and vector output; raster output evaluates the
 * function at every device pixel besides (render/raster-field.ts).
 */
function pixelGrid(p: ResolvedPlot, width: number, height: number): ResolvedPlot {
  if (p.kind !== 'contour' || p.sampling !== 'pixel') return p;
  return {
    ...p,
    x: { ...p.x, samples: Math.max(2, Math.round(width)), step: undefined },
    y: { ...p.y, samples: Math.max(2, Math.round(height)), step: undefined },
  };
}

/** `models`: the model files the figure reads, loaded by config/model-networks.ts; `points`: its data (config/figure-points.ts). */
export function resolveFigure(f: FigureConfig, models: FigureModels = {}, points: FigurePoints = {}): ResolvedFigure {
  const output: Output = {
    name: f.name,
    width: f.width ?? DEFAULTS.width,
    height: f.height ?? DEFAULTS.height,
    scale: f.scale ?? 1,
    format: f.format ?? (f.sweep ? 'gif' : 'png'),
    sweep: f.sweep ? resolveSweep(f, models, points) : null,
    // Only when given: figures without them keep the input hash they had before these keys existed.
    ...(f.alt !== undefined ? { alt: f.alt } : {}),
    ...(f.lang !== undefined ? { lang: f.lang } : {}),
    ...(f.theme !== undefined && f.theme !== 'light' ? { theme: f.theme } : {}),
    ...(f.background !== undefined ? { background: f.background } : {}),
  };
  let panels: ResolvedPlot[];
  let columns: number;
  if (f.kind !== 'panels') {
    const plot = resolvePlot(f, models, '', points);
    if (plot.kind !== 'contour' || !plot.neurons || !plot.network) return { ...pixelGrid(plot, output.width, output.height), ...output } as ResolvedFigure;
    panels = neuronPanels(plot);
    columns = Math.min(panels.length, 4);
  } else {
    panels = f.panels.map((p, i) => resolvePlot(p, models, `/panels/${i}`, points));
    columns = Math.min(f.columns ?? f.panels.length, f.panels.length);
  }
  const rows = Math.ceil(panels.length / columns);
  const width = f.width ?? Math.min(8000, Math.round(DEFAULTS.width * 0.75 * columns));
  const height = f.height ?? Math.min(8000, Math.round(DEFAULTS.height * 0.75 * rows + 40));
  const neurons = f.kind !== 'panels';
  return {
    ...output,
    width,
    height,
    kind: 'panels',
    title: f.title ?? '',
    columns,
    sharedColorbar: f.kind === 'panels' ? (f.sharedColorbar ?? false) : false,
    ...(neurons ? { alignColorbars: true } : {}),
    panels: panels.map((p) => pixelGrid(p, width / columns, height / rows)),
  };
}
