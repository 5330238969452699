import { describe, expect, it } from 'vitest';
import { evaluate, makePerceptron, preActivation } from '../../src/core/perceptron.js';

describe('perceptron: a = w·x + b, then f(a)', () => {
  it("gives the seed's worked example: x=(1,2), w=(2,3), b=-5 -> a=3, step 1, ReLU 3", () => {
    const relu = makePerceptron([2, 3], -5, 'relu');
    const step = makePerceptron([2, 3], -5, 'step');
    expect(preActivation(relu, [1, 2])).toBe(3);
    expect(evaluate(step, [1, 2])).toBe(1);
    expect(evaluate(relu, [1, 2])).toBe(3);
  });
  it('takes any number of inputs', () => {
    const p = makePerceptron([1, -1, 2, 0.5], 1, 'relu');
    expect(evaluate(p, [1, 2, 3, 4])).toBeCloseTo(1 - 2 + 6 + 2 + 1, 12);
    expect(evaluate(makePerceptron([], 2, 'relu'), [])).toBe(2);
  });
  it('puts the seed contour maxima where the seed says: w=(3,-5), b=10 -> 50 at (5,-5)', () => {
    expect(evaluate(makePerceptron([3, -5], 10, 'relu'), [5, -5])).toBe(50);
    expect(evaluate(makePerceptron([1, 2], -5, 'relu'), [5, 5])).toBe(10);
  });
  it('rejects an input of the wrong length', () => {
    expect(() => preActivation(makePerceptron([1, 2], 0, 'relu'), [1])).toThrow(/takes 2 inputs, got 1/);
  });
  it('evaluates the derivative: relu\'(3) = 1', () => {
    expect(evaluate(makePerceptron([2, 3], -5, 'relu'), [1, 2], true)).toBe(1);
  });
});
