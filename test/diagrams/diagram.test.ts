/**
 * Network diagrams: the seed's perceptron with its worked values, edge widths and colours from the
 * weights on one shared scale, wide layers summarised, values through a real model file against
 * torch's reference outputs, and the three still formats (SVG keeps its text as text).
 */
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { check, errorsOf, renderAny } from '../helpers.js';
import { sceneFor } from '../../src/render/figure.js';
import type { ResolvedDiagram, ResolvedFigure } from '../../src/model/figure.js';
import type { CircleItem, Item, PathItem, TextItem } from '../../src/scene/scene.js';
import { edgeWidth, NEGATIVE, POSITIVE } from '../../src/marks/diagram-edges.js';
import { formatWeight, weightedSum } from '../../src/marks/diagram-format.js';
import { legendWeights } from '../../src/marks/diagram-legend.js';
import { columnSlots } from '../../src/layout/layout-diagram.js';
import { sampleDiagram } from '../../src/core/sample-diagram.js';

const seed = (over: Record<string, unknown> = {}) => ({
  name: 'd', kind: 'diagram', width: 800, height: 480,
  perceptron: { weights: [2, 3], bias: -5, activation: 'relu' }, input: [1, 2], ...over,
});
const fig = (config: unknown, file?: string) => {
  const r = check(config, file);
  if (r.errors.length) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return r.figures[0].figure as ResolvedFigure;
};
const texts = (items: Item[]) => items.filter((i): i is TextItem => i.type === 'text').map((t) => t.text);
const circles = (items: Item[]) => items.filter((i): i is CircleItem => i.type === 'circle');
/** Edges: single straight segments with a round cap (the arrows and glyphs are not). */
const edges = (items: Item[]) => items.filter((i): i is PathItem => i.type === 'path' && i.cap === 'round' && i.lines.length === 1 && i.lines[0].length === 4);

describe('diagram of the seed\'s perceptron (w = (2, 3), b = −5, x = (1, 2))', () => {
  it('writes the worked example: a = 2·1 + 3·2 − 5 = 3, f(a) = 3', () => {
    const t = texts(sceneFor(fig(seed())).items);
    for (const s of ['x1 = 1', 'x2 = 2', 'w1 = 2', 'w2 = 3', 'b = \u22125', 'relu', 'a = 3', 'f(a) = 3', 'y = 3']) expect(t).toContain(s);
    expect(t).toContain('a = 2·1 + 3·2 \u2212 5 = 3,   f(a) = relu(3) = 3');
  });
  it('with the step function the same sum gives f(a) = 1', () => {
    const t = texts(sceneFor(fig(seed({ perceptron: { weights: [2, 3], bias: -5, activation: 'step' } }))).items);
    expect(t).toContain('a = 2·1 + 3·2 \u2212 5 = 3,   f(a) = step(3) = 1');
    expect(t).toContain('y = 1');
  });
  it('places two input nodes in one column, left of the neuron, symmetric about it', () => {
    const c = circles(sceneFor(fig(seed())).items);
    expect(c).toHaveLength(3);
    const [x1, x2, n] = c;
    expect(x1.x).toBeCloseTo(x2.x, 6);
    expect(n.x).toBeGreaterThan(x1.x + 300);
    expect((x1.y + x2.y) / 2).toBeCloseTo(n.y, 6);
    expect(x1.y).toBeLessThan(x2.y);
  });
  it('edge widths follow |weight| on the shared scale, colours the sign', () => {
    const e = edges(sceneFor(fig(seed({ perceptron: { weights: [2, -3], bias: -5, activation: 'relu' } }))).items);
    expect(e).toHaveLength(2);
    const [w2, w3] = e;
    expect(w2.stroke).toBe(POSITIVE);
    expect(w3.stroke).toBe(NEGATIVE);
    // min + (max − min)·|w|/3: the widest edge is the largest |weight|, 2 of 3 of the way for the other.
    const min = 0.6 * (100 / 72);
    expect((w2.lineWidth - min) / (w3.lineWidth - min)).toBeCloseTo(2 / 3, 9);
  });
  it('"weightScale" fixes the |weight| of the widest edge', () => {
    const e = edges(sceneFor(fig(seed({ weightScale: 6 }))).items);
    const min = 0.6 * (100 / 72);
    expect((e[0].lineWidth - min) / (e[1].lineWidth - min)).toBeCloseTo(2 / 3, 9);
    const [wide] = edges(sceneFor(fig(seed({ weightScale: 3 }))).items).slice(1);
    expect(e[1].lineWidth).toBeLessThan(wide.lineWidth);
  });
  it('without input there are no values; weights and bias stay', () => {
    const t = texts(sceneFor(fig(seed({ input: undefined }))).items);
    expect(t).toContain('x1');
    expect(t).toContain('w2 = 3');
    expect(t.some((s) => s.startsWith('a ='))).toBe(false);
  });
  it('"activations": "glyph" draws the curve instead of the name', () => {
    const items = sceneFor(fig(seed({ activations: 'glyph' }))).items;
    expect(texts(items)).not.toContain('relu');
    // ReLU's glyph: flat for a < 0, then rising.
    const glyph = items.filter((i): i is PathItem => i.type === 'path' && i.stroke === '#222222')[0].lines[0];
    const ys = glyph.filter((_, k) => k % 2 === 1);
    expect(ys[0]).toBeCloseTo(ys[10], 6);
    expect(ys[40]).toBeLessThan(ys[20] - 5);
  });
});

