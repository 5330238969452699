/**
 * One plot (a line graph or a filled contour) in words: what is plotted over which ranges, then what
 * a reader sees: a line's pieces, kinks and jumps; a surface's extremes, the side of the boundary
 * where it is flat, the regions above its threshold, where each class of a classifier lies.
 */
import type { NetworkSpec, ResolvedContourPlot, ResolvedDiagramPlot, ResolvedLinePlot, ResolvedPlot } from '../model/figure.js';
import type { LineData, SeriesData } from '../core/sample-figure.js';
import { axisSamples, buildNetwork, sampleLine } from '../core/sample-figure.js';
import { resolveActivation } from '../core/activation.js';
import { defaultThreshold } from '../config/defaults.js';
import { evaluator } from '../core/network.js';
import { classScores, surfaceOf } from '../core/surface.js';
import { samplePlane, sampleGrid, type Grid } from '../core/sample.js';
import { boundaryEquation, clipBoundary, equationSymbol } from '../marks/boundary.js';
import { exact, measured, percent } from './format.js';
import { layerActivations, layerSizes, perceptronExpression } from './expression.js';
import { seriesFacts, type Piece } from './line-facts.js';
import { classAreas, extremes, placeOf, regions, regionsAbove, type Region } from './surface-facts.js';
import type { PieceWords, Side, Words } from './words.js';
import { describeDiagram } from './describe-diagram.js';

/** Regions named one by one; the rest are counted. */
const MAX_REGIONS = 3;

/**
 * Grid points along each axis a description looks at: the figure's own samples, thinned evenly
 * (ends kept) when there are more, so describing a 2001² figure does not sample it all again.
 */
const DESCRIBE_SAMPLES = 201;

function thinned(values: Float64Array, n = DESCRIBE_SAMPLES): Float64Array {
  if (values.length <= n) return values;
  return Float64Array.from({ length: n }, (_, i) => values[Math.round((i * (values.length - 1)) / (n - 1))]);
}

/** The plot's surface on its own grid points (thinned): the values the figure is drawn from. */
function surface(plot: ResolvedContourPlot): Grid {
  const xs = thinned(axisSamples(plot.x));
  const ys = thinned(axisSamples(plot.y));
  if (plot.perceptron) {
    const p = plot.perceptron;
    return samplePlane(xs, ys, p.weights[0], p.weights[1], p.bias, resolveActivation(p.activation).f);
  }
  const { spec, layer, neuron } = plot.network!;
  const run = evaluator(buildNetwork(spec), layer);
  const input = new Float64Array(2);
  return sampleGrid(xs, ys, (x1, x2) => {
    input[0] = x1;
    input[1] = x2;
    return run(input)[layer][neuron];
  });
}

function pieceWords(p: Piece, span: number, xSpan: number): PieceWords {
  const x = (v: number) => measured(v, xSpan);
  const y = (v: number) => measured(v, span);
  const s = p.shape;
  switch (s.kind) {
    case 'constant': return { kind: 'constant', value: y(s.value), from: x(p.from), to: x(p.to) };
    case 'rising':
    case 'falling': return { kind: s.kind, start: y(s.start), end: y(s.end), from: x(p.from), to: x(p.to), straight: s.straight };
    case 'turn': return { kind: 'turn', start: y(s.start), end: y(s.end), from: x(p.from), to: x(p.to), turn: s.turn, at: x(s.at), value: y(s.value) };
    case 'varying': return { kind: 'varying', min: y(s.min), max: y(s.max), from: x(p.from), to: x(p.to) };
  }
}


/** "a 2-16-16-1 network (tanh, ReLU, sigmoid) read from moons.onnx". */
export function networkWords(spec: NetworkSpec, w: Words): string {
  return w.network(layerSizes(spec).join('-'), layerActivations(spec).join(', '));
}

