/**
 * Defaults of a network diagram: a perceptron becomes a network of one neuron; the inputs are named
 * as a contour names its axes (x1, x2), the outputs y (or y1, y2, ...); weights are written on the
 * edges when there are few enough to read.
 */
import type { DiagramPlotConfig, FileNetworkConfig, TypedNetworkConfig } from './schema.js';
import { isFileNetwork } from './is-file-network.js';
import { fileNetwork } from './file-network.js';
import { DIAGRAM_MAX_NEURONS } from './diagram-defaults.js';
import type { FigureModels, NetworkSpec, ResolvedDiagramPlot } from '../model/figure.js';

/** Edges drawn with their weight written on them by default (the seed's perceptron has 2). */
export const DIAGRAM_WEIGHT_LABELS = 16;

/** Neurons a summarised layer shows at each end. */
export const SUMMARY_ENDS = 4;

/** How many neurons of a layer of `n` a diagram draws. */
export function shownNeurons(n: number, maxNeurons: number): number {
  return n > maxNeurons ? 2 * SUMMARY_ENDS : n;
}

/** The inputs a file network of a diagram keeps: the plotted ones ("x", "y") when `inputs` is given. */
export function diagramPlotted(net: FileNetworkConfig): string[] {
  return net.inputs ? ['x', 'y'].filter((a) => net.inputs!.includes(a as 'x')) : [];
}

export function diagramNetwork(f: DiagramPlotConfig, models: FigureModels, at: string): NetworkSpec {
  if (f.perceptron) {
    const p = f.perceptron as { weights: number[]; bias?: number; activation: NetworkSpec['layers'][number]['activation'] };
    return { layers: [{ weights: [[...p.weights]], biases: [p.bias ?? 0], activation: p.activation }] };
  }
  const net = f.network as TypedNetworkConfig | FileNetworkConfig;
  return isFileNetwork(net) ? fileNetwork(net, models[`${at}/network`], diagramPlotted(net)) : net;
}

export function resolveDiagram(f: DiagramPlotConfig, models: FigureModels, at: string): ResolvedDiagramPlot {
  const network = diagramNetwork(f, models, at);
  const inputs = network.layers[0].weights[0]?.length ?? 0;
  const outputs = network.layers.at(-1)!.biases.length;
  const maxNeurons = f.maxNeurons ?? DIAGRAM_MAX_NEURONS;
  let edges = 0;
  let width = shownNeurons(inputs, maxNeurons);
  for (const l of network.layers) {
    const n = shownNeurons(l.biases.length, maxNeurons);
    edges += width * n;
    width = n;
  }
  return {
    kind: 'diagram',
    title: f.title ?? '',
    network,
    perceptron: f.perceptron !== undefined,
    inputLabels: Array.from({ length: inputs }, (_, i) => (i === 0 ? f.x?.label : i === 1 ? f.y?.label : undefined) ?? `x${i + 1}`),
    outputLabels: f.outputs ? [...f.outputs] : outputs === 1 ? ['y'] : Array.from({ length: outputs }, (_, k) => `y${k + 1}`),
    input: f.input ? [...f.input] : null,
    weightLabels: f.weights ?? edges <= DIAGRAM_WEIGHT_LABELS,
    activations: f.activations ?? 'auto',
    legend: f.legend ?? true,
    maxNeurons,
    weightScale: f.weightScale ?? null,
  };
}
