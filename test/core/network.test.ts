import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evaluator, forward, inputCount, outputCount, shapeErrors } from '../../src/core/network.js';
import { resolveActivation } from '../../src/core/activation.js';
import { evaluate, makePerceptron } from '../../src/core/perceptron.js';

const sigmoid = resolveActivation('sigmoid');
const relu = resolveActivation('relu');
const xor = {
  layers: [
    { weights: [[20, 20], [-20, -20]], biases: [-10, 30], activation: sigmoid },
    { weights: [[20, 20]], biases: [-30], activation: sigmoid },
  ],
};

describe('forward(net, x): W·x + b then f, layer by layer', () => {
  it('computes XOR with the hand-set 2-2-1 weights (outputs within 1e-4 of 0 or 1)', () => {
    const table = [[0, 0, 0], [0, 1, 1], [1, 0, 1], [1, 1, 0]];
    for (const [a, b, want] of table) expect(Math.abs(forward(xor, [a, b])[0] - want)).toBeLessThan(1e-4);
  });
  it('one layer of one neuron is the seed perceptron (property, seeded)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 1, maxLength: 5 }), fc.double({ min: -100, max: 100, noNaN: true }), (w, b) => {
        const x = w.map((_, i) => i - 1.5);
        const net = { layers: [{ weights: [w], biases: [b], activation: relu }] };
        return Math.abs(forward(net, x)[0] - evaluate(makePerceptron(w, b, 'relu'), x)) <= 1e-9 * (1 + Math.abs(b));
      }),
      { seed: 9 },
    );
  });
  it('uses weights[i][j] as input j -> neuron i', () => {
    const net = { layers: [{ weights: [[1, 0], [0, 10]], biases: [0, 0], activation: resolveActivation('identity') }] };
    expect(Array.from(forward(net, [3, 4]))).toEqual([3, 40]);
  });
  it('reports input and output counts and rejects a wrong input length', () => {
    expect(inputCount(xor)).toBe(2);
    expect(outputCount(xor)).toBe(1);
    expect(() => forward(xor, [1])).toThrow(/takes 2 inputs, got 1/);
  });
  it('evaluator reuses its buffers (no allocation per point) and returns every layer', () => {
    const run = evaluator(xor);
    const a = run([0, 1]);
    const b = run([1, 1]);
    expect(a).toBe(b);
    expect(a.map((l) => l.length)).toEqual([2, 1]);
  });
});

describe('shapeErrors(layers, inputs)', () => {
  it('names the layer, the row and the expected length', () => {
    const errors = shapeErrors([
      { weights: [[1, 2], [3]], biases: [0, 0] },
      { weights: [[1, 2, 3]], biases: [0, 1] },
    ], 2);
    expect(errors).toEqual([
      { path: [0, 'weights', 1], message: 'expected 2 numbers (one per input: the 2 network inputs), got 1' },
      { path: [1, 'weights', 0], message: 'expected 2 numbers (one per input: the 2 neurons of layer 0), got 3' },
      { path: [1, 'biases'], message: 'expected 1 number (one per neuron, as weights has 1 row), got 2' },
    ]);
  });
  it('is empty for the XOR network', () => {
    expect(shapeErrors(xor.layers, 2)).toEqual([]);
  });
});