/** "the output of ...", or "output 2 of ..." for a network with several outputs. */
function outputWords(spec: NetworkSpec, output: number, w: Words): string {
  const outputs = spec.layers[spec.layers.length - 1].biases.length;
  return w.outputOf(networkWords(spec, w), outputs > 1 ? output : null);
}

export function describeLine(plot: ResolvedLinePlot, data: LineData, w: Words): string {
  const symbol = equationSymbol(plot.x.label, 'x');
  const [x0, x1] = plot.x.range;
  const xSpan = x1 - x0;
  const texts = plot.series.map((s, i) => {
    const facts = seriesFacts(s, data.series[i], plot.x.range);
    const expr = s.network ? outputWords(s.network, s.network.output ?? 0, w) : perceptronExpression(s.activation, s.weights, s.bias, [symbol], s.derivative);
    const y = (v: number) => measured(v, facts.span);
    const jumps = facts.jumps.map((j) => ({ at: measured(j.x, xSpan), left: y(j.left), right: y(j.right), value: Number.isFinite(j.value) ? y(j.value) : null }));
    const above = s.network ? aboveWords(data.series[i], defaultThreshold(s.network), symbol, xSpan, w) : '';
    return { expr, label: plot.legend ? s.label : '', facts, jumps, above };
  });
  const from = measured(x0, xSpan);
  const to = measured(x1, xSpan);
  if (texts.length === 1) {
    const t = texts[0];
    const what = t.label ? `${t.expr} ${w.quote(t.label)}` : t.expr;
    const body = withAbove(w.series('', '', t.facts.pieces.map((p) => pieceWords(p, t.facts.span, xSpan)), symbol, t.facts.kinks.map((k) => measured(k, xSpan)), t.jumps, t.facts.undefinedAt.map((u) => measured(u, xSpan))), t.above, w);
    return w.sentences([w.join(w.lineGraph(1, what, symbol, from, to), body), ...pointSentences(plot, w, (p) => seriesValue(plot, 0, p), texts[0].facts.span)]);
  }
  return w.sentences([
    w.lineGraph(texts.length, '', symbol, from, to),
    ...texts.map((t) => withAbove(w.series(t.label, t.expr, t.facts.pieces.map((p) => pieceWords(p, t.facts.span, xSpan)), symbol, t.facts.kinks.map((k) => measured(k, xSpan)), t.jumps, t.facts.undefinedAt.map((u) => measured(u, xSpan))), t.above, w)),
    ...pointSentences(plot, w, null, 0),
  ]);
}

const withAbove = (text: string, above: string, w: Words) => (above ? `${text}${w.lang === 'ja' ? '。' : '; '}${above}` : text);

/**
 * Where a network's curve is above its threshold (0.5 for a sigmoid output, else 0): the stretches
 * of x, their ends where the samples cross the level (interpolated between the two samples).
 */
function aboveWords(data: SeriesData, level: number, symbol: string, xSpan: number, w: Words): string {
  const stretches: [number, number][] = [];
  let total = 0;
  let count = 0;
  for (const p of data.pieces) {
    let start: number | undefined;
    for (let i = 0; i < p.xs.length; i++) {
      const inside = p.ys[i] > level;
      count++;
      if (inside) total++;
      const cross = () => (i === 0 ? p.xs[0] : p.xs[i - 1] + ((level - p.ys[i - 1]) / (p.ys[i] - p.ys[i - 1])) * (p.xs[i] - p.xs[i - 1]));
      if (inside && start === undefined) start = cross();
      else if (!inside && start !== undefined) {
        stretches.push([start, cross()]);
        start = undefined;
      }
    }
    if (start !== undefined) stretches.push([start, p.xs[p.xs.length - 1]]);
  }
  const x = (v: number) => measured(v, xSpan);
  return w.aboveOn(measured(level, 1), symbol, stretches.map(([a, b]) => [x(a), x(b)]), count > 0 && total === count);
}

