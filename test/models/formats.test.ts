/**
 * Every format and dtype read back the function PyTorch computed: the reference outputs were
 * written by scripts/make-model-fixtures.py (torch in float64 on the file's own weights).
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { loadModel } from '../../src/models/load-model.js';
import { evaluator } from '../../src/core/network.js';
import { buildNetwork } from '../../src/core/sample-figure.js';
import fs from 'node:fs';
import os from 'node:os';
import proto from 'onnx-proto';
import { MODELS, MOONS_LAYERS, MOONS_NPZ_LAYERS, REFERENCE } from './helpers.js';

const CONFIG = path.join(MODELS, 'config.json');
const TOLERANCE = 1e-6;

const cases: [file: string, layers: typeof MOONS_LAYERS | undefined, reference: string][] = [
  ['moons.onnx', undefined, 'moons'],
  ['moons-typed.onnx', undefined, 'moons'],
  ['moons-f64.onnx', undefined, 'moons'],
  ['moons-f64-typed.onnx', undefined, 'moons'],
  ['moons-f16.onnx', undefined, 'moons-f16'],
  ['moons.safetensors', MOONS_LAYERS, 'moons'],
  ['moons-f64.safetensors', MOONS_LAYERS, 'moons'],
  ['moons-f16.safetensors', MOONS_LAYERS, 'moons-f16'],
  ['moons-bf16.safetensors', MOONS_LAYERS, 'moons-bf16'],
  ['moons.pt', MOONS_LAYERS, 'moons'],
  ['moons-params.pth', MOONS_LAYERS, 'moons'],
  ['moons-f16.pt', MOONS_LAYERS, 'moons-f16'],
  ['moons.npz', MOONS_NPZ_LAYERS, 'moons'],
  ['moons-compressed.npz', MOONS_NPZ_LAYERS, 'moons'],
  ['activations.onnx', undefined, 'activations'],
  ['three-class.onnx', undefined, 'three-class'],
  ['ball3.onnx', undefined, 'ball3'],
  ['sine1.onnx', undefined, 'sine1'],
  ['matmul-add.onnx', undefined, 'matmul-add'],
  ['gelu-op.onnx', undefined, 'gelu-op'],
  ['softmax.onnx', undefined, 'softmax'],
  ['silu.onnx', undefined, 'silu'],
  ['gelu-tanh.onnx', undefined, 'gelu-tanh'],
];

describe('loadModel(config, file, layers) matches the reference outputs within 1e-6', () => {
  it.each(cases)('%s', (file, layers, ref) => {
    const m = loadModel(CONFIG, file, layers);
    const run = evaluator(buildNetwork({ layers: m.layers }));
    const r = REFERENCE[ref];
    expect(r.inputs.length).toBeGreaterThan(5);
    expect(m.inputs).toBe(r.inputs[0].length);
    expect(m.outputs).toBe(r.outputs[0].length);
    r.inputs.forEach((x, i) => {
      const got = Array.from(run(x).at(-1)!);
      r.outputs[i].forEach((want, k) => expect(Math.abs(got[k] - want)).toBeLessThan(TOLERANCE));
    });
  });

  it('the activations of the ONNX graph are the ones PyTorch exported, parameters rounded as the exporter wrote them', () => {
    const m = loadModel(CONFIG, 'activations.onnx', undefined);
    expect(m.layers.map((l) => l.activation)).toEqual([
      'gelu', { name: 'leaky_relu', slope: 0.1 }, { name: 'elu', alpha: 0.5 }, 'softplus', 'hard_sigmoid', 'tanh', 'sigmoid',
    ]);
  });

  it('the SiLU and tanh-GELU patterns PyTorch exports are one silu or gelu_tanh layer', () => {
    expect(loadModel(CONFIG, 'silu.onnx', undefined).layers.map((l) => l.activation)).toEqual(['silu', 'identity']);
    expect(loadModel(CONFIG, 'gelu-tanh.onnx', undefined).layers.map((l) => l.activation)).toEqual(['gelu_tanh', 'identity']);
  });

  it('a softmax at the end of an ONNX graph is the last layer\'s, and its outputs sum to 1', () => {
    const m = loadModel(CONFIG, 'three-class.onnx', undefined);
    expect(m.layers.at(-1)!.softmax).toBe(true);
    const out = evaluator(buildNetwork({ layers: m.layers }))([1, -2]).at(-1)!;
    expect(out.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('an .npy holds one array, named after the file; Fortran order and big-endian read the same numbers', () => {
    const layer = (weight: string) => [{ weight, activation: 'identity', transpose: true }];
    const plain = loadModel(CONFIG, 'moons-W0.npy', layer('moons-W0'));
    const fortran = loadModel(CONFIG, 'moons-W0-fortran.npy', layer('moons-W0-fortran'));
    const big = loadModel(CONFIG, 'moons-W0-f64-big-endian.npy', layer('moons-W0-f64-big-endian'));
    const pt = loadModel(CONFIG, 'moons.pt', [MOONS_LAYERS[0]]);
    expect(plain.layers[0].weights).toEqual(pt.layers[0].weights);
    expect(fortran.layers[0].weights).toEqual(pt.layers[0].weights);
    expect(big.layers[0].weights).toEqual(pt.layers[0].weights);
  });

  it('the seed\'s perceptron as NumPy saves it: integer w = (1, 2) as one neuron, a 0-d b = -5', () => {
    const m = loadModel(CONFIG, 'perceptron.npz', [{ weight: 'w', bias: 'b', activation: 'relu' }]);
    expect(m.layers).toEqual([{ weights: [[1, 2]], biases: [-5], activation: 'relu' }]);
  });
});

describe('ONNX graphs with a scaler in front (as skl2onnx writes them)', () => {
  it('Cast, Sub and Div by constants fold into the first layer: (x - mean) / scale, then Gemm and Sigmoid', () => {
    const f32 = (v: number[]) => new Uint8Array(Float32Array.from(v).buffer);
    const tensor = (name: string, dims: number[], v: number[]) => ({ name, dims, dataType: 1, rawData: f32(v) });
    const node = (opType: string, input: string[], output: string[], attribute: object[] = []) => ({ opType, input, output, name: output[0], attribute });
    const model = proto.onnx.ModelProto.encode({
      irVersion: 8,
      opsetImport: [{ domain: '', version: 13 }],
      graph: {
        input: [{ name: 'x', type: { tensorType: { elemType: 11, shape: { dim: [{ dimParam: 'N' }, { dimValue: 2 }] } } } }],
        output: [{ name: 'y' }],
        initializer: [tensor('mean', [2], [1, -2]), tensor('scale', [2], [2, 4]), tensor('W', [1, 2], [0.5, -1.5]), tensor('b', [1], [0.25])],
        node: [
          node('Cast', ['x'], ['x32'], [{ name: 'to', type: 2, i: 1 }]),
          node('Sub', ['x32', 'mean'], ['c']),
          node('Div', ['c', 'scale'], ['s']),
          node('Gemm', ['s', 'W', 'b'], ['g'], [{ name: 'transB', type: 2, i: 1 }]),
          node('Sigmoid', ['g'], ['y']),
        ],
      },
    }).finish();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'actiplot-scaler-'));
    fs.writeFileSync(path.join(dir, 'scaler.onnx'), model);
    const m = loadModel(path.join(dir, 'a.json'), 'scaler.onnx', undefined);
    const run = evaluator(buildNetwork({ layers: m.layers }));
    for (const [x1, x2] of [[0, 0], [3, -1], [-2.5, 4]]) {
      const a = 0.5 * ((x1 - 1) / 2) - 1.5 * ((x2 + 2) / 4) + 0.25;
      expect(Math.abs(run([x1, x2]).at(-1)![0] - 1 / (1 + Math.exp(-a)))).toBeLessThan(1e-12);
    }
  });
});
