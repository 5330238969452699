/**
 * A network diagram in words: which network, its inputs and outputs, how the edges encode the
 * weights and their range, a summarised layer, and with an `input` the worked sum (a perceptron)
 * or the outputs it gives.
 */
import type { ResolvedDiagramPlot } from '../model/figure.js';
import { forwardValues } from '../core/sample-diagram.js';
import { exact } from './format.js';
import { activationName, layerActivations, layerSizes, perceptronExpression } from './expression.js';
import { MINUS } from '../scale/format.js';
import type { Words } from './words.js';

/** Values as the diagram writes them: 3 significant digits, a real minus in an exponent too. */
const shown = (v: number) => exact(Number(v.toPrecision(3))).replace('e-', `e${MINUS}`);

export function describeDiagram(plot: ResolvedDiagramPlot, w: Words): string {
  const layers = plot.network.layers;
  let lo = Infinity;
  let hi = -Infinity;
  for (const l of layers) for (const row of l.weights) for (const v of row) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  const widths = layers.map((l) => l.biases.length);
  const summarised = widths.some((n) => n > plot.maxNeurons) ? plot.maxNeurons : null;
  const what = plot.perceptron
    ? w.perceptronOf(perceptronExpression(layers[0].activation, layers[0].weights[0], layers[0].biases[0], plot.inputLabels))
    : w.network(layerSizes(plot.network).join('-'), layerActivations(plot.network).join(', '));
  const parts = [w.diagram(what, plot.inputLabels, plot.outputLabels, shown(lo), shown(hi), summarised)];
  if (plot.input) {
    const values = forwardValues(layers, plot.input);
    const at = plot.inputLabels.map((n, j) => `${n} = ${exact(plot.input![j])}`);
    const out = values[values.length - 1];
    if (plot.perceptron) {
      const sum = terms(layers[0].weights[0], plot.input, layers[0].biases[0]);
      parts.push(w.workedSum(at, `${exact(values[0].a[0])}`, activationName(layers[0].activation), shown(out.out[0]), sum));
    } else {
      parts.push(w.diagramOutputs(at, plot.outputLabels.map((n, k) => `${n} = ${shown(out.out[k])}`)));
    }
  }
  return w.sentences(parts);
}

/** `2·1 + 3·2 − 5`: the sum as the diagram writes it under a perceptron. */
function terms(weights: readonly number[], inputs: readonly number[], bias: number): string {
  const x = (v: number) => (v < 0 ? `(${exact(v)})` : exact(v));
  let text = '';
  weights.forEach((wt, j) => {
    const term = `${exact(Math.abs(wt))}·${x(inputs[j])}`;
    text = j === 0 ? `${wt < 0 ? MINUS : ''}${term}` : `${text} ${wt < 0 ? MINUS : '+'} ${term}`;
  });
  return bias === 0 ? text : `${text} ${bias < 0 ? MINUS : '+'} ${exact(Math.abs(bias))}`;
}
