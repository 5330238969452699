/**
 * `actiplot eval`: the perceptron's output for one input, or the seed's value table over a range.
 */
import { makePerceptron, evaluate } from '../core/perceptron.js';
import { activationParams, resolveActivation, type ActivationSpec } from '../core/activation.js';
import { stepRange } from '../core/sample.js';
import { evaluator } from '../core/network.js';
import { buildNetwork } from '../core/sample-figure.js';
import { classScores, surfaceOf } from '../core/surface.js';
import type { NetworkSpec, ResolvedFigure, ResolvedPlot } from '../model/figure.js';

export interface EvalOptions {
  /** A name, or { name, ...parameters } (`--activation leaky_relu --param slope=0.1`). */
  activation: ActivationSpec;
  weights: number[];
  bias: number;
  input?: number[];
  range?: [number, number];
  step: number;
  derivative: boolean;
  format: 'text' | 'csv' | 'json' | 'markdown';
}

/**
 * `--activation leaky_relu --param slope=0.1` as { name: "leaky_relu", slope: 0.1 }: each param is
 * name=number, given once; several may share one flag, separated by commas. Checked here with
 * resolveActivation, so an unknown parameter or a non-number throws before any output.
 */
export function activationSpec(name: string, params: readonly unknown[]): ActivationSpec {
  if (params.length === 0) return name;
  const spec: Record<string, unknown> = { name };
  for (const item of params.flatMap((p) => String(p).split(','))) {
    const m = /^\s*([A-Za-z_]\w*)\s*=\s*(\S+)\s*$/.exec(item);
    const value = m ? Number(m[2]) : NaN;
    if (!m || !Number.isFinite(value)) throw new Error(`expected name=number like slope=0.1, got "${item}"`);
    // Checked before it is set: `__proto__=1` would otherwise vanish into the object's prototype.
    const known = Object.hasOwn(activationParams, name) ? Object.keys(activationParams[name]) : [];
    if (!known.includes(m[1])) throw new Error(`${name}: unknown parameter "${m[1]}"; ${known.length ? `expected ${known.join(', ')}` : 'it takes no parameters'}`);
    if (Object.hasOwn(spec, m[1])) throw new Error(`"${m[1]}" is given twice`);
    spec[m[1]] = value;
  }
  resolveActivation(spec as ActivationSpec);
  return spec as ActivationSpec;
}

/** Shortest round-trip text of a number, with -0 shown as 0 (a table reader never wants "-0"). */
export function num(v: number): string {
  return Object.is(v, -0) ? '0' : String(v);
}

/** Something to evaluate: a function of `inputs` numbers. */
export interface Model {
  inputs: number;
  f: (x: ArrayLike<number>) => number;
  /** Column heading of the output. */
  head: string;
  /** A model with several outputs (a classifier read from a file): all of them, printed side by side. */
  all?: { f: (x: ArrayLike<number>) => number[]; heads: string[] };
  /** A class or probability view: the class at an input (its name, or its index), and how sure. */
  classify?: { f: (x: ArrayLike<number>) => { index: number; name: string; probability: number }; probability: boolean };
}

/** The last layer's outputs of a network with several, for `eval` to print tab-separated. */
function allOutputs(spec: NetworkSpec, run: (x: ArrayLike<number>) => Float64Array[]): Model['all'] {
  const n = spec.layers.at(-1)!.biases.length;
  if (n < 2) return undefined;
  return { f: (x) => Array.from(run(x).at(-1)!), heads: Array.from({ length: n }, (_, k) => `output ${k}`) };
}

export function perceptronModel(o: Pick<EvalOptions, 'activation' | 'weights' | 'bias' | 'derivative'>): Model {
  const p = makePerceptron(o.weights, o.bias, resolveActivation(o.activation));
  return { inputs: o.weights.length, f: (x) => evaluate(p, x, o.derivative), head: o.derivative ? "f'(x)" : 'f(x)' };
}

/**
 * The model a figure draws: a contour's perceptron or network (2 inputs), or a line series (1 input).
 * `panel` picks a panel of a "panels" figure, `series` a series of a line plot.
 */
export function figureModel(fig: ResolvedFigure, panel = 0, series = 0): Model {
  let plot: ResolvedPlot;
  if (fig.kind === 'panels') {
    if (!(Number.isInteger(panel) && panel >= 0 && panel < fig.panels.length)) throw new Error(`--panel: the figure has panels 0..${fig.panels.length - 1}, got ${panel}`);
    plot = fig.panels[panel];
  } else {
    plot = fig;
  }
  if (plot.kind === 'contour' && plot.classes && (plot.view === 'class' || plot.view === 'probability')) {
    const classOf = classScores(surfaceOf(plot));
    const scores = classScores({ ...surfaceOf(plot), view: 'probability' });
    const names = plot.classes.names;
    const out = new Float64Array(plot.classes.count);
    // Probabilities need outputs in [0, 1]: a class view of another one-output model has none to show.
    const probability = plot.view === 'probability';
    const f = (x: ArrayLike<number>) => {
      const index = classOf(x[0], x[1], out);
      const p = probability ? (scores(x[0], x[1], out), out[index]) : NaN;
      return { index, name: names?.[index] ?? String(index), probability: p };
    };
    return { inputs: 2, f: (x) => f(x).index, head: 'class', classify: { f, probability } };
  }
  if (plot.kind === 'contour') {
    if (plot.network) {
      const run = evaluator(buildNetwork(plot.network.spec));
      const { spec, layer, neuron } = plot.network;
      const all = layer === spec.layers.length - 1 ? allOutputs(spec, run) : undefined;
      return { inputs: 2, f: (x) => run(x)[layer][neuron], head: 'output', all };
    }
    const p = plot.perceptron!;
    return perceptronModel({ activation: p.activation, weights: [...p.weights], bias: p.bias, derivative: false });
  }
  if (plot.kind === 'diagram') {
    // A diagram draws its whole network: every input it has, every output it gives.
    const spec = plot.network;
    const run = evaluator(buildNetwork(spec));
    return { inputs: spec.layers[0].weights[0].length, f: (x) => run(x).at(-1)![0], head: 'output', all: allOutputs(spec, run) };
  }
  if (!(Number.isInteger(series) && series >= 0 && series < plot.series.length)) throw new Error(`--series: the plot has series 0..${plot.series.length - 1}, got ${series}`);
  const s = plot.series[series];
  if (s.network) {
    const run = evaluator(buildNetwork(s.network));
    const k = s.network.output ?? 0;
    return { inputs: 1, f: (x) => run(x).at(-1)![k], head: 'output', all: allOutputs(s.network, run) };
  }
  return perceptronModel({ activation: s.activation, weights: s.weights, bias: s.bias, derivative: s.derivative });
}