function seriesValue(plot: ResolvedLinePlot, i: number, at: [number, number]): number {
  const s = plot.series[i];
  if (s.network) return evaluator(buildNetwork(s.network))([at[0]]).at(-1)![s.network.output ?? 0];
  const act = resolveActivation(s.activation);
  const a = s.weights[0] * at[0] + s.bias;
  return s.derivative ? act.df(a) : act.f(a);
}

function pointSentences(plot: ResolvedLinePlot | ResolvedContourPlot, w: Words, value: ((at: [number, number]) => number) | null, span: number): string[] {
  return plot.points.map((p) => {
    const at = w.point(exact(p.at[0]), exact(p.at[1]));
    if (!value) return w.markedPoint(at, p.label, null);
    const v = value(p.at);
    return w.markedPoint(at, p.label, Number.isFinite(v) ? measured(v, span) : String(v));
  });
}

/** The network's value at one input, for the drawn layer and neuron. */
function networkValue(plot: ResolvedContourPlot, at: [number, number]): number {
  const { spec, layer, neuron } = plot.network!;
  return evaluator(buildNetwork(spec), layer)(at)[layer][neuron];
}

function perceptronValue(plot: ResolvedContourPlot, at: [number, number]): number {
  const p = plot.perceptron!;
  return resolveActivation(p.activation).f(p.weights[0] * at[0] + p.weights[1] * at[1] + p.bias);
}

/** The side of the line w1·x1 + w2·x2 + b = 0 where a < 0. */
function negativeSide(w1: number, w2: number): Side {
  if (w2 !== 0) return w2 > 0 ? 'below' : 'above';
  return w1 > 0 ? 'left' : 'right';
}

/** Whether f never decreases over [lo, hi] (checked on a fine sampling). */
function nonDecreasing(f: (a: number) => number, lo: number, hi: number): boolean {
  let prev = f(lo);
  for (let i = 1; i <= 400; i++) {
    const v = f(lo + ((hi - lo) * i) / 400);
    if (v < prev - 1e-12 * Math.max(1, Math.abs(prev))) return false;
    prev = v;
  }
  return true;
}

function perceptronBody(plot: ResolvedContourPlot, grid: Grid, w: Words, names: [string, string]): string[] {
  const p = plot.perceptron!;
  const [w1, w2] = p.weights;
  const b = p.bias;
  const f = resolveActivation(p.activation).f;
  const ext = extremes(grid);
  const span = ext.max - ext.min;
  const y = (v: number) => measured(v, span);
  const pt = (at: [number, number]) => w.point(exact(at[0]), exact(at[1]));
  if (span === 0) return [w.constant(y(ext.min))];
  const line = boundaryEquation(w1, w2, b, names);
  const seg = clipBoundary(w1, w2, b, plot.x.range, plot.y.range);
  // The values on each side of the line a = 0 over the grid.
  let negLo = Infinity, negHi = -Infinity, posLo = Infinity, posHi = -Infinity;
  let aLo = Infinity, aHi = -Infinity;
  const nx = grid.xs.length;
  for (let k = 0; k < grid.z.length; k++) {
    const a = w1 * grid.xs[k % nx] + w2 * grid.ys[Math.floor(k / nx)] + b;
    aLo = Math.min(aLo, a);
    aHi = Math.max(aHi, a);
    const v = grid.z[k];
    if (a < 0) { negLo = Math.min(negLo, v); negHi = Math.max(negHi, v); }
    else if (a > 0) { posLo = Math.min(posLo, v); posHi = Math.max(posHi, v); }
  }
  const tol = 1e-9 * Math.max(1, span);
  const negFlat = negLo <= negHi && negHi - negLo <= tol;
  const posFlat = posLo <= posHi && posHi - posLo <= tol;
  const side = negativeSide(w1, w2);
  const opposite: Record<Side, Side> = { below: 'above', above: 'below', left: 'right', right: 'left' };
  const monotone = nonDecreasing(f, aLo, aHi);
  if (seg && negLo <= negHi && posLo <= posHi) {
    const onLine = f(0);
    if (negFlat && posFlat) {
      return [w.twoFlats(y(negLo), y(posLo), side, line, onLine !== negLo && onLine !== posLo ? y(onLine) : null)];
    }
    if (negFlat || posFlat) {
      const flat = negFlat ? negLo : posLo;
      const flatSide = negFlat ? side : opposite[side];
      const rising = negFlat ? ext.max > flat : ext.max > flat && ext.min >= flat;
      return [w.flatThenRamp(y(flat), flatSide, line, rising, y(rising ? ext.max : ext.min), pt(rising ? ext.maxAt : ext.minAt))];
    }
    return [w.ramp(y(ext.min), pt(ext.minAt), y(ext.max), pt(ext.maxAt), monotone, line, y(onLine))];
  }
  return [w.ramp(y(ext.min), pt(ext.minAt), y(ext.max), pt(ext.maxAt), monotone, null, null)];
}