describe('networks', () => {
  const wide = (n: number, over: Record<string, unknown> = {}) => ({
    name: 'w', kind: 'diagram', width: 900, height: 600,
    network: { layers: [
      { weights: Array.from({ length: n }, (_, i) => [Math.sin(i + 1), Math.cos(i + 1)]), biases: Array.from({ length: n }, (_, i) => (i % 3) - 1), activation: 'tanh' },
      { weights: [Array.from({ length: n }, (_, i) => (i % 2 ? 1 : -1) * (i + 1) / n)], biases: [0.5], activation: 'sigmoid' },
    ] },
    ...over,
  });
  it('columnSlots(n, max): every neuron up to max, else the first and last 4 around the gap', () => {
    expect(columnSlots(3, 32)).toEqual([0, 1, 2]);
    expect(columnSlots(32, 32)).toHaveLength(32);
    expect(columnSlots(128, 32)).toEqual([0, 1, 2, 3, -120, 124, 125, 126, 127]);
  });
  it('a layer of 128 shows 8 neurons and "… 120 more", with edges only between drawn nodes', () => {
    const items = sceneFor(fig(wide(128))).items;
    expect(texts(items)).toContain('\u2026 120 more');
    expect(circles(items)).toHaveLength(2 + 8 + 1);
    expect(edges(items)).toHaveLength(2 * 8 + 8);
    expect(texts(items)).toContain('128 tanh');
  });
  it('a layer of 32 is drawn whole; maxNeurons lowers the threshold', () => {
    expect(circles(sceneFor(fig(wide(32))).items)).toHaveLength(2 + 32 + 1);
    const items = sceneFor(fig(wide(32, { maxNeurons: 16 }))).items;
    expect(texts(items)).toContain('\u2026 24 more');
  });
  it('edge widths share one scale across layers: equal |weight|, equal width', () => {
    const f = fig({ name: 'n', kind: 'diagram', network: { layers: [
      { weights: [[1, -2]], biases: [0], activation: 'relu' },
      { weights: [[-1], [2]], biases: [0, 0], activation: 'identity' },
    ] } });
    const e = edges(sceneFor(f).items);
    expect(e).toHaveLength(4);
    const byWeight = (w: number) => e.filter((p) => p.stroke === (w > 0 ? POSITIVE : NEGATIVE) && Math.abs(p.lineWidth - edgeWidth(w, { weight: 2, min: 0.6 * (100 / 72), max: e.reduce((m, x) => Math.max(m, x.lineWidth), 0) })) < 1e-9);
    expect(byWeight(1)).toHaveLength(1);
    expect(byWeight(-2)).toHaveLength(1);
    expect(byWeight(-1)).toHaveLength(1);
    expect(byWeight(2)).toHaveLength(1);
    expect(texts(sceneFor(f).items)).toEqual(expect.arrayContaining(['y1', 'y2', '1', '\u22122']));
  });
  it('values through a model file match torch\'s reference outputs (1e-6), written to 3 significant digits', () => {
    const ref = JSON.parse(fs.readFileSync('test/fixtures/models/reference.json', 'utf8')).moons as { inputs: number[][]; outputs: number[][] };
    const layers = [
      { weight: 'net.0.weight', bias: 'net.0.bias', activation: 'tanh' },
      { weight: 'net.2.weight', bias: 'net.2.bias', activation: 'relu' },
      { weight: 'net.4.weight', bias: 'net.4.bias', activation: 'sigmoid' },
    ];
    for (const k of [0, 17, 30, 48]) {
      const f = fig({ name: 'm', kind: 'diagram', network: { file: 'models/moons.safetensors', layers }, input: ref.inputs[k], outputs: ['p'] }, 'test/fixtures/a.json');
      const want = ref.outputs[k][0];
      const values = sampleDiagram(f as ResolvedDiagram).values!;
      expect(Math.abs(values[2].out[0] - want)).toBeLessThanOrEqual(1e-6);
      expect(texts(sceneFor(f).items)).toContain(`p = ${formatWeight(values[2].out[0])}`);
    }
  });
  it('a model file with "inputs" keeps the plotted inputs and folds the fixed ones into the biases', () => {
    const f = fig({ name: 'b', kind: 'diagram', network: { file: 'models/ball3.onnx', inputs: ['x', 0.5, 'y'] } }, 'test/fixtures/a.json');
    expect(f.kind === 'diagram' && f.inputLabels).toEqual(['x1', 'x2']);
    const all = fig({ name: 'b', kind: 'diagram', network: { file: 'models/ball3.onnx' } }, 'test/fixtures/a.json');
    expect(all.kind === 'diagram' && all.inputLabels).toEqual(['x1', 'x2', 'x3']);
  });
});

