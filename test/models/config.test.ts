/**
 * `"network": { "file": ... }` in configs: validation errors point at the config's JSON path and
 * name the model file; resolved figures carry the sliced network and a digest, not the weights.
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { check } from '../helpers.js';
import { inputHash } from '../../src/pipeline/hash.js';
import { modelReads } from '../../src/models/read-model-file.js';
import { MODELS, MOONS_LAYERS, REFERENCE } from './helpers.js';
import { evaluator } from '../../src/core/network.js';
import { buildNetwork } from '../../src/core/sample-figure.js';
import type { ResolvedContour, ResolvedLine, ResolvedPanels } from '../../src/config/defaults.js';

const FILE = path.join(MODELS, 'a.json');
const errors = (config: unknown) => check(config, FILE).errors.map((e) => e.message);
const contour = (network: unknown, over: object = {}) => ({ name: 'c', kind: 'contour', network, ...over });
const rel = (f: string) => path.join(MODELS, f);

describe('validate: model files in contours, line series, panels and sweeps', () => {
  it('a contour from an ONNX file resolves to its network with the default threshold of its sigmoid', () => {
    const r = check(contour({ file: 'moons.onnx' }), FILE);
    expect(r.errors).toEqual([]);
    const fig = r.figures[0].figure as ResolvedContour;
    expect(fig.network!.spec.layers.map((l) => l.weights.length)).toEqual([16, 16, 1]);
    expect(fig.network!.spec.model).toEqual({ file: rel('moons.onnx'), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(fig.threshold).toBe(0.5);
  });

  it('a line series from a 1-input ONNX file, labelled with the file name', () => {
    const r = check({ name: 'l', kind: 'line', series: [{ network: { file: 'sine1.onnx' } }] }, FILE);
    expect(r.errors).toEqual([]);
    expect((r.figures[0].figure as ResolvedLine).series[0].label).toBe('sine1.onnx');
  });

  it('panels read their own models, and "neurons": true adds the hidden neurons of a file model', () => {
    const r = check({ name: 'p', kind: 'panels', panels: [{ kind: 'contour', network: { file: 'moons.safetensors', layers: MOONS_LAYERS } }, { kind: 'line', series: [{ network: { file: 'sine1.onnx' } }] }] }, FILE);
    expect(r.errors).toEqual([]);
    const n = check(contour({ file: 'moons.onnx' }, { neurons: true }), FILE).figures[0].figure as ResolvedPanels;
    expect(n.panels).toHaveLength(1 + 16 + 16);
  });

  it('a slice: the fixed input folds into the biases, the plotted ones pick the columns', () => {
    const full = check(contour({ file: 'ball3.onnx', inputs: ['x', 0.25, 'y'] }), FILE).figures[0].figure as ResolvedContour;
    const first = full.network!.spec.layers[0];
    expect(first.weights.every((row) => row.length === 2)).toBe(true);
    const swapped = check(contour({ file: 'ball3.onnx', inputs: ['y', 0.25, 'x'] }), FILE).figures[0].figure as ResolvedContour;
    expect(swapped.network!.spec.layers[0].weights.map(([a, b]) => [b, a])).toEqual(first.weights);
  });

  it('a slice through a reference point computes what PyTorch computed there (within 1e-6)', () => {
    const ref = REFERENCE.ball3;
    for (const i of [0, 7, 19]) {
      const [a, b, c] = ref.inputs[i];
      const fig = check(contour({ file: 'ball3.onnx', inputs: ['x', b, 'y'] }), FILE).figures[0].figure as ResolvedContour;
      const out = evaluator(buildNetwork(fig.network!.spec))([a, c]).at(-1)![0];
      expect(Math.abs(out - ref.outputs[i][0])).toBeLessThan(1e-6);
      const line = check({ name: 'l', kind: 'line', series: [{ network: { file: 'ball3.onnx', inputs: [a, b, 'x'] } }] }, FILE).figures[0].figure as ResolvedLine;
      expect(Math.abs(evaluator(buildNetwork(line.series[0].network!))([c]).at(-1)![0] - ref.outputs[i][0])).toBeLessThan(1e-6);
    }
  });

  it('a softmax classifier needs "output", which must exist', () => {
    expect(errors(contour({ file: 'three-class.onnx' }))[0]).toMatch(/network: the model has 3 outputs \(a softmax over 3 classes\); choose the one to draw with "output": 0 to 2/);
    expect(errors(contour({ file: 'three-class.onnx', output: 3 }))[0]).toMatch(/network\.output: the model has 3 outputs \(0 to 2\), got 3/);
    const ok = check(contour({ file: 'three-class.onnx', output: 2 }), FILE).figures[0].figure as ResolvedContour;
    expect(ok.network!.neuron).toBe(2);
    expect(ok.threshold).toBe(0.5);
  });

  it('inputs must cover the model: count, "x" and "y" once each, a line plots "x" alone', () => {
    expect(errors(contour({ file: 'ball3.onnx' }))[0]).toMatch(/the model takes 3 inputs and a contour plots 2 inputs, "x" and "y": give "inputs" with one entry per model input, e\.g\. \["x", "y", 0\]/);
    expect(errors(contour({ file: 'ball3.onnx', inputs: ['x', 'y'] }))[0]).toMatch(/network\.inputs: expected 3 entries \(one per input of the model\), got 2/);
    expect(errors(contour({ file: 'ball3.onnx', inputs: ['x', 'x', 'y'] }))[0]).toMatch(/network\.inputs: expected "x" exactly once/);
    expect(errors({ name: 'l', kind: 'line', series: [{ network: { file: 'ball3.onnx', inputs: ['x', 'y', 1] } }] })[0]).toMatch(/series\[0\]\.network\.inputs: expected "y" not at all/);
    expect(errors(contour({ file: 'ball3.onnx', inputs: ['x', 'z', 'y'] }))[0]).toMatch(/network\.inputs\[1\]: expected "x" or "y"/);
  });

  it('a model error is one line naming the config, the JSON path and the model file', () => {
    const [msg] = errors(contour({ file: 'moons-nan.npz', layers: [{ weight: 'W0', bias: 'b0', activation: 'relu', transpose: true }, { weight: 'W1', bias: 'b1', activation: 'relu', transpose: true }] }));
    expect(msg).toBe(`${FILE}:5:13: network.file: ${rel('moons-nan.npz')}: layer 1: weight "W1" has NaN at [3, 5]; every weight must be a finite number`);
    expect(errors(contour({ file: '../../../etc/passwd' }))[0]).toMatch(/network\.file: .*passwd: the path leaves the config file's folder/);
    expect(errors(contour({ file: 'moons.txt' }))[0]).toMatch(/network\.file: .*moons\.txt: (no such file|unknown model format)/);
  });

  it('schema errors inside a file network speak of its keys', () => {
    expect(errors(contour({ file: 'moons.onnx', layer: [] }))[0]).toMatch(/network\.layer: unknown key "layer" \(did you mean "layers"\?\)/);
    expect(errors(contour({ file: 'moons.safetensors', layers: [{ weights: 'x', activation: 'relu' }] }))[0]).toMatch(/unknown key "weights" \(did you mean "weight"\?\)|network\.layers\[0\]: missing required key "weight"/);
  });

  it('a sweep of a fixed input works; "output" cannot be swept', () => {
    const sweep = { path: 'network.inputs.1', from: -1, to: 1, frames: 3 };
    const r = check(contour({ file: 'ball3.onnx', inputs: ['x', 0, 'y'] }, { sweep, format: 'gif' }), FILE);
    expect(r.errors).toEqual([]);
    expect(Object.keys(r.figures[0].figure.sweep!.models)).toEqual(['/network']);
    expect(errors(contour({ file: 'three-class.onnx', output: 0 }, { format: 'gif', sweep: { path: 'network.output', from: 0, to: 2, frames: 3 } }))[0]).toMatch(/sweep\.path: "network\.output" cannot be swept/);
  });

  it('the input hash takes the model digest, not the weights, and changes with how the model is used', () => {
    const a = check(contour({ file: 'three-class.onnx', output: 0 }), FILE).figures[0].figure;
    const b = check(contour({ file: 'three-class.onnx', output: 1 }), FILE).figures[0].figure;
    expect(inputHash(a, 'v', 'f')).not.toBe(inputHash(b, 'v', 'f'));
    const json = JSON.stringify((a as ResolvedContour).network!.spec.contentDigest);
    expect(json).toMatch(/^"[0-9a-f]{64}:/);
  });

  it('budgets: the panels "neurons" would add, and the multiply-adds of sampling', () => {
    expect(errors(contour({ file: 'bench-2-64-64-1.onnx' }, { neurons: true }))[0]).toMatch(/neurons: the model has 128 hidden neurons: 129 panels, over the limit of 64/);
    const sweep = { path: 'x.range.1', from: 5, to: 6, frames: 500 };
    expect(errors(contour({ file: 'bench-2-64-64-1.onnx' }, { format: 'gif', sweep, x: { range: [-5, 5], step: 0.1 } }))[0]).toMatch(/x: drawing bench-2-64-64-1\.onnx takes 10201 points × 4288 weights × 500 frames = 2\.19e\+10 multiply-adds; the limit is 2e\+10/);
  });

  it('one file used by 50 figures is read and parsed once', () => {
    const before = modelReads.count;
    const figures = Array.from({ length: 50 }, (_, i) => contour({ file: 'bench-2-64-64-1.onnx' }, { name: `f${i}` }));
    const r = check({ figures }, FILE);
    expect(r.errors).toEqual([]);
    expect(r.figures).toHaveLength(50);
    expect(modelReads.count - before).toBeLessThanOrEqual(1);
    check({ figures }, FILE);
    expect(modelReads.count - before).toBeLessThanOrEqual(1);
  });
});