/** Every output of the plot's network over its grid (a classifier's classes). */
function outputGrids(plot: ResolvedContourPlot): Grid[] {
  const spec = plot.network!.spec;
  const run = evaluator(buildNetwork(spec));
  const xs = thinned(axisSamples(plot.x));
  const ys = thinned(axisSamples(plot.y));
  const outputs = spec.layers[spec.layers.length - 1].biases.length;
  const all: Float64Array[] = [];
  const input = new Float64Array(2);
  const first = sampleGrid(xs, ys, (x1, x2) => {
    input[0] = x1;
    input[1] = x2;
    const out = run(input).at(-1)!;
    all.push(Float64Array.from(out));
    return out[0];
  });
  return Array.from({ length: outputs }, (_, c) => (c === 0 ? first : { xs, ys, z: Float64Array.from(all, (o) => o[c]) }));
}

/** Whether a contour shows a classifier's probabilities (a softmax over several outputs) at its last layer. */
export function isClassifier(plot: ResolvedPlot): plot is ResolvedContourPlot & { network: NonNullable<ResolvedContourPlot['network']> } {
  if (plot.kind !== 'contour' || !plot.network) return false;
  const { spec, layer } = plot.network;
  const last = spec.layers[spec.layers.length - 1];
  return layer === spec.layers.length - 1 && !!last.softmax && last.biases.length > 1;
}

/** "the most likely class is class 0 in 34% of the plot around (…) on the left, …". */
export function classSentence(plot: ResolvedContourPlot, w: Words): string {
  const areas = classAreas(outputGrids(plot));
  const pt = (at: [number, number]) => w.point(measured(at[0], plot.x.range[1] - plot.x.range[0]), measured(at[1], plot.y.range[1] - plot.y.range[0]));
  return w.classes(areas.map((a) => {
    const main: Region | undefined = a.regions[0];
    return {
      name: w.lang === 'ja' ? `クラス ${a.index}` : `class ${a.index}`,
      share: percent(a.share),
      centre: main ? pt(main.centre) : null,
      place: main ? placeOf(main.centre, plot.x.range, plot.y.range) : null,
    };
  }));
}

export function contourWhat(plot: ResolvedContourPlot, w: Words, names: [string, string]): string {
  if (plot.perceptron) return perceptronExpression(plot.perceptron.activation, plot.perceptron.weights, plot.perceptron.bias, names);
  const net = plot.network!;
  const whole = networkWords(net.spec, w);
  if (net.layer < net.spec.layers.length - 1) return w.neuronOutput(net.neuron + 1, net.layer + 1, whole);
  if (isClassifier(plot)) return w.classProbability(net.neuron, whole);
  return outputWords(net.spec, net.neuron, w);
}

/**
 * A network of one layer drawn at one of its neurons is a perceptron (a model file of one nn.Linear):
 * described as one, with its equation and boundary line from the file's weights.
 */
