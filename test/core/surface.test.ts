import { describe, expect, it } from 'vitest';
import { classScores, valueAt } from '../../src/core/surface.js';
import type { SurfaceFunction } from '../../src/model/figure.js';

const perceptron = (activation: string, view: SurfaceFunction['view']): SurfaceFunction => ({
  surface: { kind: 'perceptron', weights: [1, 2], bias: -5, activation }, view, threshold: 0.5, classes: 2,
});

describe('classScores(fn)(x, y, out)', () => {
  it("a perceptron's classes are the sides of w·x + b = 0; class scores [−a, a], probability scores [1 − f, f]", () => {
    const out = new Float64Array(2);
    expect(classScores(perceptron('step', 'class'))(1, 2, out)).toBe(0); // a = 0: not above the line
    expect(classScores(perceptron('step', 'class'))(2, 2, out)).toBe(1);
    expect(Array.from(out)).toEqual([-1, 1]);
    classScores(perceptron('sigmoid', 'probability'))(2, 2, out);
    expect(out[1]).toBeCloseTo(1 / (1 + Math.exp(-1)), 15);
    expect(out[0] + out[1]).toBeCloseTo(1, 15);
  });
  it('one network output: class 1 above the threshold (not at it), scores whose difference crosses 0 there', () => {
    const fn: SurfaceFunction = { surface: { kind: 'network', spec: { layers: [{ weights: [[1, 0]], biases: [0], activation: 'identity' }] }, layer: 0, neuron: 0 }, view: 'class', threshold: 0.25, classes: 2 };
    const out = new Float64Array(2);
    expect(classScores(fn)(0.25, 0, out)).toBe(0);
    expect(out[1] - out[0]).toBe(0);
    expect(classScores(fn)(0.5, 0, out)).toBe(1);
    expect(out[1] - out[0]).toBeCloseTo(0.5, 15);
  });
  it('several outputs: the largest wins (the first of equals), scored by their softmax unless the model ends in one', () => {
    const layers = [{ weights: [[1, 0], [0, 1], [0, 0]], biases: [0, 0, 0], activation: 'identity' }];
    const fn: SurfaceFunction = { surface: { kind: 'network', spec: { layers }, layer: 0, neuron: 0 }, view: 'probability', threshold: 0, classes: 3 };
    const out = new Float64Array(3);
    expect(classScores(fn)(2, 1, out)).toBe(0);
    const e = [Math.exp(2), Math.exp(1), 1];
    const sum = e[0] + e[1] + e[2];
    expect(Array.from(out).map((v, k) => Math.abs(v - e[k] / sum)).every((d) => d < 1e-15)).toBe(true);
    expect(classScores(fn)(1, 1, out)).toBe(0);
    expect(classScores(fn)(-1, -1, out)).toBe(2);
    const soft = { ...fn, surface: { ...fn.surface, spec: { layers: [{ ...layers[0], softmax: true }] } } } as SurfaceFunction;
    classScores(soft)(2, 1, out);
    expect(out[0]).toBeCloseTo(e[0] / sum, 15);
  });
});

describe('valueAt(surface)', () => {
  it("is the perceptron's f(w·x + b) and a network neuron's output", () => {
    expect(valueAt({ kind: 'perceptron', weights: [2, 3], bias: -5, activation: 'relu' })(1, 2)).toBe(3);
    const spec = { layers: [{ weights: [[1, 1], [1, -1]], biases: [0, 0], activation: 'relu' }, { weights: [[1, 1]], biases: [0], activation: 'identity' }] };
    expect(valueAt({ kind: 'network', spec, layer: 0, neuron: 1 })(1, 3)).toBe(0);
    expect(valueAt({ kind: 'network', spec, layer: 1, neuron: 0 })(3, 1)).toBe(6);
  });
});
