/**
 * A file network as the figure draws it: the loaded model sliced to the plotted inputs, the output
 * it names, and a digest standing for its weights in the input hash (pipeline/hash.ts hashes an
 * object with a `contentDigest` by that digest: the file's sha256 and how the config uses it).
 */
import type { FileNetworkConfig } from './schema.js';
import type { LoadedModel } from '../models/load-model.js';
import { sliceNetwork } from '../models/slice-network.js';
import type { NetworkSpec } from '../model/figure.js';

export function fileNetwork(cfg: FileNetworkConfig, model: LoadedModel | undefined, plotted: readonly string[]): NetworkSpec {
  if (!model) throw new Error(`the model ${cfg.file} was not loaded (validate the config first)`);
  const layers = cfg.inputs ? sliceNetwork(model.layers, cfg.inputs, plotted) : model.layers;
  return {
    layers,
    output: cfg.output ?? 0,
    model: { file: model.file, sha256: model.sha256 },
    contentDigest: `${model.sha256}:${JSON.stringify({ layers: cfg.layers ?? null, inputs: cfg.inputs ?? null, output: cfg.output ?? null })}`,
  };
}
