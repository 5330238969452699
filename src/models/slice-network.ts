/**
 * A model drawn on a plane (or a line) through its input space: `inputs` lists every input, "x"
 * and "y" for the plotted ones and a number for each fixed one. The fixed inputs fold into the
 * first layer's biases and the plotted ones pick its weight columns, so the sliced network is an
 * ordinary network of the plotted inputs: everything that draws networks draws it unchanged.
 */
import type { ModelLayer } from './model-layer.js';

export function sliceNetwork(layers: readonly ModelLayer[], inputs: readonly (string | number)[], plotted: readonly string[]): ModelLayer[] {
  const [first, ...rest] = layers;
  const cols = plotted.map((axis) => inputs.indexOf(axis));
  const weights = first.weights.map((row) => cols.map((j) => row[j]));
  const biases = first.biases.map((b, i) => {
    let a = b;
    inputs.forEach((v, j) => {
      if (typeof v === 'number') a += first.weights[i][j] * v;
    });
    return a;
  });
  return [{ ...first, weights, biases }, ...rest];
}