export interface EvalRequest {
  input?: number[];
  range?: [number, number];
  step: number;
  format: EvalOptions['format'];
}

export function evalModel(m: Model, o: EvalRequest): string[] {
  if (m.classify) return evalClass(m.classify, o);
  if (m.all) return evalAll(m.all, o);
  const head = m.head;
  if (o.range) {
    const xs = stepRange(o.range[0], o.range[1], o.step);
    const rows = Array.from(xs, (x) => [x, m.f([x])] as const);
    if (o.format === 'json') return [JSON.stringify(rows.map(([x, y]) => ({ x, y: Number.isFinite(y) ? y : null })))];
    if (o.format === 'markdown') return markdownTable(['x', head], rows.map(([x, y]) => [x, y]));
    const sep = o.format === 'csv' ? ',' : '\t';
    const lines = rows.map(([x, y]) => `${num(x)}${sep}${num(y)}`);
    return o.format === 'csv' ? [`x,${head}`, ...lines] : lines;
  }
  const y = m.f(o.input ?? []);
  if (o.format === 'json') return [JSON.stringify({ input: o.input, output: Number.isFinite(y) ? y : null })];
  if (o.format === 'markdown') return markdownTable([...(o.input ?? []).map((_, i) => `x${i + 1}`), head], [[...(o.input ?? []), y]]);
  if (o.format === 'csv') return [`${(o.input ?? []).map((_, i) => `x${i + 1}`).join(',')},${head}`, `${(o.input ?? []).map(num).join(',')},${num(y)}`];
  return [num(y)];
}

/** Every output of a model with several: one column each (text: tab-separated). */
function evalAll(all: NonNullable<Model['all']>, o: EvalRequest): string[] {
  const rows: { x: number[]; y: number[] }[] = o.range
    ? Array.from(stepRange(o.range[0], o.range[1], o.step), (x) => ({ x: [x], y: all.f([x]) }))
    : [{ x: o.input ?? [], y: all.f(o.input ?? []) }];
  const xHeads = o.range ? ['x'] : (o.input ?? []).map((_, i) => `x${i + 1}`);
  const finite = (v: number) => (Number.isFinite(v) ? v : null);
  if (o.format === 'json') {
    const items = rows.map((r) => ({ ...(o.range ? { x: r.x[0] } : { input: r.x }), output: r.y.map(finite) }));
    return [JSON.stringify(o.range ? items : items[0])];
  }
  if (o.format === 'markdown') return markdownTable([...xHeads, ...all.heads], rows.map((r) => [...r.x, ...r.y]));
  if (o.format === 'csv') return [[...xHeads, ...all.heads].join(','), ...rows.map((r) => [...r.x, ...r.y].map(num).join(','))];
  return rows.map((r) => (o.range ? [...r.x, ...r.y] : r.y).map(num).join('\t'));
}

/** The class at one input: its name (or index), and in a probability view the probability. */
function evalClass(c: NonNullable<Model['classify']>, o: EvalRequest): string[] {
  const x = o.input ?? [];
  const r = c.f(x);
  const heads = [...x.map((_, i) => `x${i + 1}`), 'class', ...(c.probability ? ['probability'] : [])];
  const values = [...x.map(num), r.name, ...(c.probability ? [num(r.probability)] : [])];
  if (o.format === 'json') return [JSON.stringify({ input: x, class: r.name, index: r.index, ...(c.probability ? { probability: r.probability } : {}) })];
  if (o.format === 'markdown') return [`| ${heads.join(' | ')} |`, `|${heads.map(() => ' --- ').join('|')}|`, `| ${values.map((v) => v.replace(/\|/g, '\\|')).join(' | ')} |`];
  if (o.format === 'csv') return [heads.join(','), values.map(csvField).join(',')];
  return [(c.probability ? [r.name, num(r.probability)] : [r.name]).join('\t')];
}

/** A CSV field, quoted when it holds a comma, a quote or a line break (a class name may). */
function csvField(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** A GitHub-flavoured Markdown table, numbers right-aligned (NaN, an undefined derivative, shows as NaN). */
function markdownTable(head: readonly string[], rows: readonly (readonly number[])[]): string[] {
  return [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => ' ---: ').join('|')}|`,
    ...rows.map((r) => `| ${r.map(num).join(' | ')} |`),
  ];
}
