/**
 * What the schema cannot say about a diagram: one network (a perceptron or a network), layer shapes
 * that fit, and `input` and `outputs` with one entry per input and per output. A network read from a
 * file is checked against these once it is loaded (model-networks.ts).
 */
import type { DiagramPlotConfig, FileNetworkConfig, TypedNetworkConfig } from './schema.js';
import { isFileNetwork } from './is-file-network.js';
import type { ConfigError } from './messages.js';
import { shapeErrors } from '../core/network.js';
import { forwardValues } from '../core/sample-diagram.js';
import { diagramNetwork } from './resolve-diagram.js';

type Fail = (pointer: string, detail: string) => ConfigError;

/** Every string of a diagram that becomes text on the figure, with its pointer. */
export function diagramTexts(p: DiagramPlotConfig, base: string): [string, string | undefined][] {
  return [
    [`${base}/title`, p.title],
    [`${base}/x/label`, p.x?.label],
    [`${base}/y/label`, p.y?.label],
    ...(p.outputs ?? []).map((t, i): [string, string] => [`${base}/outputs/${i}`, t]),
  ];
}

/** `input` and `outputs` against the inputs and outputs of the network drawn. */
export function checkDiagramSizes(p: DiagramPlotConfig, inputs: number, outputs: number, base: string, fail: Fail): void {
  if (p.input && p.input.length !== inputs) {
    throw fail(`${base}/input`, `expected ${inputs} number${inputs === 1 ? '' : 's'} (one per input of the network), got ${p.input.length}`);
  }
  if (p.outputs && p.outputs.length !== outputs) {
    throw fail(`${base}/outputs`, `expected ${outputs} name${outputs === 1 ? '' : 's'} (one per output neuron), got ${p.outputs.length}`);
  }
}

export function checkDiagram(p: DiagramPlotConfig, base: string, fail: Fail): void {
  if ((p.perceptron === undefined) === (p.network === undefined)) throw fail(base, 'give "perceptron" or "network" (exactly one of them)');
  if (p.perceptron && p.perceptron.weights.length === 0) throw fail(`${base}/perceptron/weights`, 'expected at least 1 weight (one per input)');
  const net = p.network as TypedNetworkConfig | FileNetworkConfig | undefined;
  if (net && isFileNetwork(net)) return;
  if (net) {
    const [first] = shapeErrors(net.layers, net.layers[0].weights[0].length);
    if (first) throw fail(`${base}/network/layers/${first.path.join('/')}`, first.message);
  }
  const layers = diagramNetwork(p, {}, '').layers;
  checkDiagramSizes(p, layers[0].weights[0].length, layers.at(-1)!.biases.length, base, fail);
  if (p.input) {
    const values = forwardValues(layers, p.input);
    const l = values.findIndex((v) => v.a.some((a) => !Number.isFinite(a)) || v.out.some((y) => !Number.isFinite(y)));
    if (l >= 0) throw fail(`${base}/input`, `the values overflow to Infinity in layer ${l}; use a smaller input or smaller weights`);
  }
}
