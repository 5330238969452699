/**
 * A feed-forward network: layers of W·x + b followed by an activation, as in the seed's perceptron
 * but stacked. `weights[i][j]` is the weight from input j to neuron i of the layer.
 */
import type { Activation } from './activation.js';

export interface Layer {
  weights: readonly (readonly number[])[];
  biases: readonly number[];
  activation: Activation;
  /** Normalise the layer's outputs with a softmax after the activation (a classifier's last layer). */
  softmax?: boolean;
}

export interface Network {
  layers: readonly Layer[];
}

export function inputCount(net: Network): number {
  return net.layers[0]?.weights[0]?.length ?? 0;
}

export function outputCount(net: Network): number {
  return net.layers.at(-1)?.biases.length ?? 0;
}

/**
 * A reusable evaluator: the buffers for every layer's outputs are allocated once, so evaluating a
 * million grid points allocates nothing per point. `run(x)` returns the outputs of every layer
 * (the last is the network's output); the arrays are overwritten by the next call. With `upTo`,
 * only the layers up to that one are computed (a hidden neuron's panel needs no more).
 */
export function evaluator(net: Network, upTo = net.layers.length - 1): (x: ArrayLike<number>) => Float64Array[] {
  const outs = net.layers.map((l) => new Float64Array(l.biases.length));
  const layers = net.layers;
  const last = Math.min(upTo, layers.length - 1);
  return (x) => {
    let input: ArrayLike<number> = x;
    // Plain loops: a callback here would be a closure allocated per point.
    for (let k = 0; k <= last; k++) {
      const layer = layers[k];
      const out = outs[k];
      const f = layer.activation.f;
      for (let i = 0; i < out.length; i++) {
        const row = layer.weights[i];
        let a = layer.biases[i];
        for (let j = 0; j < row.length; j++) a += row[j] * input[j];
        out[i] = f(a);
      }
      if (layer.softmax) softmaxInPlace(out);
      input = out;
    }
    return outs;
  };
}

/** exp(v - max) / Σ exp(v - max): no overflow, and the same values as torch's softmax. */
export function softmaxInPlace(v: Float64Array): void {
  let max = -Infinity;
  for (let i = 0; i < v.length; i++) if (v[i] > max) max = v[i];
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += v[i] = Math.exp(v[i] - max);
  for (let i = 0; i < v.length; i++) v[i] /= sum;
}

/** The network's output vector for one input (a fresh array). */
export function forward(net: Network, x: ArrayLike<number>): Float64Array {
  if (x.length !== inputCount(net)) throw new RangeError(`network takes ${inputCount(net)} inputs, got ${x.length}`);
  return Float64Array.from(evaluator(net)(x).at(-1) ?? []);
}

/**
 * Shape errors, layer by layer: each message names the layer, the row and the expected length, so
 * the config check can point at the exact place. Empty when the shapes fit `inputs`.
 */
export function shapeErrors(layers: readonly { weights: readonly (readonly number[])[]; biases: readonly number[] }[], inputs: number): { path: (string | number)[]; message: string }[] {
  const errors: { path: (string | number)[]; message: string }[] = [];
  let width = inputs;
  layers.forEach((layer, k) => {
    const from = k === 0 ? `the ${inputs} network input${inputs === 1 ? '' : 's'}` : `the ${width} neuron${width === 1 ? '' : 's'} of layer ${k - 1}`;
    if (layer.weights.length === 0) errors.push({ path: [k, 'weights'], message: 'expected at least one row (one per neuron)' });
    layer.weights.forEach((row, i) => {
      if (row.length !== width) errors.push({ path: [k, 'weights', i], message: `expected ${width} number${width === 1 ? '' : 's'} (one per input: ${from}), got ${row.length}` });
    });
    if (layer.biases.length !== layer.weights.length) {
      errors.push({ path: [k, 'biases'], message: `expected ${layer.weights.length} number${layer.weights.length === 1 ? '' : 's'} (one per neuron, as weights has ${layer.weights.length} row${layer.weights.length === 1 ? '' : 's'}), got ${layer.biases.length}` });
    }
    width = layer.weights.length;
  });
  return errors;
}
