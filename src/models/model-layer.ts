/**
 * What a model file becomes: layers of W·x + b, an activation, and for the last layer of a
 * classifier a softmax over its outputs (the shape of NetworkSpec's layers in model/figure.ts).
 */
import type { ActivationSpec } from '../core/activation.js';

export interface ModelLayer {
  /** weights[i][j]: from input j to neuron i ([out][in], as PyTorch's nn.Linear). */
  weights: number[][];
  biases: number[];
  activation: ActivationSpec;
  /** Normalise the layer's outputs with a softmax (only ever the last layer). */
  softmax?: boolean;
}

export interface ModelNetwork {
  layers: ModelLayer[];
}
