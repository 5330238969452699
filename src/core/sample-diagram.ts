/**
 * The numbers a network diagram writes: for an input vector, every neuron's pre-activation
 * a = w·x + b and its output f(a), layer by layer (the seed's a = 2·1 + 3·2 − 5 = 3, f(a) = 3).
 */
import { resolveActivation } from './activation.js';
import { softmaxInPlace } from './network.js';
import type { ResolvedDiagramPlot } from '../model/figure.js';

export interface DiagramLayerValues {
  /** w·x + b of each neuron. */
  a: number[];
  /** f(a) of each neuron (after the softmax when the layer has one). */
  out: number[];
}

export interface DiagramData {
  kind: 'diagram';
  /** Per layer, when the diagram has an `input`; else null. */
  values: DiagramLayerValues[] | null;
}

export function forwardValues(layers: ResolvedDiagramPlot['network']['layers'], input: readonly number[]): DiagramLayerValues[] {
  const out: DiagramLayerValues[] = [];
  let x: readonly number[] = input;
  for (const l of layers) {
    const f = resolveActivation(l.activation).f;
    const a = l.weights.map((row, i) => row.reduce((s, w, j) => s + w * x[j], l.biases[i]));
    const y = Float64Array.from(a, f);
    if (l.softmax) softmaxInPlace(y);
    out.push({ a, out: Array.from(y) });
    x = out[out.length - 1].out;
  }
  return out;
}

export function sampleDiagram(plot: ResolvedDiagramPlot): DiagramData {
  if (!plot.input) return { kind: 'diagram', values: null };
  const values = forwardValues(plot.network.layers, plot.input);
  for (const [l, v] of values.entries()) {
    const j = v.out.findIndex((y, i) => !Number.isFinite(y) || !Number.isFinite(v.a[i]));
    if (j >= 0) throw new Error(`the diagram's input gives a value that is not finite: network.layers[${l}], neuron ${j}, a = ${v.a[j]}; use a smaller input`);
  }
  return { kind: 'diagram', values };
}

/** The largest |weight| of a network: the width scale of a diagram's edges unless it is given. */
export function largestWeight(layers: ResolvedDiagramPlot['network']['layers']): number {
  let max = 0;
  for (const l of layers) for (const row of l.weights) for (const w of row) if (Math.abs(w) > max) max = Math.abs(w);
  return max;
}
