/**
 * ONNX (as torch.onnx.export, tf2onnx and skl2onnx write it) to layers. The protobuf is decoded by
 * onnx-proto (protobufjs); the constants (initializers, Constant nodes) are read and checked, and
 * the graph is walked as a chain of layers (onnx-chain.ts).
 */
import { createRequire } from 'node:module';
import type { onnx } from 'onnx-proto';
import { ModelError, asModelError } from './model-error.js';
import { MODEL_LIMITS } from './model-limits.js';
import { int, onnxTensor } from './onnx-tensor.js';
import { checkFinite, countParameters, type Tensor } from './tensor.js';
import type { ModelNetwork } from './model-layer.js';
import { Chain } from './onnx-chain.js';
import { attr, f32Decimal, nodeName } from './onnx-node.js';

const require = createRequire(import.meta.url);
let schema: typeof onnx | undefined;
/** onnx-proto (protobufjs) loads with the first ONNX file: a run without one never pays for it. */
const onnxSchema = () => (schema ??= (require('onnx-proto') as { onnx: typeof onnx }).onnx);

export function readOnnx(bytes: Uint8Array): ModelNetwork & { inputs: number } {
  if (bytes.length === 0 || bytes[0] !== 0x08) throw new ModelError('not an ONNX model (wrong magic: a ModelProto starts with its ir_version)');
  const model = asModelError('ONNX', () => onnxSchema().ModelProto.decode(bytes));
  const graph = model.graph;
  if (!graph || !model.irVersion) throw new ModelError('not an ONNX model (no graph or no ir_version)');
  const nodes = graph.node ?? [];
  if (nodes.length > MODEL_LIMITS.nodes) throw new ModelError(`the graph has ${nodes.length} nodes; the limit is ${MODEL_LIMITS.nodes}`);

  const constants = new Map<string, Tensor>();
  let total = 0;
  for (const init of graph.initializer ?? []) {
    const t = onnxTensor(init, `initializer "${init.name}"`);
    total = countParameters(total, t.data.length);
    checkFinite(t, `initializer "${init.name}"`);
    constants.set(init.name ?? '', t);
  }
  for (const n of nodes) {
    if (n.opType !== 'Constant') continue;
    const out = n.output?.[0] ?? '';
    const t = attr(n, 'value')?.t;
    const vf = attr(n, 'value_float');
    const vfs = attr(n, 'value_floats');
    if (t) constants.set(out, onnxTensor(t, `Constant ${nodeName(n)}`));
    else if (vf) constants.set(out, { shape: [], data: Float64Array.of(f32Decimal(vf.f ?? 0)) });
    else if (vfs) constants.set(out, { shape: [vfs.floats?.length ?? 0], data: Float64Array.from(vfs.floats ?? [], f32Decimal) });
    else throw new ModelError(`Constant ${nodeName(n)}: only tensor and float values are read`);
    checkFinite(constants.get(out)!, `Constant ${nodeName(n)}`);
  }
  for (const n of nodes) if (n.domain && n.domain !== 'ai.onnx') throw new ModelError(`unsupported operator "${n.opType}" of domain "${n.domain}" (${nodeName(n)})`);

  const inputs = (graph.input ?? []).filter((v) => !constants.has(v.name ?? ''));
  const outputs = graph.output ?? [];
  if (inputs.length !== 1 || outputs.length !== 1) throw new ModelError(`not a chain of layers: the graph has ${inputs.length} inputs and ${outputs.length} outputs (expected one of each)`);
  const dims = (inputs[0].type?.tensorType?.shape?.dim ?? []).map((d) => (d.dimParam ? undefined : d.dimValue !== null && d.dimValue !== undefined ? int(d.dimValue) : undefined));
  const walk = new Chain(constants, dims);
  walk.run(nodes, inputs[0].name ?? '', outputs[0].name ?? '');
  return walk.result();
}

