/**
 * A network from a model file, as a config asks for it: `{ "file": ..., "layers": [...] }` to the
 * layers, the number of inputs and outputs, and the file's sha256. ONNX brings its own layers;
 * tensor formats need the config's layer list. Errors are ModelErrors (one line, no file name:
 * the caller says where).
 */
import { ModelError } from './model-error.js';
import { modelPath } from './model-path.js';
import { readModelFile } from './read-model-file.js';
import { layersFromTensors, type LayerRef } from './layers-from-tensors.js';
import type { FigureModels, LoadedModel } from '../model/figure.js';

export type { FigureModels, LoadedModel };

const built = new Map<string, ReturnType<typeof layersFromTensors>>();

export function loadModel(configFile: string, file: string, layers: readonly LayerRef[] | undefined): LoadedModel {
  const real = modelPath(configFile, file);
  const parsed = readModelFile(real);
  let net;
  if (parsed.kind === 'graph') {
    if (layers) throw new ModelError('an ONNX model brings its layers and activations from its graph; remove "layers"');
    net = parsed.network;
  } else {
    if (!layers) {
      const names = [...parsed.tensors.keys()];
      throw new ModelError(`give "layers" naming the weight and bias tensors of each layer (the file has ${names.slice(0, 12).map((n) => `"${n}"`).join(', ') || 'no tensors'}${names.length > 12 ? ', ...' : ''})`);
    }
    // Many figures name the same tensors of one file: build their layers once.
    const key = `${parsed.sha256}:${JSON.stringify(layers)}`;
    net = built.get(key) ?? layersFromTensors(parsed.tensors, layers);
    if (built.size > 64) built.clear();
    built.set(key, net);
  }
  return {
    file, sha256: parsed.sha256, layers: net.layers, inputs: net.inputs, outputs: net.layers.at(-1)!.biases.length,
    contentDigest: `${parsed.sha256}:${JSON.stringify(layers ?? null)}`,
  };
}
