/**
 * Named tensors (safetensors, .npz, .npy, a state_dict) and a config's layer list to layers:
 * each layer names its weight ([out, in], PyTorch's nn.Linear; [in, out] with "transpose") and
 * bias tensors. Shapes are checked across layers; an error names the layer, the tensor and the
 * shapes found.
 */
import type { ActivationSpec } from '../core/activation.js';
import { ModelError } from './model-error.js';
import { checkFinite, type NamedTensors, type Tensor } from './tensor.js';
import type { ModelLayer, ModelNetwork } from './model-layer.js';

export interface LayerRef {
  weight: string;
  bias?: string;
  activation: ActivationSpec;
  transpose?: boolean;
}

const shapeText = (t: Tensor) => `[${t.shape.join(', ')}]`;

function tensor(tensors: NamedTensors, name: string, k: number, role: string): Tensor {
  const t = tensors.get(name);
  if (!t) {
    const names = [...tensors.keys()];
    const list = names.slice(0, 12).map((n) => `"${n}"`).join(', ') + (names.length > 12 ? `, ... (${names.length} in all)` : '');
    throw new ModelError(`layer ${k}: no ${role} tensor "${name}" in the file (it has ${list || 'no tensors'})`);
  }
  return t;
}

export function layersFromTensors(tensors: NamedTensors, refs: readonly LayerRef[]): ModelNetwork & { inputs: number } {
  const layers: ModelLayer[] = [];
  let width: number | undefined;
  let prev = '';
  refs.forEach((ref, k) => {
    const w = tensor(tensors, ref.weight, k, 'weight');
    let out: number;
    let inn: number;
    let at: (i: number, j: number) => number;
    if (w.shape.length === 1) {
      // A vector is one neuron's weights (the seed's w = (1, 2)).
      [out, inn] = [1, w.shape[0]];
      at = (_i, j) => w.data[j];
    } else if (w.shape.length === 2) {
      [out, inn] = ref.transpose ? [w.shape[1], w.shape[0]] : [w.shape[0], w.shape[1]];
      const cols = w.shape[1];
      at = ref.transpose ? (i, j) => w.data[j * cols + i] : (i, j) => w.data[i * cols + j];
    } else {
      throw new ModelError(`layer ${k}: weight "${ref.weight}" has shape ${shapeText(w)}; expected [out, in]${ref.transpose ? ' ([in, out] with transpose)' : ''} or a vector`);
    }
    const layout = w.shape.length === 1 ? 'a vector: one neuron' : ref.transpose ? '[in, out] with transpose' : '[out, in]';
    if (width !== undefined && inn !== width) {
      throw new ModelError(`layer ${k}: weight "${ref.weight}" has shape ${shapeText(w)} (${layout}), which takes ${inn} inputs, but layer ${k - 1} ("${prev}") has ${width} outputs${!ref.transpose && w.shape[0] === width ? ' (stored [in, out]? add "transpose": true)' : ''}`);
    }
    checkFinite(w, `layer ${k}: weight "${ref.weight}"`);
    let biases: number[];
    if (ref.bias !== undefined) {
      const b = tensor(tensors, ref.bias, k, 'bias');
      if (b.data.length !== out || b.shape.filter((d) => d !== 1).length > 1) {
        const hint = w.shape.length === 2 && b.data.length === inn ? ` (stored ${ref.transpose ? '[out, in]? remove "transpose"' : '[in, out]? add "transpose": true'})` : '';
        throw new ModelError(`layer ${k}: bias "${ref.bias}" has shape ${shapeText(b)}; expected ${out} value${out === 1 ? '' : 's'}, one per neuron of weight "${ref.weight}" ${shapeText(w)}${hint}`);
      }
      checkFinite(b, `layer ${k}: bias "${ref.bias}"`);
      biases = Array.from(b.data);
    } else {
      biases = new Array<number>(out).fill(0);
    }
    const weights = Array.from({ length: out }, (_, i) => Array.from({ length: inn }, (_, j) => at(i, j)));
    layers.push({ weights, biases, activation: ref.activation });
    width = out;
    prev = ref.weight;
  });
  return { layers, inputs: layers[0]?.weights[0]?.length ?? 0 };
}