describe('diagram config errors', () => {
  it.each([
    ['no network', { name: 'd', kind: 'diagram' }, /: give "perceptron" or "network" \(exactly one of them\)$/],
    ['an input of the wrong length', seed({ input: [1, 2, 3] }), /: input: expected 2 numbers \(one per input of the network\), got 3$/],
    ['outputs of the wrong length', seed({ outputs: ['a', 'b'] }), /: outputs: expected 1 name \(one per output neuron\), got 2$/],
    ['a bad shape', { name: 'd', kind: 'diagram', network: { layers: [{ weights: [[1, 2]], biases: [0], activation: 'relu' }, { weights: [[1, 2]], biases: [0], activation: 'relu' }] } },
      /: network\.layers\[1\]\.weights\[0\]: expected 1 number/],
    ['an unknown key', seed({ wieghts: true }), /: wieghts: unknown key "wieghts" \(did you mean "weights"\?\)/],
    ['an unknown activations mode', seed({ activations: 'icon' }), /: activations: expected how a neuron shows its activation/],
    ['an input that overflows', seed({ input: [1e308, 1e308] }), /: input: the values overflow to Infinity in layer 0/],
    ['an axis range', seed({ x: { label: 'a', range: [0, 1] } }), /: x\.range: unknown key "range"/],
    ['an input of the wrong length for a model file', { name: 'd', kind: 'diagram', network: { file: 'models/ball3.onnx' }, input: [1, 2] },
      /: input: expected 3 numbers \(one per input of the network\), got 2$/],
    ['outputs of the wrong length for a model file', { name: 'd', kind: 'diagram', network: { file: 'models/three-class.onnx' }, outputs: ['a', 'b'] },
      /: outputs: expected 3 names \(one per output neuron\), got 2$/],
  ])('%s', (_, config, want) => {
    // Model files are read relative to the config: these are test/fixtures/models/*.
    const errors = errorsOf(config, 'test/fixtures/a.json');
    expect(errors.length, JSON.stringify(config)).toBeGreaterThan(0);
    expect(errors[0]).toMatch(want);
  });
});

describe('formats', () => {
  it('formatWeight(v): 3 significant digits, a real minus, no -0', () => {
    expect(formatWeight(-5)).toBe('\u22125');
    expect(formatWeight(0.73105857)).toBe('0.731');
    expect(formatWeight(-0)).toBe('0');
    expect(formatWeight(1234.5)).toBe('1235');
    expect(formatWeight(1.08e-12)).toBe('1.08e\u221212');
  });
  it('weightedSum(w, x, b) writes the terms as the seed does', () => {
    expect(weightedSum([2, 3], [1, 2], -5)).toBe('2·1 + 3·2 \u2212 5');
    expect(weightedSum([-1, 2], [-3, 0.5], 0)).toBe('\u22121·(\u22123) + 2·0.5');
    expect(weightedSum([3, -5], [1, 1], 10)).toBe('3·1 \u2212 5·1 + 10');
  });
  it('legendWeights(scale): up to 3 round values, the largest within the scale', () => {
    expect(legendWeights(3)).toEqual([1, 2, 3]);
    expect(legendWeights(20)).toEqual([10, 15, 20]);
    expect(legendWeights(0)).toEqual([]);
  });
  it('SVG keeps every label as text', async () => {
    const svg = (await renderAny(fig(seed({ format: 'svg' })))).bytes.toString('utf8');
    for (const s of ['x1 = 1', 'w1 = 2', 'b = \u22125', 'f(a) = 3', 'a = 2·1 + 3·2 \u2212 5 = 3,   f(a) = relu(3) = 3']) expect(svg).toContain(`>${s}</text>`);
  });
  it('PDF is one vector page of the same size (its pixels are checked by the PNG golden of perceptron-diagram-pdf)', async () => {
    const r = await renderAny(fig(seed({ format: 'pdf' })));
    expect(r.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect([r.width, r.height]).toEqual([800, 480]);
  });
  it('a diagram panel stands beside a contour of the same weights', () => {
    const f = fig({ name: 'p', kind: 'panels', width: 1200, height: 480, panels: [
      { kind: 'diagram', perceptron: { weights: [2, 3], bias: -5, activation: 'relu' }, input: [1, 2] },
      { kind: 'contour', perceptron: { weights: [2, 3], bias: -5, activation: 'relu' }, levels: 11 },
    ] });
    const items = sceneFor(f).items;
    const c = circles(items);
    expect(c.every((k) => k.x < 600)).toBe(true);
    expect(items.some((i) => i.type === 'field' && i.rect.x > 600)).toBe(true);
    expect(texts(items)).toContain('f(a) = 3');
  });
});