function asPerceptron(plot: ResolvedContourPlot): ResolvedContourPlot | undefined {
  const net = plot.network;
  if (!net || net.spec.layers.length !== 1) return undefined;
  const layer = net.spec.layers[0];
  const row = layer.weights[net.neuron];
  if (layer.softmax || !row || row.length !== 2) return undefined;
  return { ...plot, network: null, perceptron: { weights: [row[0], row[1]], bias: layer.biases[net.neuron], activation: layer.activation } };
}

/** A class or probability view (docs/surfaces.md): where each class is predicted, and the data over it. */
function describeClassView(plot: ResolvedContourPlot, w: Words, names: [string, string]): string {
  const net = plot.network ? networkWords(plot.network.spec, w) : perceptronExpression(plot.perceptron!.activation, plot.perceptron!.weights, plot.perceptron!.bias, names);
  const what = plot.view === 'class' ? w.classOf(net) : w.sureOf(net);
  const [x0, x1] = plot.x.range;
  const [y0, y1] = plot.y.range;
  const intro = w.contour(what, names[0], names[1], exact(x0), exact(x1), exact(y0), exact(y1));
  const count = plot.classes?.count ?? 2;
  const className = (c: number) => plot.classes?.names?.[c] ?? (w.lang === 'ja' ? `クラス ${c}` : `class ${c}`);
  const winner = classScores(surfaceOf(plot));
  const scores = new Float64Array(Math.max(2, count));
  const xs = thinned(axisSamples(plot.x));
  const ys = thinned(axisSamples(plot.y));
  const wins = sampleGrid(xs, ys, (x, y) => winner(x, y, scores));
  const pt = (at: [number, number]) => w.point(measured(at[0], x1 - x0), measured(at[1], y1 - y0));
  const list = Array.from({ length: count }, (_, c) => {
    const rs = regions(wins, (k) => wins.z[k] === c);
    const main = rs[0];
    return { name: className(c), share: percent(rs.reduce((s, r) => s + r.share, 0)), centre: main ? pt(main.centre) : null, place: main ? placeOf(main.centre, plot.x.range, plot.y.range) : null };
  });
  const parts = [w.join(intro, w.classMap(list))];
  if (plot.view === 'probability') parts.push(w.probabilityFade());
  if (plot.view === 'class' || plot.boundary) parts.push(w.classBoundaries(plot.boundary?.color ?? null, plot.boundary?.dash ?? 'solid'));
  if (plot.data) parts.push(dataSentence(plot, w, winner, scores, className));
  return w.sentences(parts);
}

/** The data points over a surface: how many of each class, how many the model gets wrong, how many lie outside. */
function dataSentence(plot: ResolvedContourPlot, w: Words, winner: (x: number, y: number, out: Float64Array) => number, scores: Float64Array, className: (c: number) => string): string {
  const d = plot.data!;
  const { xs, ys, classes } = d.points;
  const [x0, x1] = plot.x.range;
  const [y0, y1] = plot.y.range;
  let outside = 0;
  let miss = 0;
  const perClass = new Map<number, number>();
  // Counted as the figure draws them (marks/data-points.ts): the points inside the plot, and those outside apart.
  for (let i = 0; i < xs.length; i++) {
    if (!(xs[i] >= x0 && xs[i] <= x1 && ys[i] >= y0 && ys[i] <= y1)) {
      outside++;
      continue;
    }
    if (classes[i] >= 0) {
      perClass.set(classes[i], (perClass.get(classes[i]) ?? 0) + 1);
      if (winner(xs[i], ys[i], scores) !== classes[i]) miss++;
    }
  }
  const counts = [...perClass].sort((a, b) => a[0] - b[0]).map(([c, n]) => ({ name: className(c), count: n }));
  return w.dataPoints(xs.length - outside, counts, d.highlight === 'misclassified' ? miss : null, outside);
}

