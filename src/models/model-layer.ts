/**
 * What a model file becomes: layers of W·x + b ([out][in], as PyTorch's nn.Linear), an activation,
 * and for the last layer of a classifier a softmax over its outputs: NetworkSpec's layers
 * (model/figure.ts), so a loaded model is drawn like typed weights.
 */
import type { NetworkSpec } from '../model/figure.js';

export type ModelLayer = NetworkSpec['layers'][number];

export interface ModelNetwork {
  layers: ModelLayer[];
}
