import { resolveActivation } from './activation.js';
import type { Network } from './network.js';
import type { NetworkSpec } from '../model/figure.js';

/** A network config with its activations resolved. */
export function buildNetwork(spec: NetworkSpec): Network {
  return { layers: spec.layers.map((l) => ({ weights: l.weights, biases: l.biases, activation: resolveActivation(l.activation), softmax: l.softmax })) };
}