export interface ContourOptions {
  /** Leave out the classes (a panels figure says them once for all its panels). */
  classes?: boolean;
}

export function describeContour(drawn: ResolvedContourPlot, w: Words, opts: ContourOptions = {}): string {
  const names: [string, string] = [equationSymbol(drawn.x.label, 'x1'), equationSymbol(drawn.y.label, 'x2')];
  if (drawn.view === 'class' || drawn.view === 'probability') return describeClassView(drawn, w, names);
  const single = asPerceptron(drawn);
  const plot = single ?? drawn;
  const what = single ? w.perceptronFrom(contourWhat(single, w, names), networkWords(drawn.network!.spec, w)) : contourWhat(plot, w, names);
  const [x0, x1] = plot.x.range;
  const [y0, y1] = plot.y.range;
  const intro = w.contour(what, names[0], names[1], exact(x0), exact(x1), exact(y0), exact(y1));
  const grid = surface(plot);
  const ext = extremes(grid);
  const span = ext.max - ext.min;
  const y = (v: number) => measured(v, span);
  const pt = (at: [number, number]) => w.point(measured(at[0], x1 - x0), measured(at[1], y1 - y0));
  const parts: string[] = [];
  if (plot.perceptron) {
    parts.push(w.join(intro, perceptronBody(plot, grid, w, names).join(', ')));
    if (plot.boundary && clipBoundary(plot.perceptron.weights[0], plot.perceptron.weights[1], plot.perceptron.bias, plot.x.range, plot.y.range)) {
      parts.push(w.boundaryLine(boundaryEquation(plot.perceptron.weights[0], plot.perceptron.weights[1], plot.perceptron.bias, names), plot.boundary.color, plot.boundary.dash));
    }
  } else {
    const body = span === 0 ? w.constant(y(ext.min)) : w.range(y(ext.min), ext.minFlat ? null : pt(ext.minAt), y(ext.max), ext.maxFlat ? null : pt(ext.maxAt));
    const level = measured(plot.threshold, span || 1);
    const above = regionsAbove(grid, plot.threshold);
    const total = above.reduce((s, r) => s + r.share, 0);
    const named = above.filter((r, i) => i < MAX_REGIONS && r.share >= 0.01);
    const regionText = w.above(level, named.map((r) => ({ share: percent(r.share), centre: pt(r.centre), place: placeOf(r.centre, plot.x.range, plot.y.range) })), above.length - named.length, total === 1);
    parts.push(w.join(intro, `${body}${w.lang === 'ja' ? '、' : '; '}${regionText}`));
    if (isClassifier(plot) && opts.classes !== false) parts.push(classSentence(plot, w));
    if (plot.boundary) parts.push(w.boundaryContour(level, plot.boundary.color, plot.boundary.dash));
  }
  parts.push(...pointSentences(plot, w, (at) => (plot.perceptron ? perceptronValue(plot, at) : networkValue(plot, at)), span || 1));
  if (drawn.data) {
    const className = (c: number) => drawn.classes?.names?.[c] ?? (w.lang === 'ja' ? `クラス ${c}` : `class ${c}`);
    parts.push(dataSentence(drawn, w, classScores(surfaceOf(drawn)), new Float64Array(Math.max(2, drawn.classes?.count ?? 2)), className));
  }
  return w.sentences(parts);
}

/** A plot in words; '' for a kind these describers do not know (the figure's title then stands alone). */
export function describePlot(plot: ResolvedPlot, w: Words, opts: ContourOptions = {}): string {
  const kind = (plot as { kind: string }).kind;
  if (kind === 'line') return describeLine(plot as ResolvedLinePlot, sampleLine(plot as ResolvedLinePlot), w);
  if (kind === 'contour') return describeContour(plot as ResolvedContourPlot, w, opts);
  if (kind === 'diagram') return describeDiagram(plot as ResolvedDiagramPlot, w);
  return '';
}
